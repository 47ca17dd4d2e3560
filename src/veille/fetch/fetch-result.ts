import type { CachingHints } from './parse-caching-hints.js';
import type { RateLimitHints } from './parse-rate-limit-hints.js';

/** How long a fetch took, in milliseconds. */
export interface FetchTimings {
  /** Waiting for a concurrency slot (global and per host). */
  readonly queuedMs: number;
  /** From the slot obtained to the final response's head (DNS, connections, redirects). */
  readonly headersMs: number;
  /** The whole fetch, queue and body included. */
  readonly totalMs: number;
}

/** What every outcome carries. */
interface FetchOutcome {
  /** The URL finally answered, after redirects. */
  readonly url: string;
  /** The HTTP status of that final answer. */
  readonly httpStatus: number;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
  readonly caching: CachingHints;
  /** What an API said of its rate limit (X-RateLimit-Remaining / Reset): adapters and the poller pace themselves by it. */
  readonly rateLimit: RateLimitHints;
  /**
   * Where the source now lives when the chain began with permanent redirects (301, 308):
   * the last URL reached through them only. Undefined when there was none.
   */
  readonly permanentRedirect: string | undefined;
  readonly timings: FetchTimings;
}

/** A 2xx answer with its decoded body. */
export interface FetchedResource extends FetchOutcome {
  readonly status: 'ok';
  /** The body after Content-Encoding was undone (never more than the size limit). */
  readonly body: Uint8Array;
  readonly contentType: string | undefined;
  /** Every header of the answer, lower-case names (APIs return ids and quotas there). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A 304: nothing new since the ETag or date given in the request. */
export interface NotModified extends FetchOutcome {
  readonly status: 'not-modified';
}

/** The frozen result of `fetchResource`; failures are thrown as `FetchError`. */
export type FetchResult = FetchedResource | NotModified;

/** What the caller knows from the previous fetch, and its own headers. */
export interface FetchRequest {
  /** Sent as If-None-Match. */
  readonly etag?: string | undefined;
  /** Sent as If-Modified-Since. */
  readonly lastModified?: string | undefined;
  /** Extra headers (Accept…); Host, User-Agent and Accept-Encoding are always ours. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Cancels the fetch (e.g. the worker shuts down). */
  readonly signal?: AbortSignal;
  /** GET by default. Another method is never redirected: a 3xx is then its final answer. */
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as is (with the caller's Content-Type header), for POST and PUT. */
  readonly body?: Uint8Array | string;
  /**
   * On a non-2xx answer, keep its headers and the start of its body (64 KB) on the thrown
   * `FetchError` (`response`): publishing APIs explain a refusal or a rate limit there.
   */
  readonly keepErrorResponse?: boolean;
}
