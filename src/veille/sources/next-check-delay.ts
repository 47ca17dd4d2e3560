import type { CachingHints } from '../fetch/parse-caching-hints.js';

/** Bounds of the polling interval, in seconds. */
export interface PollBounds {
  /** Default 5 minutes. */
  readonly minSeconds: number;
  /** Default 24 hours. */
  readonly maxSeconds: number;
}

/** The defaults of issue 6: from 5 minutes to 24 hours. */
export const DEFAULT_POLL_BOUNDS: PollBounds = Object.freeze({ minSeconds: 300, maxSeconds: 86_400 });

/** How many of the latest publication dates the rhythm is measured on. */
export const RECENT_ITEMS = 10;

/** Used when a feed gives fewer than two dates: its rhythm is unknown. */
const UNKNOWN_RHYTHM_SECONDS = 3600;

/** What the delay before the next check is derived from. */
export interface DelayInputs {
  readonly now: Date;
  /** ISO dates of the items the feed holds, in any order. */
  readonly publishedDates: readonly string[];
  readonly caching?: CachingHints | undefined;
  /** The feed's own RSS `<ttl>`, in seconds. */
  readonly ttlSeconds?: number | undefined;
  /** Errors in a row, this one included; 0 after a success. */
  readonly errorCount: number;
  /** Retry-After sent with an error response, or the wait until a spent rate limit resets, in seconds. */
  readonly retryAfterSeconds?: number | undefined;
  /** An adapter's word that more is waiting (a full page): after a success, no longer than this, within the bounds. */
  readonly soonerSeconds?: number | undefined;
}

/**
 * Seconds until a source is checked again. After a success: the average interval between its
 * latest publications (Miniflux's rhythm), raised to what the server said the answer stays
 * fresh (Cache-Control max-age, RFC 9111 §5.2.2.1; Expires, §5.3) and to the feed's RSS `<ttl>`,
 * lowered to an adapter's `soonerSeconds` when more is waiting, all within the bounds.
 * After an error: the minimum doubled per error in a row, within the bounds. A Retry-After
 * (RFC 9110 §10.2.3) is always honoured, even past the maximum.
 *
 * @example
 * nextCheckDelay({ now, publishedDates: ['2026-11-29T10:00:00Z', '2026-11-29T12:00:00Z'], errorCount: 0 }); // 7200
 */
export function nextCheckDelay(inputs: DelayInputs, bounds: PollBounds = DEFAULT_POLL_BOUNDS): number {
  const wanted = inputs.errorCount > 0
    ? bounds.minSeconds * 2 ** Math.min(inputs.errorCount - 1, 30)
    : Math.min(
      Math.max(rhythmSeconds(inputs.publishedDates), freshSeconds(inputs.caching, inputs.now), inputs.ttlSeconds ?? 0),
      inputs.soonerSeconds ?? Number.POSITIVE_INFINITY,
    );
  const bounded = Math.min(bounds.maxSeconds, Math.max(bounds.minSeconds, wanted));
  const retryAfter = inputs.retryAfterSeconds ?? inputs.caching?.retryAfterSeconds ?? 0;
  return Math.max(bounded, retryAfter);
}

function rhythmSeconds(dates: readonly string[]): number {
  const times = dates.map((d) => Date.parse(d)).filter((t) => !Number.isNaN(t)).sort((a, b) => b - a).slice(0, RECENT_ITEMS);
  if (times.length < 2) return UNKNOWN_RHYTHM_SECONDS;
  return (times[0]! - times.at(-1)!) / 1000 / (times.length - 1);
}

function freshSeconds(caching: CachingHints | undefined, now: Date): number {
  if (!caching || caching.noCache) return 0;
  if (caching.maxAgeSeconds !== undefined) return caching.maxAgeSeconds;
  if (caching.expires) return Math.max(0, (caching.expires.getTime() - now.getTime()) / 1000);
  return 0;
}
