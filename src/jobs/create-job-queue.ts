import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from './job.js';
import { createPgBossJobQueue } from './pg-boss-job-queue.js';
import { createSqliteJobQueue } from './sqlite-job-queue.js';

/** What the job queue takes; the tuning knobs have production defaults (tests shorten them). */
export interface JobQueueOptions {
  readonly logger: Logger;
  /** Business clock for delays and retries on SQLite (PostgreSQL schedules on the database's clock). */
  readonly now: () => Date;
  /** Pause between two looks at an empty queue (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** Handlers running at once in one process (default 4). */
  readonly concurrency?: number;
  /** How long a run may go unconfirmed before another process takes it over (default 900 s). */
  readonly leaseSeconds?: number;
}

/**
 * The job queue for this database: the in-process runner over the `jobs` table on SQLite,
 * pg-boss on PostgreSQL. Nothing is consumed until `start()`.
 *
 * @example
 * const jobs = createJobQueue(db, { logger, now });
 * jobs.handle(PublishScheduledArticleJob, ({ articleId }) => blog.markScheduledPublication(articleId));
 * await jobs.start();
 */
export function createJobQueue(db: Db, options: JobQueueOptions): JobQueue {
  const tuning = {
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    concurrency: options.concurrency ?? 4,
    leaseSeconds: options.leaseSeconds ?? 900,
  };
  switch (db.dialect) {
    case 'sqlite':
      return createSqliteJobQueue(db, { ...tuning, logger: options.logger, now: options.now });
    case 'postgres':
      return createPgBossJobQueue(db, { ...tuning, logger: options.logger });
    default: {
      const unknown: never = db.dialect;
      throw new Error(`unknown dialect ${String(unknown)}`);
    }
  }
}
