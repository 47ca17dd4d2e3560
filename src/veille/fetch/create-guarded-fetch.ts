import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { parseAllowList } from './allow-list.js';
import { checkTarget } from './check-target.js';
import { createKeyedSemaphore } from './create-keyed-semaphore.js';
import { createSemaphore } from './create-semaphore.js';
import { FetchError, type ErrorResponse } from './fetch-error.js';
import type { FetchRequest, FetchResult } from './fetch-result.js';
import { parseCachingHints } from './parse-caching-hints.js';
import { parseFetchUrl } from './parse-fetch-url.js';
import { parseRateLimitHints } from './parse-rate-limit-hints.js';
import { readDecodedBody } from './read-decoded-body.js';
import { readRelaisVersion } from './read-relais-version.js';
import { resolveHostname, type HostnameResolver } from './resolve-hostname.js';
import { sendRequest } from './send-request.js';
import { toFetchError } from './to-fetch-error.js';

/** Settings of the guarded client; all but `publicUrl` have defaults. */
export interface GuardedFetchOptions {
  /** The site's address, named in the User-Agent so a webmaster knows who is calling. */
  readonly publicUrl: string;
  /** `FETCH_ALLOW_HOSTS`: private hosts, addresses or CIDR ranges that may be fetched anyway. */
  readonly allowHosts?: readonly string[];
  /** Name → addresses; the system resolver by default. */
  readonly resolve?: HostnameResolver;
  /** Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** The whole fetch once a slot is obtained, redirects and body included. Default 30 s. */
  readonly totalTimeoutMs?: number;
  /** Limit on the decoded body. Default 10 MB. */
  readonly maxBodyBytes?: number;
  /** Default 5. */
  readonly maxRedirects?: number;
  /** Simultaneous fetches to one host. Default 2. */
  readonly maxConcurrentPerHost?: number;
  /** Simultaneous fetches in all. Default 16. */
  readonly maxConcurrent?: number;
}

/** Fetches one URL through every guard; see `createGuardedFetch`. */
export type FetchResource = (url: string, request?: FetchRequest) => Promise<FetchResult>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Builds the one HTTP client every outgoing request of Relais goes through (feeds, social
 * APIs, webhooks). It refuses private networks after DNS and on every redirect, connects to
 * the address it checked, sends conditional requests, decodes gzip / deflate / br within a
 * size limit, follows at most 5 redirects, and limits concurrency globally and per host.
 * Failures are thrown as `FetchError` with a stable `code`.
 *
 * @example
 * const fetchResource = createGuardedFetch({ publicUrl: config.publicUrl, allowHosts: config.fetchAllowHosts });
 * const result = await fetchResource('https://www.ville-exemple.fr/feed', { etag: source.etag });
 * if (result.status === 'not-modified') return; // nothing new
 */
