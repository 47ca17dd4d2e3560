import type { Db, Executor } from '../../db/database.js';
import { replacePageCredentials } from '../pages/page-store.js';
import type { VariantRow } from '../variants/variant-store.js';

/** What the outbox records after an attempt; every write is conditional on the claim still being ours. */
export type AttemptOutcome =
  | { readonly kind: 'published'; readonly remoteId: string; readonly url: string | undefined; readonly found: boolean }
  | { readonly kind: 'retry'; readonly at: string; readonly reason: string; readonly unknownOutcome: boolean; readonly outcome: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly outcome: string };

/** A claimed variant: the claim's holder and its attempt number identify it. */
export type ClaimedVariant = VariantRow & { readonly claimed_by: string; readonly claimed_until: string };

/**
 * Takes up to `limit` variants due at `now` for `worker` until `leaseUntil`, and logs an
 * attempt for each, in one transaction. Due: scheduled and their time has come, or left in
 * `publishing` by a worker whose lease has passed (it died, or hangs). The claim sets
 * `check_first` from the row *before* the update (SQL evaluates every SET on the old row): a
 * variant taken over from `publishing`, or whose earlier outcome was unknown, must be looked
 * for on the network before it is sent again. On PostgreSQL the candidates are locked
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers take different rows; SQLite has one writer.
 */
export async function claimDueVariants(db: Db, worker: string, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedVariant[]> {
  const at = now.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const claimed = await trx.updateTable('relay_variants')
      .set((eb) => ({
        state: 'publishing',
        check_first: eb.case().when(eb.or([eb('state', '=', 'publishing'), eb('unknown_outcome', '=', 1)])).then(1).else(0).end(),
        claimed_by: worker,
        claimed_until: leaseUntil.toISOString(),
        attempts: eb('attempts', '+', 1),
        updated_at: at,
      }))
      .where('id', 'in', (qb) => qb.selectFrom('relay_variants').select('id')
        .where((eb) => eb.or([
          eb.and([eb('state', '=', 'scheduled'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('state', '=', 'publishing'), eb('claimed_until', '<', at)]),
        ]))
        .orderBy('next_attempt_at').limit(limit)
        .$if(db.dialect === 'postgres', (q) => q.forUpdate().skipLocked()))
      .returningAll()
      .execute();
    if (claimed.length > 0) {
      await trx.insertInto('relay_attempts')
        .values(claimed.map((v) => ({ variant_id: v.id, attempt: v.attempts, worker, started_at: at })))
        .execute();
    }
    return claimed.sort((a, b) => a.id - b.id) as ClaimedVariant[];
  });
}

/** One attempt's outcome to record, with the claim it was made under. */
export interface AttemptRecord {
  readonly variant: Pick<ClaimedVariant, 'id' | 'attempts' | 'claimed_by'>;
  readonly outcome: AttemptOutcome;
  /**
   * Credentials the network renewed during the attempt, sealed (`to`), to store on the page
   * if it still holds the ones the attempt started with (`from`; see `replacePageCredentials`).
   */
  readonly credentials?: { readonly pageId: number; readonly from: string; readonly to: string };
}

/**
 * Records attempts' outcomes on their variants (with the attempts log and the credentials the
 * network renewed) in one transaction, each only if its worker still holds that attempt's
 * claim; per record, false when another worker took the variant over meanwhile. Several
 * outcomes share a commit (group commit).
 */
export async function recordAttempts(db: Executor, records: readonly AttemptRecord[], now: Date): Promise<boolean[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const recorded: boolean[] = [];
    for (const { variant, outcome, credentials } of records) {
      const common = { claimed_by: null, claimed_until: null, updated_at: at };
      const fields = outcome.kind === 'published'
        ? { ...common, state: 'published' as const, remote_id: outcome.remoteId, remote_url: outcome.url ?? null, published_at: at, failure_reason: null, unknown_outcome: 0 }
        : outcome.kind === 'retry'
          ? { ...common, state: 'scheduled' as const, next_attempt_at: outcome.at, failure_reason: outcome.reason, ...(outcome.unknownOutcome && { unknown_outcome: 1 }) }
          : { ...common, state: 'failed' as const, failure_reason: outcome.reason };
      // The write comes first: SQLite takes its write lock at once, and PostgreSQL locks the row.
      const result = await trx.updateTable('relay_variants').set(fields)
        .where('id', '=', variant.id).where('state', '=', 'publishing')
        .where('claimed_by', '=', variant.claimed_by).where('attempts', '=', variant.attempts)
        .executeTakeFirst();
      recorded.push(result.numUpdatedRows > 0n);
      if (result.numUpdatedRows === 0n) continue;
      // With the outcome, under the same claim: a worker that lost its claim stores nothing.
      if (credentials) await replacePageCredentials(trx, credentials.pageId, credentials.from, credentials.to, now);
      const detail = outcome.kind === 'published' ? (outcome.found ? 'retrouvée sur le réseau' : outcome.url ?? outcome.remoteId) : outcome.reason;
      const name = outcome.kind === 'published' ? (outcome.found ? 'found' : 'published') : outcome.outcome;
      await trx.updateTable('relay_attempts').set({ finished_at: at, outcome: name, detail })
        .where('variant_id', '=', variant.id).where('attempt', '=', variant.attempts).execute();
    }
    return recorded;
  });
}

/**
 * Makes the variants held by workers known to be gone (a process of this machine that no longer
 * exists) due again at once, instead of after their lease: a restarted worker resumes at once.
 * They stay in `publishing`, so the next claim looks for them on the network before resending.
 */
export async function releaseClaimsOf(db: Executor, workers: readonly string[], now: Date): Promise<number> {
  if (workers.length === 0) return 0;
  const result = await db.updateTable('relay_variants').set({ claimed_until: new Date(now.getTime() - 1).toISOString() })
    .where('state', '=', 'publishing').where('claimed_by', 'in', workers).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The workers holding variants in `publishing` right now. */
export async function listClaimHolders(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('relay_variants').select('claimed_by').distinct()
    .where('state', '=', 'publishing').where('claimed_by', 'is not', null).execute();
  return rows.map((r) => r.claimed_by!);
}
