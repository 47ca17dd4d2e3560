import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuardedFetch } from './create-guarded-fetch.js';
import { FetchError } from './fetch-error.js';
import { startRouteServer, type RouteServer } from './testdata/start-route-server.js';

// Social APIs (src/veille/adapters/) pace themselves by these headers; the poller waits for a spent limit's reset.
describe('createGuardedFetch and rate limits', () => {
  let server: RouteServer;
  const fetchResource = createGuardedFetch({ publicUrl: 'https://relais.test', allowHosts: ['127.0.0.1'] });
  before(async () => {
    server = await startRouteServer({
      '/ok': (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '900' }).end('[]'),
      '/plain': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'),
      '/limited': (_req, res) => res.writeHead(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '240' }).end(),
      '/both': (_req, res) => res.writeHead(429, { 'retry-after': '60', 'x-ratelimit-reset': '240' }).end(),
      '/unavailable': (_req, res) => res.writeHead(503, { 'x-ratelimit-reset': '240' }).end(),
    });
  });
  after(() => server.close());

  test('a success carries the rate-limit headers, or nothing when absent', async () => {
    assert.deepEqual((await fetchResource(server.url('/ok'))).rateLimit, { remaining: 0, resetSeconds: 900 });
    assert.deepEqual((await fetchResource(server.url('/plain'))).rateLimit, { remaining: undefined, resetSeconds: undefined });
  });

  test('a 429 waits for the reset when no Retry-After is given; Retry-After wins; another status keeps no wait', async () => {
    const limited = await fetchResource(server.url('/limited')).catch((e: unknown) => e);
    assert.ok(limited instanceof FetchError);
    assert.deepEqual([limited.httpStatus, limited.retryAfterSeconds, limited.rateLimit?.remaining], [429, 240, 0]);
    const both = await fetchResource(server.url('/both')).catch((e: unknown) => e);
    assert.ok(both instanceof FetchError);
    assert.equal(both.retryAfterSeconds, 60);
    const unavailable = await fetchResource(server.url('/unavailable')).catch((e: unknown) => e);
    assert.ok(unavailable instanceof FetchError);
    assert.equal(unavailable.retryAfterSeconds, undefined);
    assert.equal(unavailable.rateLimit?.resetSeconds, 240);
  });
});
