import type { Logger } from '../logger.js';

/** How a process consumes jobs: how often it looks, how many it runs at once. */
export interface JobLoopOptions {
  /** Pause between two looks at an empty queue, in milliseconds (real time). */
  readonly pollIntervalMs: number;
  /** Handlers running at once in this process. */
  readonly concurrency: number;
}

/** One consumer loop: claims jobs, runs them, sleeps when there is nothing to do. */
export interface JobLoop {
  /** Ends the sleep early (a job was enqueued in this process, or a slot freed). */
  wake(): void;
  /** Stops claiming and resolves once every running job has finished. */
  stop(): Promise<void>;
}

/**
 * Starts a polling loop. `claim(limit)` must take jobs atomically (at most `limit`), `run` must
 * never throw (it records the outcome itself). A full batch is followed by another claim at once;
 * an empty one by a sleep of `pollIntervalMs`, cut short by `wake()`.
 */
export function startJobLoop<Job>(
  options: JobLoopOptions & {
    readonly claim: (limit: number) => Promise<readonly Job[]>;
    readonly run: (job: Job) => Promise<void>;
    readonly logger: Logger;
  },
): JobLoop {
  const running = new Set<Promise<void>>();
  let stopping = false;
  let woken = false;
  let interrupt: (() => void) | undefined;

  const wake = () => {
    woken = true;
    interrupt?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(done, ms);
      interrupt = done;
      function done() {
        clearTimeout(timer);
        interrupt = undefined;
        resolve();
      }
    });

  const loop = (async () => {
    while (!stopping) {
      woken = false;
      const free = options.concurrency - running.size;
      let full = false;
      if (free > 0) {
        try {
          const jobs = await options.claim(free);
          for (const job of jobs) {
            const done: Promise<void> = options.run(job).catch(() => {}).finally(() => {
              running.delete(done);
              wake();
            });
            running.add(done);
          }
          full = jobs.length === free;
        } catch (err) {
          options.logger.error({ err }, 'jobs.claim.failed');
        }
      }
      // With a full batch the next claim waits only for a free slot (wake() on each finish).
      if (!stopping && !(full && running.size < options.concurrency)) await sleep(options.pollIntervalMs);
    }
  })();

  return {
    wake,
    async stop() {
      stopping = true;
      wake();
      await loop;
      await Promise.allSettled([...running]);
    },
  };
}

/** What is stored of a handler's error: the message, not the stack (the log has it). */
export function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 2000);
}
