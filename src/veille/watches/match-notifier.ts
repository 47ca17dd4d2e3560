/** One match recorded as an item arrived (never a back-filled one). */
export interface RecordedMatch {
  /** `veille_matches.id`: grows with every match, a cursor for "what is new since". */
  readonly matchId: number;
  readonly watchId: number;
  readonly itemId: number;
  /** The item's story group (`veille_groups.id`), for "one alert per story per watch"; null if none. */
  readonly groupId: number | null;
  readonly matchedAt: string;
}

/** Hears each batch of matches recorded in this process. */
export type MatchListener = (matches: readonly RecordedMatch[]) => void | Promise<void>;

/**
 * The in-process "matches recorded" event, created once in `main.ts` (`relais.matchNotifier`).
 *
 * The watch service publishes each batch of matches it recorded for newly arrived items, after
 * they are committed; back-filled matches (a watch created or changed, matched over the archive)
 * are never published, so nothing subscribed here alerts on them. Subscribers: the alerts
 * (src/veille/alerts/: instant e-mail, webhook — enqueue jobs, never do slow work inline) and the
 * inbox's server-sent events. A listener that throws or rejects is logged and never stops the
 * others nor the matching.
 *
 * Only the process that matched hears it: with PostgreSQL and separate workers, the web process's
 * live inbox also polls `veille_matches.id` (see src/veille/inbox/), and alerts must be enqueued
 * from the subscriber in the worker that matched.
 *
 * @example
 * const unsubscribe = relais.matchNotifier.subscribe(async (matches) => {
 *   for (const m of matches) await jobs.enqueue(SendWatchAlertJob, { watchId: m.watchId, itemId: m.itemId });
 * });
 */
export interface MatchNotifier {
  subscribe(listener: MatchListener): () => void;
  /** Tells every listener, in subscription order; resolves once all have settled. */
  publish(matches: readonly RecordedMatch[]): Promise<void>;
}

/** A new notifier; `onListenerError` hears a listener's failure (the logger, in `main.ts`). */
export function createMatchNotifier(onListenerError: (error: unknown) => void = () => {}): MatchNotifier {
  const listeners = new Set<MatchListener>();
  return Object.freeze({
    subscribe(listener: MatchListener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    async publish(matches: readonly RecordedMatch[]) {
      if (matches.length === 0) return;
      const frozen = Object.freeze(matches.map((m) => Object.freeze({ ...m })));
      for (const listener of [...listeners]) {
        try {
          await listener(frozen);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  });
}
