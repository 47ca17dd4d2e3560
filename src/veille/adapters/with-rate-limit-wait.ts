import { FetchError } from '../fetch/fetch-error.js';

/**
 * A 429 `FetchError` given the wait a network documents when its answer said nothing
 * usable: neither Retry-After nor an X-RateLimit-Reset (the guarded client reads both
 * into `retryAfterSeconds`). Any other error is returned as it is.
 *
 * @example throw withRateLimitWait(error, 300); // Mastodon: 300 calls per 5 minutes
 */
export function withRateLimitWait(error: unknown, windowSeconds: number): unknown {
  if (!(error instanceof FetchError) || error.httpStatus !== 429 || error.retryAfterSeconds !== undefined) return error;
  return new FetchError('http-status', error.detail, {
    httpStatus: 429, retryAfterSeconds: windowSeconds, ...(error.rateLimit ? { rateLimit: error.rateLimit } : {}),
  }, { cause: error });
}
