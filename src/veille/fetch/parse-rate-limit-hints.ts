/** What an API said about its rate limit; each field undefined when absent or unreadable. */
export interface RateLimitHints {
  /** Calls left in the current window (X-RateLimit-Remaining, or the IETF draft's RateLimit-Remaining). */
  readonly remaining: number | undefined;
  /** Seconds from now until the window resets (X-RateLimit-Reset / RateLimit-Reset), never negative. */
  readonly resetSeconds: number | undefined;
}

type HeaderValue = string | readonly string[] | undefined;

// Below this a number is a delay in seconds (Reddit, the IETF draft); above, a Unix time (GitHub, Bluesky).
const UNIX_TIME_FLOOR = 1_000_000_000;

/**
 * Reads the rate-limit headers the networks send, in their several dialects: Mastodon's
 * `X-RateLimit-Reset` is an ISO 8601 date, Reddit's `X-Ratelimit-Reset` a number of seconds
 * (`X-Ratelimit-Remaining: 598.0`), Bluesky's `RateLimit-Reset` a Unix time.
 *
 * @example
 * parseRateLimitHints({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2026-11-29T13:10:00Z' }, new Date('2026-11-29T13:00:00Z'));
 * // { remaining: 0, resetSeconds: 600 }
 */
export function parseRateLimitHints(headers: Readonly<Record<string, HeaderValue>>, now: Date): RateLimitHints {
  const remainingText = first(headers['x-ratelimit-remaining'] ?? headers['ratelimit-remaining']);
  const remaining = /^\d+(?:\.\d+)?$/.test(remainingText) ? Number(remainingText) : Number.NaN;
  return Object.freeze({
    remaining: Number.isFinite(remaining) && remaining >= 0 ? Math.floor(remaining) : undefined,
    resetSeconds: resetSeconds(first(headers['x-ratelimit-reset'] ?? headers['ratelimit-reset']), now),
  });
}

function resetSeconds(raw: string, now: Date): number | undefined {
  if (raw === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(raw)) {
    const value = Number(raw);
    return Math.ceil(value >= UNIX_TIME_FLOOR ? Math.max(0, value - now.getTime() / 1000) : value);
  }
  // A date must carry a year and a time: Date.parse accepts far too much.
  if (!/\d{4}/.test(raw) || !/\d{2}:\d{2}/.test(raw)) return undefined;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? undefined : Math.max(0, Math.ceil((time - now.getTime()) / 1000));
}

function first(value: HeaderValue): string {
  if (value === undefined) return '';
  return (typeof value === 'string' ? value : value[0] ?? '').trim();
}
