/** Gives out at most `limit` slots at once; the others wait in order. */
export interface Semaphore {
  /** Waits for a slot and returns the function that gives it back (call it exactly once). */
  acquire(): Promise<() => void>;
  /** Slots given out plus callers waiting; 0 means the semaphore is idle. */
  readonly load: number;
}

/**
 * A small FIFO counting semaphore.
 *
 * @example
 * const release = await semaphore.acquire();
 * try { await work(); } finally { release(); }
 */
export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limite de concurrence invalide : ${limit}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return {
    acquire() {
      let released = false;
      const once = (): void => {
        if (released) return;
        released = true;
        release();
      };
      if (active < limit) {
        active += 1;
        return Promise.resolve(once);
      }
      return new Promise((resolve) => waiting.push(() => resolve(once)));
    },
    get load() {
      return active + waiting.length;
    },
  };
}
