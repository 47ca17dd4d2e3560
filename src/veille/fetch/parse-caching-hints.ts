/** What a response says about when to ask again; every field undefined when absent or unreadable. */
export interface CachingHints {
  /** Cache-Control max-age (RFC 9111 §5.2.2.1), in seconds. */
  readonly maxAgeSeconds: number | undefined;
  /** Cache-Control no-store or no-cache was sent. */
  readonly noCache: boolean;
  /** Expires (RFC 9111 §5.3); an invalid date such as "0" means already expired (the epoch). */
  readonly expires: Date | undefined;
  /** Retry-After (RFC 9110 §10.2.3), seconds or an HTTP date, as seconds from `now` (never negative). */
  readonly retryAfterSeconds: number | undefined;
}

type HeaderValue = string | readonly string[] | undefined;

/**
 * Reads Cache-Control, Expires and Retry-After from response headers.
 *
 * @example
 * parseCachingHints({ 'cache-control': 'public, max-age=600', 'retry-after': '120' }, new Date());
 * // { maxAgeSeconds: 600, noCache: false, expires: undefined, retryAfterSeconds: 120 }
 */
export function parseCachingHints(headers: Readonly<Record<string, HeaderValue>>, now: Date): CachingHints {
  const directives = joined(headers['cache-control'])
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  const maxAge = directives.find((d) => /^max-age\s*=/.test(d))?.replace(/^max-age\s*=\s*"?(\d+)"?$/, '$1');
  const expiresRaw = joined(headers['expires']).trim();
  return Object.freeze({
    maxAgeSeconds: maxAge !== undefined && /^\d+$/.test(maxAge) ? Number(maxAge) : undefined,
    noCache: directives.includes('no-store') || directives.includes('no-cache'),
    expires: expiresRaw === '' ? undefined : parseHttpDate(expiresRaw) ?? new Date(0),
    retryAfterSeconds: parseRetryAfter(joined(headers['retry-after']).trim(), now),
  });
}

function parseRetryAfter(raw: string, now: Date): number | undefined {
  if (raw === '') return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  const date = parseHttpDate(raw);
  if (date === undefined) return undefined;
  return Math.max(0, Math.ceil((date.getTime() - now.getTime()) / 1000));
}

// RFC 9110 §5.6.7: all three date forms name a month and give hh:mm:ss; anything else
// (Date.parse reads "0" as the year 2000) is not a date.
function parseHttpDate(raw: string): Date | undefined {
  if (!/[a-z]{3}/i.test(raw) || !/\d{2}:\d{2}:\d{2}/.test(raw)) return undefined;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? undefined : new Date(time);
}

function joined(value: HeaderValue): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join(', ');
}
