import type { HandlerOptions, JobHandler, JobType } from './job.js';

/** Tries before a job is marked failed, unless its handler says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Base of the exponential back-off between tries, in seconds. */
export const DEFAULT_RETRY_DELAY_SECONDS = 30;

/** The singleton key of a recurring job's pending run. */
export const RECURRING_KEY = '__every';

/** A registered handler with its options resolved. */
export interface RegisteredHandler {
  readonly run: JobHandler<unknown>;
  readonly maxAttempts: number;
  readonly retryDelaySeconds: number;
}

/**
 * What one process knows about job kinds: their handlers (`handle`) and which of them recur
 * (`every`). Shared by both queue implementations.
 */
export interface HandlerRegistry {
  add<Payload>(type: JobType<Payload>, handler: JobHandler<Payload>, options?: HandlerOptions): void;
  get(name: string): RegisteredHandler | undefined;
  /** Names with a handler in this process: the only jobs it claims. */
  names(): string[];
  /** Attempts and back-off for a new job of `name` (defaults when this process has no handler). */
  retryPolicy(name: string): { readonly maxAttempts: number; readonly retryDelaySeconds: number };
  setInterval(name: string, seconds: number): void;
  /** Seconds between runs of a recurring job, undefined for ordinary ones. */
  interval(name: string): number | undefined;
  recurring(): ReadonlyMap<string, number>;
}

/** An empty registry. */
export function createHandlerRegistry(): HandlerRegistry {
  const handlers = new Map<string, RegisteredHandler>();
  const intervals = new Map<string, number>();
  return {
    add(type, handler, options = {}) {
      const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      const retryDelaySeconds = options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer (${type.name})`);
      if (!(retryDelaySeconds >= 0)) throw new RangeError(`retryDelaySeconds must be >= 0 (${type.name})`);
      handlers.set(type.name, { run: handler as JobHandler<unknown>, maxAttempts, retryDelaySeconds });
    },
    get: (name) => handlers.get(name),
    names: () => [...handlers.keys()],
    retryPolicy(name) {
      // A recurring job is not retried: its next run is the retry.
      if (intervals.has(name)) return { maxAttempts: 1, retryDelaySeconds: 0 };
      const handler = handlers.get(name);
      return handler ?? { maxAttempts: DEFAULT_MAX_ATTEMPTS, retryDelaySeconds: DEFAULT_RETRY_DELAY_SECONDS };
    },
    setInterval(name, seconds) {
      if (!(seconds >= 1)) throw new RangeError(`every() needs an interval of at least 1 second (${name})`);
      intervals.set(name, seconds);
    },
    interval: (name) => intervals.get(name),
    recurring: () => intervals,
  };
}

/** Delay before try number `attempt + 1` after `attempt` failed tries: base · 2^(attempt − 1). */
export function backoffDelaySeconds(baseSeconds: number, attempt: number): number {
  return baseSeconds * 2 ** Math.min(16, Math.max(0, attempt - 1));
}
