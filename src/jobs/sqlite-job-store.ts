import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { JobsTable } from '../db/schema.js';
import type { Selectable } from 'kysely';

/** A row of the `jobs` table. */
export type JobRow = Selectable<JobsTable>;

/** A new job: what `enqueue` stores. */
export interface NewJob {
  readonly name: string;
  readonly payload: string;
  readonly runAt: string;
  readonly maxAttempts: number;
  readonly singletonKey: string | null;
}

/**
 * Stores a queued job. With a singleton key, the queued job of that name and key (if any) takes
 * the new date and payload instead, so at most one waits per key.
 */
export async function storeQueuedJob(db: Executor, job: NewJob, at: string): Promise<void> {
  if (job.singletonKey === null) {
    await db.insertInto('jobs').values(newRow(job, at)).execute();
    return;
  }
  // Two single statements, each atomic in SQLite: replace the waiting one, else insert if still none
  // waits. A concurrent insert between them makes the second a no-op, and the first then matches.
  for (let tries = 0; tries < 10; tries++) {
    const replaced = await db.updateTable('jobs')
      .set({ payload: job.payload, run_at: job.runAt, max_attempts: job.maxAttempts, attempts: 0, last_error: null, updated_at: at })
      .where('name', '=', job.name).where('singleton_key', '=', job.singletonKey).where('state', '=', 'queued')
      .executeTakeFirst();
    if (Number(replaced.numUpdatedRows) > 0) return;
    if (await insertUnlessPending(db, job, at, ['queued'])) return;
  }
  throw new Error(`could not store job ${job.name} (${job.singletonKey})`);
}

/**
 * Inserts the job unless one of that name and singleton key is in one of `states`; true if inserted.
 * With `['queued', 'running']` it keeps a recurring job to one pending run.
 */
export async function insertUnlessPending(db: Executor, job: NewJob, at: string, states: readonly ('queued' | 'running')[]): Promise<boolean> {
  const row = newRow(job, at);
  const result = await sql`
    insert into jobs (name, payload, state, run_at, attempts, max_attempts, singleton_key, last_error, created_at, updated_at)
    select ${row.name}, ${row.payload}, 'queued', ${row.run_at}, 0, ${row.max_attempts}, ${row.singleton_key}, null, ${at}, ${at}
    where not exists (
      select 1 from jobs where name = ${row.name} and singleton_key = ${row.singleton_key} and state in (${sql.join(states)})
    )`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Removes the waiting job of that name and singleton key, if any. */
export async function deleteQueuedJob(db: Executor, name: string, singletonKey: string): Promise<void> {
  await db.deleteFrom('jobs').where('name', '=', name).where('singleton_key', '=', singletonKey).where('state', '=', 'queued').execute();
}

/**
 * Atomically moves up to `limit` due jobs of the given names to `running` and counts the attempt.
 * One UPDATE … RETURNING, so two processes on one file never claim the same job. `leaseAt` (real
 * time) starts the lease the heartbeat renews.
 */
export async function claimDueJobs(db: Executor, names: readonly string[], dueBy: string, limit: number, leaseAt: string): Promise<JobRow[]> {
  if (names.length === 0 || limit < 1) return [];
  const due = await db.selectFrom('jobs').select('id')
    .where('state', '=', 'queued').where('run_at', '<=', dueBy).where('name', 'in', names)
    .limit(1).executeTakeFirst();
  if (!due) return []; // a read first: an idle poll takes no write lock
  // `+state`: the outer row is found by its id (a few), never by scanning every queued job in the
  // state index, which SQLite would otherwise pick (0.4 ms with 3,000 mails waiting for a retry).
  return db.updateTable('jobs')
    .set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1), updated_at: leaseAt }))
    .where(sql<string>`+state`, '=', 'queued')
    .where('id', 'in', (eb) => eb.selectFrom('jobs').select('id')
      .where('state', '=', 'queued').where('run_at', '<=', dueBy).where('name', 'in', names)
      .orderBy('run_at').orderBy('id').limit(limit))
    .returningAll()
    .execute();
}

/** Renews the lease of a running job (only the claim that holds it: same attempt number). */
export async function renewJobLease(db: Executor, job: Pick<JobRow, 'id' | 'attempts'>, leaseAt: string): Promise<void> {
  await db.updateTable('jobs').set({ updated_at: leaseAt })
    .where('id', '=', job.id).where('attempts', '=', job.attempts).where('state', '=', 'running').execute();
}

/** Marks a run finished; a claim whose lease was taken over changes nothing. */
export async function markJobDone(db: Executor, job: Pick<JobRow, 'id' | 'attempts'>, at: string): Promise<void> {
  await db.updateTable('jobs').set({ state: 'done', last_error: null, updated_at: at })
    .where('id', '=', job.id).where('attempts', '=', job.attempts).where('state', '=', 'running').execute();
}

/**
 * Records a failed try: back to `queued` at `retryAt` while tries remain and no newer job of the
 * same singleton key waits (that one replaces it), `failed` otherwise.
 */
export async function markJobFailed(db: Executor, job: Pick<JobRow, 'id' | 'attempts'>, error: string, retryAt: string, at: string): Promise<void> {
  await sql`
    update jobs set
      state = case when attempts < max_attempts and ${noNewerWaiting()} then 'queued' else 'failed' end,
      run_at = ${retryAt}, last_error = ${error}, updated_at = ${at}
    where id = ${job.id} and attempts = ${job.attempts} and state = 'running'`.execute(db);
}

/**
 * Gives the jobs of crashed processes back: a `running` job whose lease was not renewed since
 * `expiredBefore` is queued again (or failed when out of tries). Returns how many.
 */
export async function requeueExpiredJobs(db: Executor, expiredBefore: string, at: string): Promise<number> {
  const result = await sql`
    update jobs set
      state = case when attempts < max_attempts and ${noNewerWaiting()} then 'queued' else 'failed' end,
      run_at = ${at}, last_error = coalesce(last_error, 'lease expired'), updated_at = ${at}
    where state = 'running' and updated_at < ${expiredBefore}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Deletes finished jobs last touched before the dates given. */
export async function deleteFinishedJobs(db: Executor, doneBefore: string, failedBefore: string): Promise<void> {
  await db.deleteFrom('jobs')
    .where((eb) => eb.or([
      eb.and([eb('state', '=', 'done'), eb('updated_at', '<', doneBefore)]),
      eb.and([eb('state', '=', 'failed'), eb('updated_at', '<', failedBefore)]),
    ]))
    .execute();
}

function noNewerWaiting() {
  return sql`(jobs.singleton_key is null or not exists (
    select 1 from jobs waiting where waiting.name = jobs.name and waiting.singleton_key = jobs.singleton_key and waiting.state = 'queued'))`;
}

function newRow(job: NewJob, at: string) {
  return {
    name: job.name, payload: job.payload, state: 'queued' as const, run_at: job.runAt, attempts: 0,
    max_attempts: job.maxAttempts, singleton_key: job.singletonKey, last_error: null, created_at: at, updated_at: at,
  };
}