export function createGuardedFetch(options: GuardedFetchOptions): FetchResource {
  const { allowList } = parseAllowList(options.allowHosts ?? []);
  const resolve = options.resolve ?? resolveHostname;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const totalTimeoutMs = options.totalTimeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 10_000_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const perHost = createKeyedSemaphore(options.maxConcurrentPerHost ?? 2);
  const global = createSemaphore(options.maxConcurrent ?? 16);
  const userAgent = `Relais/${readRelaisVersion()} (+${options.publicUrl})`;

  return async function fetchResource(href, request = {}) {
    const startedAt = performance.now();
    const firstUrl = parseFetchUrl(href);
    // The slots are those of the first host, held across redirects: a chain is one fetch.
    const releaseHost = await perHost.acquire(firstUrl.hostname);
    const releaseGlobal = await global.acquire();
    const queuedAt = performance.now();
    const timeout = AbortSignal.timeout(totalTimeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    let url = firstUrl;
    let permanentRedirect: string | undefined;
    let permanentSoFar = true;
    try {
      for (let hop = 0; ; hop += 1) {
        const target = await checkTarget(url, { allowList, resolve }, signal);
        const headers = headersFor(request, userAgent, url.origin === firstUrl.origin);
        const response = await sendRequest(target, headers, connectTimeoutMs, signal, request);
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        const redirectable = (request.method ?? 'GET') === 'GET';
        if (redirectable && REDIRECT_STATUSES.has(status) && location !== undefined) {
          response.destroy();
          if (hop >= maxRedirects) {
            throw new FetchError('too-many-redirects', `plus de ${maxRedirects} redirections depuis ${href}`, {
              limit: maxRedirects,
            });
          }
          const next = URL.canParse(location, url) ? new URL(location, url).href : location;
          permanentSoFar &&= status === 301 || status === 308;
          if (permanentSoFar) permanentRedirect = next;
          url = parseFetchUrl(next);
          continue;
        }
        const headersAt = performance.now();
        const common = {
          url: url.href,
          httpStatus: status,
          etag: header(response, 'etag'),
          lastModified: header(response, 'last-modified'),
          caching: parseCachingHints(response.headers, new Date()),
          rateLimit: parseRateLimitHints(response.headers, new Date()),
          permanentRedirect,
        };
        const timings = (): FetchResult['timings'] =>
          Object.freeze({
            queuedMs: queuedAt - startedAt,
            headersMs: headersAt - queuedAt,
            totalMs: performance.now() - startedAt,
          });
        if (status === 304) {
          response.destroy();
          return Object.freeze({ status: 'not-modified', ...common, timings: timings() });
        }
        if (status < 200 || status >= 300) {
          const kept = request.keepErrorResponse ? await readErrorResponse(response) : undefined;
          response.destroy();
          // A 429 without Retry-After may still say when its window resets (Mastodon, Reddit).
          const resetWait = status === 429 ? common.rateLimit.resetSeconds : undefined;
          throw new FetchError('http-status', `${url.href} : HTTP ${status}`, {
            httpStatus: status,
            retryAfterSeconds: common.caching.retryAfterSeconds ?? resetWait,
            rateLimit: common.rateLimit,
            ...(kept ? { response: kept } : {}),
          });
        }
        assertDeclaredSize(response, maxBodyBytes);
        const body = await readDecodedBody(response, header(response, 'content-encoding'), maxBodyBytes);
        return Object.freeze({
          status: 'ok',
          ...common,
          body,
          contentType: header(response, 'content-type'),
          headers: allHeaders(response),
          timings: timings(),
        });
      }
    } catch (error) {
      throw toFetchError(error, { timeout, signal }, { totalSeconds: totalTimeoutMs / 1000, host: url.host });
    } finally {
      releaseGlobal();
      releaseHost();
    }
  };
}

/** Credentials the caller meant for its own origin only. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'] as const;

/**
 * The headers of one hop. After a redirect to another origin the caller's credentials are left
 * behind, as the Fetch standard does (§ 4.4 HTTP-redirect fetch): an API token must never follow a
 * redirect to a host it was not given for.
 */
function headersFor(request: FetchRequest, userAgent: string, sameOrigin: boolean): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  delete headers['host'];
  if (!sameOrigin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  headers['user-agent'] = userAgent;
  headers['accept-encoding'] = 'gzip, deflate, br';
  return headers;
}

const ERROR_BODY_BYTES = 65_536;

// The answer of a refused request, for APIs that explain themselves (a JSON error, rate-limit headers).
async function readErrorResponse(response: IncomingMessage): Promise<ErrorResponse> {
  const headers = allHeaders(response);
  let body = '';
  try {
    body = Buffer.from(await readDecodedBody(response, header(response, 'content-encoding'), ERROR_BODY_BYTES)).toString('utf8');
  } catch {
    // An error body too large or badly encoded is only a missing explanation.
  }
  return Object.freeze({ headers: Object.freeze(headers), body });
}

// Without a Content-Encoding, a declared length over the limit is refused before reading.
function assertDeclaredSize(response: IncomingMessage, maxBodyBytes: number): void {
  const declared = Number(response.headers['content-length']);
  if (header(response, 'content-encoding') === undefined && declared > maxBodyBytes) {
    response.destroy();
    throw new FetchError('too-large', `Content-Length ${declared} > ${maxBodyBytes}`, { limit: maxBodyBytes });
  }
}

function allHeaders(response: IncomingMessage): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(response.headers)) headers[name] = header(response, name) ?? '';
  return Object.freeze(headers);
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
