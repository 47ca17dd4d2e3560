import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import { backoffDelaySeconds, createHandlerRegistry, RECURRING_KEY } from './handler-registry.js';
import type { JobQueue, JobType } from './job.js';
import { errorText, startJobLoop, type JobLoop, type JobLoopOptions } from './job-loop.js';
import {
  claimDueJobs, deleteFinishedJobs, deleteQueuedJob, insertUnlessPending, markJobDone, markJobFailed, renewJobLease,
  requeueExpiredJobs, storeQueuedJob, type JobRow,
} from './sqlite-job-store.js';

/** Options of the SQLite runner. */
export interface SqliteJobQueueOptions extends JobLoopOptions {
  readonly logger: Logger;
  /** Business clock: dates of delayed jobs and retries. Leases and polling use real time. */
  readonly now: () => Date;
  /** A `running` job whose process stopped renewing it for this long is run again (seconds). */
  readonly leaseSeconds: number;
}

const DAY_MS = 86_400_000;

/**
 * The in-process runner over the `jobs` table. Durable (rows survive restarts), several
 * processes may share one file: claims are one atomic UPDATE … RETURNING, and completions are
 * fenced by the attempt number so a run whose lease expired cannot overwrite the next one.
 */
export function createSqliteJobQueue(db: Db, options: SqliteJobQueueOptions): JobQueue {
  const { logger, now } = options;
  const registry = createHandlerRegistry();
  const realIso = () => new Date().toISOString();
  let loop: JobLoop | undefined;
  let lastHousekeeping = 0;

  async function ensureRecurring(name: string, runAt: Date): Promise<void> {
    await insertUnlessPending(db.kysely, { name, payload: '{}', runAt: runAt.toISOString(), maxAttempts: 1, singletonKey: RECURRING_KEY }, now().toISOString(), ['queued', 'running']);
  }

  async function housekeeping(): Promise<void> {
    const leaseMs = options.leaseSeconds * 1000;
    if (Date.now() - lastHousekeeping < Math.min(leaseMs / 2, 60_000)) return;
    lastHousekeeping = Date.now();
    const requeued = await requeueExpiredJobs(db.kysely, new Date(Date.now() - leaseMs).toISOString(), now().toISOString());
    if (requeued > 0) logger.warn({ count: requeued }, 'jobs.lease.expired');
    for (const name of registry.recurring().keys()) await ensureRecurring(name, now());
    const at = now().getTime();
    await deleteFinishedJobs(db.kysely, new Date(at - 7 * DAY_MS).toISOString(), new Date(at - 30 * DAY_MS).toISOString());
  }

  async function run(job: JobRow): Promise<void> {
    const handler = registry.get(job.name);
    const heartbeat = setInterval(() => {
      renewJobLease(db.kysely, job, realIso()).catch((err: unknown) => logger.error({ err, job: jobLabel(job) }, 'jobs.lease.renew-failed'));
    }, (options.leaseSeconds * 1000) / 3);
    let failure: unknown = null;
    try {
      if (!handler) throw new Error(`no handler for ${job.name}`);
      await handler.run(JSON.parse(job.payload));
    } catch (err) {
      failure = err;
      logger.warn({ job: jobLabel(job), err }, 'jobs.run.failed');
    } finally {
      clearInterval(heartbeat);
    }
    await finish(job, failure).catch((err: unknown) => logger.error({ err, job: jobLabel(job) }, 'jobs.record.failed'));
  }

  async function finish(job: JobRow, err: unknown): Promise<void> {
    const interval = registry.interval(job.name);
    await db.kysely.transaction().execute(async (trx) => {
      const at = now();
      if (err === null) {
        await markJobDone(trx, job, at.toISOString());
      } else {
        const delay = backoffDelaySeconds(registry.get(job.name)?.retryDelaySeconds ?? 0, job.attempts);
        await markJobFailed(trx, job, errorText(err), new Date(at.getTime() + delay * 1000).toISOString(), at.toISOString());
      }
      if (interval !== undefined && job.singleton_key === RECURRING_KEY) {
        await insertUnlessPending(trx, { name: job.name, payload: '{}', runAt: new Date(at.getTime() + interval * 1000).toISOString(), maxAttempts: 1, singletonKey: RECURRING_KEY }, at.toISOString(), ['queued', 'running']);
      }
    });
  }

  return {
    handle(type, handler, handlerOptions) {
      registry.add(type, handler, handlerOptions);
    },
    async enqueue(type, payload, enqueueOptions = {}) {
      const at = now();
      const runAt = enqueueOptions.runAt ?? at;
      await storeQueuedJob(db.kysely, {
        name: type.name, payload: JSON.stringify(payload ?? {}), runAt: runAt.toISOString(),
        maxAttempts: registry.retryPolicy(type.name).maxAttempts, singletonKey: enqueueOptions.singletonKey ?? null,
      }, at.toISOString());
      if (runAt <= at) loop?.wake();
    },
    async cancel(type: JobType<unknown>, singletonKey: string) {
      await deleteQueuedJob(db.kysely, type.name, singletonKey);
    },
    async every(type, intervalSeconds) {
      registry.setInterval(type.name, intervalSeconds);
      await ensureRecurring(type.name, now());
      loop?.wake();
    },
    async start() {
      if (loop) return;
      loop = startJobLoop<JobRow>({
        ...options,
        async claim(limit) {
          await housekeeping();
          return claimDueJobs(db.kysely, registry.names(), now().toISOString(), limit, realIso());
        },
        run,
      });
    },
    async stop() {
      const current = loop;
      loop = undefined;
      await current?.stop();
    },
  };
}

function jobLabel(job: JobRow) {
  return { id: job.id, name: job.name, attempt: job.attempts };
}
