import { createSemaphore, type Semaphore } from './create-semaphore.js';

/** One semaphore per key (a host name), made on first use and dropped when idle. */
export interface KeyedSemaphore {
  /** Waits for a slot for `key`; returns the function that gives it back. */
  acquire(key: string): Promise<() => void>;
}

/**
 * Limits concurrency per key, e.g. at most 2 requests at a time to one host.
 *
 * @example
 * const perHost = createKeyedSemaphore(2);
 * const release = await perHost.acquire('www.ville-exemple.fr');
 */
export function createKeyedSemaphore(limit: number): KeyedSemaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limite de concurrence par hôte invalide : ${limit}`);
  const semaphores = new Map<string, Semaphore>();
  return {
    async acquire(key) {
      let semaphore = semaphores.get(key);
      if (!semaphore) {
        semaphore = createSemaphore(limit);
        semaphores.set(key, semaphore);
      }
      const owned = semaphore;
      const release = await owned.acquire();
      return () => {
        release();
        if (owned.load === 0 && semaphores.get(key) === owned) semaphores.delete(key);
      };
    },
  };
}
