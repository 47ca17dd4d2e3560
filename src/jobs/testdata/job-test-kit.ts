import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { createJobQueue, type JobQueueOptions } from '../create-job-queue.js';
import type { JobQueue } from '../job.js';

/** Log lines a test can read (parsed pino JSON). */
export interface CapturedLogger {
  readonly logger: Logger;
  readonly lines: Array<Record<string, unknown>>;
}

/** A pino logger writing into an array instead of standard error. */
export function captureLogger(): CapturedLogger {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

/** An open, migrated test database and the queues made on it; `close()` stops them and drops it. */
export interface JobTestKit {
  readonly testDb: TestDatabase;
  readonly db: Db;
  readonly log: CapturedLogger;
  /** A queue with test timings; each models one process (own connection on SQLite). */
  queue(options?: Partial<JobQueueOptions>): JobQueue;
  /** Stops every queue and closes the connections, keeping the database (to reopen it). */
  closeQueues(): Promise<void>;
  close(): Promise<void>;
}

/** Short poll intervals so the suite stays fast. */
export const TEST_POLL_MS = 50;

/** Creates a test database of the dialect, migrated. */
export async function openJobTestKit(dialect: TestDatabase['dialect']): Promise<JobTestKit> {
  const testDb = await createTestDatabase(dialect);
  const db = openDatabase(testDb.target);
  await migrateToLatest(db);
  const log = captureLogger();
  const opened: Array<{ queue: JobQueue; db: Db }> = [];
  const closeQueues = async () => {
    for (const { queue, db: own } of opened.splice(0)) {
      await queue.stop();
      if (own !== db) await own.close();
    }
  };
  return {
    testDb, db, log,
    queue(options = {}) {
      const own = opened.length === 0 ? db : openDatabase(testDb.target);
      const queue = createJobQueue(own, { logger: log.logger, now: () => new Date(), pollIntervalMs: TEST_POLL_MS, ...options });
      opened.push({ queue, db: own });
      return queue;
    },
    closeQueues,
    async close() {
      await closeQueues();
      await db.close();
      await testDb.drop();
    },
  };
}

/** Waits until `check()` is true, polling; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** A promise resolving after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
