import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from './job.js';

/**
 * The job queue for this database: the in-process runner on SQLite, pg-boss on PostgreSQL.
 * (Placeholder: the real implementations are being written.)
 */
export function createJobQueue(db: Db, options: { logger: Logger; now: () => Date }): JobQueue {
  void db; void options;
  const handlers = new Map<string, unknown>();
  return {
    handle(type, handler) { handlers.set(type.name, handler); },
    async enqueue() {},
    async cancel() {},
    async every() {},
    async start() {},
    async stop() {},
  };
}
