import { FetchError } from '../fetch/fetch-error.js';

/**
 * A 429 `FetchError` given the wait a network documents when its answer had no
 * Retry-After: Mastodon and Reddit say when their window resets only in
 * X-RateLimit-* headers, which the guarded client does not keep. Any other error is
 * returned as it is.
 *
 * @example throw withRateLimitWait(error, 300); // Mastodon: 300 calls per 5 minutes
 */
export function withRateLimitWait(error: unknown, windowSeconds: number): unknown {
  if (!(error instanceof FetchError) || error.httpStatus !== 429 || error.retryAfterSeconds !== undefined) return error;
  return new FetchError('http-status', error.detail, { httpStatus: 429, retryAfterSeconds: windowSeconds }, { cause: error });
}
