import PgBoss from 'pg-boss';
import type { Db, Executor } from '../db/database.js';
import type { Logger } from '../logger.js';
import { createHandlerRegistry, RECURRING_KEY } from './handler-registry.js';
import type { JobQueue, JobType } from './job.js';
import { errorText, startJobLoop, type JobLoop, type JobLoopOptions } from './job-loop.js';
import { findWaitingJobIds, hasPendingJob, lockSingletonKey, pgBossDbOn, PG_BOSS_SCHEMA } from './pg-boss-store.js';

/** Options of the PostgreSQL queue. */
export interface PgBossJobQueueOptions extends JobLoopOptions {
  readonly logger: Logger;
  /** A job still running after this long is failed (and retried if tries remain) by pg-boss's maintenance. */
  readonly leaseSeconds: number;
}

type Fetched = PgBoss.JobWithMetadata<unknown>;

/**
 * The job queue on PostgreSQL, over pg-boss 10. pg-boss is started on first use (a web process
 * that only enqueues never consumes); `start()` adds the consumer loop. Fetching is pg-boss's
 * `FOR UPDATE SKIP LOCKED`, so any number of worker processes run each job once.
 *
 * Singleton keys: pg-boss's singleton policies apply to a whole queue (keyless jobs included),
 * so instead each change to a key runs in a transaction holding an advisory lock on it, cancels
 * the waiting job and sends the new one. Recurring jobs send their next run as each run ends, so
 * one runs at a time whatever the interval; consumers restore a broken chain now and then.
 */
