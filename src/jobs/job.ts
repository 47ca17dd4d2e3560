/**
 * A kind of background job, named once and typed by its payload.
 *
 * @example
 * export const PublishScheduledArticleJob = defineJob<{ articleId: number }>('blog.publish-scheduled-article');
 * queue.handle(PublishScheduledArticleJob, async ({ articleId }) => { ... });
 * await queue.enqueue(PublishScheduledArticleJob, { articleId: 12 }, { runAt, singletonKey: 'article:12' });
 */
export interface JobType<Payload> {
  readonly name: string;
  /** Phantom field carrying the payload type; never set at run time. */
  readonly payload?: Payload;
}

/** Declares a job kind. Names are dotted and unique (`feature.verb-noun`). */
export function defineJob<Payload>(name: string): JobType<Payload> {
  return Object.freeze({ name });
}

/** A handler must be idempotent: a job may run again after a crash between its work and its acknowledgement. */
export type JobHandler<Payload> = (payload: Payload) => Promise<void>;

export interface HandlerOptions {
  /** Tries before the job is marked failed (default 5). */
  readonly maxAttempts?: number;
  /** Base delay of the exponential back-off between tries, in seconds (default 30). */
  readonly retryDelaySeconds?: number;
}

export interface EnqueueOptions {
  /** Not before this moment (delayed job). */
  readonly runAt?: Date;
  /** At most one waiting job per key: enqueueing again replaces its date and payload. */
  readonly singletonKey?: string;
}

/**
 * The one job interface every feature uses. On SQLite it is an in-process runner over the
 * `jobs` table; on PostgreSQL a pg-boss queue consumed by `relais worker` processes.
 */
export interface JobQueue {
  /** Declares how to run a kind of job (in every process that may run jobs). */
  handle<Payload>(type: JobType<Payload>, handler: JobHandler<Payload>, options?: HandlerOptions): void;
  /** Adds a job; resolves once it is stored durably. */
  enqueue<Payload>(type: JobType<Payload>, payload: Payload, options?: EnqueueOptions): Promise<void>;
  /** Cancels a waiting job by its singleton key (e.g. an article unscheduled). */
  cancel(type: JobType<unknown>, singletonKey: string): Promise<void>;
  /** Runs `type` every `intervalSeconds` (one run at a time across all processes). */
  every(type: JobType<Record<string, never>>, intervalSeconds: number): Promise<void>;
  /** Starts consuming jobs in this process. */
  start(): Promise<void>;
  /** Stops consuming, waiting for running handlers to finish. */
  stop(): Promise<void>;
}
