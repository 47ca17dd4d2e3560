import type { Executor } from '../../db/database.js';
import { recordAttempts, type AttemptRecord } from './outbox-store.js';

/** Records one outcome; resolves once committed, to false when the claim was lost. */
export type RecordAttempt = (record: AttemptRecord) => Promise<boolean>;

/**
 * Group commit for a round's outcomes: each is written as soon as the database is free, with
 * every other outcome that arrived while the previous commit ran, in one transaction. Nothing
 * waits for a batch to fill, so a lone outcome is written at once.
 */
export function createAttemptRecorder(db: Executor, now: () => Date): RecordAttempt {
  let pending: { record: AttemptRecord; resolve: (recorded: boolean) => void; reject: (error: unknown) => void }[] = [];
  let flushing = false;
  async function flush(): Promise<void> {
    flushing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        const recorded = await recordAttempts(db, batch.map((p) => p.record), now());
        batch.forEach((p, i) => p.resolve(recorded[i]!));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    flushing = false;
  }
  return (record) => new Promise<boolean>((resolve, reject) => {
    pending.push({ record, resolve, reject });
    if (!flushing) void flush();
  });
}