export function createPgBossJobQueue(db: Db, options: PgBossJobQueueOptions): JobQueue {
  const { logger } = options;
  if (!db.databaseUrl) throw new Error('pg-boss needs a PostgreSQL database');
  const registry = createHandlerRegistry();
  const boss = new PgBoss({
    connectionString: db.databaseUrl, schema: PG_BOSS_SCHEMA, application_name: 'relais-jobs', max: 4,
    schedule: false, supervise: true, expireInSeconds: options.leaseSeconds,
  });
  boss.on('error', (err) => logger.error({ err }, 'jobs.pg-boss.error'));
  let started: Promise<unknown> | undefined;
  const queues = new Map<string, Promise<void>>();
  let loop: JobLoop | undefined;
  let lastHousekeeping = 0;
  let firstQueue = 0;

  async function ready(name: string): Promise<void> {
    started ??= boss.start();
    await started;
    let queue = queues.get(name);
    if (!queue) {
      queue = createQueue(name);
      queues.set(name, queue);
      queue.catch(() => queues.delete(name));
    }
    await queue;
  }

  /**
   * pg-boss's `create_queue` does nothing for an existing queue, but two processes creating the same
   * new one at once (a web process and workers starting together) can deadlock in it: PostgreSQL
   * aborts one of them (SQLSTATE 40P01), which then finds the queue made by the other.
   */
  async function createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await boss.createQueue(name);
      } catch (err) {
        if ((err as { code?: unknown }).code !== '40P01' || attempt >= 5) throw err;
        logger.info({ queue: name, attempt }, 'jobs.queue.create-retried');
      }
    }
  }

  /** In a transaction locking the recurring key: `before` (closing the current run), then the next run unless one is pending. */
  async function chainRecurring(name: string, delaySeconds: number, before?: (trx: Executor) => Promise<void>): Promise<void> {
    await db.kysely.transaction().execute(async (trx) => {
      await lockSingletonKey(trx, name, RECURRING_KEY);
      await before?.(trx);
      if (await hasPendingJob(trx, name, RECURRING_KEY)) return;
      // A number of seconds is added to the database's clock: no skew with this process's clock.
      await boss.send(name, {}, { singletonKey: RECURRING_KEY, retryLimit: 0, startAfter: Math.max(0, Math.round(delaySeconds)), db: pgBossDbOn(trx) });
    });
  }

  async function claim(limit: number): Promise<Fetched[]> {
    const names = registry.names();
    if (Date.now() - lastHousekeeping > 30_000) {
      lastHousekeeping = Date.now();
      for (const [name] of registry.recurring()) await chainRecurring(name, 0);
    }
    const claimed: Fetched[] = [];
    // Start from a different queue each time, so a busy one cannot starve the others.
    firstQueue = (firstQueue + 1) % Math.max(1, names.length);
    for (let i = 0; i < names.length && claimed.length < limit; i++) {
      const name = names[(firstQueue + i) % names.length]!;
      claimed.push(...(await boss.fetch<unknown>(name, { batchSize: limit - claimed.length, includeMetadata: true })));
    }
    return claimed;
  }

  async function run(job: Fetched): Promise<void> {
    const handler = registry.get(job.name);
    let failure: unknown = null;
    try {
      if (!handler) throw new Error(`no handler for ${job.name}`);
      await handler.run(job.data);
    } catch (err) {
      failure = err;
      logger.warn({ job: { id: job.id, name: job.name, attempt: job.retryCount + 1 }, err }, 'jobs.run.failed');
    }
    const close = (on: PgBoss.Db) => failure === null
      ? boss.complete(job.name, job.id, {}, { db: on })
      : boss.fail(job.name, job.id, { message: errorText(failure) }, { db: on });
    const interval = registry.interval(job.name);
    try {
      if (interval !== undefined && job.singletonKey === RECURRING_KEY) {
        await chainRecurring(job.name, interval, async (trx) => { await close(pgBossDbOn(trx)); });
      } else {
        await close(boss.getDb());
      }
    } catch (err) {
      logger.error({ err, job: { id: job.id, name: job.name } }, 'jobs.record.failed');
    }
  }

  return {
    handle(type, handler, handlerOptions) {
      registry.add(type, handler, handlerOptions);
    },
    async enqueue(type, payload, enqueueOptions = {}) {
      await ready(type.name);
      const { maxAttempts, retryDelaySeconds } = registry.retryPolicy(type.name);
      const sendOptions: PgBoss.SendOptions = {
        retryLimit: maxAttempts - 1, retryDelay: Math.ceil(retryDelaySeconds), retryBackoff: retryDelaySeconds > 0,
        ...(enqueueOptions.runAt ? { startAfter: enqueueOptions.runAt } : {}),
      };
      const data = (payload ?? {}) as object;
      const key = enqueueOptions.singletonKey;
      if (key === undefined) {
        await boss.send(type.name, data, sendOptions);
      } else {
        await db.kysely.transaction().execute(async (trx) => {
          await lockSingletonKey(trx, type.name, key);
          const waiting = await findWaitingJobIds(trx, type.name, key);
          if (waiting.length > 0) await boss.cancel(type.name, waiting, { db: pgBossDbOn(trx) });
          await boss.send(type.name, data, { ...sendOptions, singletonKey: key, db: pgBossDbOn(trx) });
        });
      }
      loop?.wake();
    },
    async cancel(type: JobType<unknown>, singletonKey: string) {
      await ready(type.name);
      await db.kysely.transaction().execute(async (trx) => {
        await lockSingletonKey(trx, type.name, singletonKey);
        const waiting = await findWaitingJobIds(trx, type.name, singletonKey);
        if (waiting.length > 0) await boss.cancel(type.name, waiting, { db: pgBossDbOn(trx) });
      });
    },
    async every(type, intervalSeconds) {
      registry.setInterval(type.name, intervalSeconds);
      await ready(type.name);
      await chainRecurring(type.name, 0);
      loop?.wake();
    },
    async start() {
      if (loop) return;
      for (const name of registry.names()) await ready(name);
      loop = startJobLoop<Fetched>({ ...options, claim, run });
    },
    async stop() {
      const current = loop;
      loop = undefined;
      await current?.stop();
      if (started) {
        const wasStarted = started;
        started = undefined;
        queues.clear();
        await wasStarted.catch(() => {});
        await boss.stop({ graceful: true, wait: true, close: true, timeout: 1000 });
      }
    },
  };
}
