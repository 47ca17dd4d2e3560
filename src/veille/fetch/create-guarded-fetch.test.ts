import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { createGuardedFetch, type GuardedFetchOptions } from './create-guarded-fetch.js';
import { FetchError } from './fetch-error.js';
import type { FetchRequest } from './fetch-result.js';
import { readRelaisVersion } from './read-relais-version.js';
import type { HostnameResolver } from './resolve-hostname.js';
import { startRouteServer, type RouteServer } from './testdata/start-route-server.js';

// Real HTTP on 127.0.0.1 through node:http servers made here. Public-looking names reach them
// through a fake resolver; the allow-list lets 127.0.0.1 (or a name) in where a test needs it.

const FEED = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Val-Fleuri — actualités</title></channel></rss>';
const PUBLIC_URL = 'https://www.ville-exemple.fr';

const toLoopback: HostnameResolver = async () => ['127.0.0.1'];

function client(overrides: Partial<GuardedFetchOptions> = {}) {
  return createGuardedFetch({ publicUrl: PUBLIC_URL, allowHosts: ['127.0.0.1'], resolve: toLoopback, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => assert.fail('the fetch should have failed'), (caught: unknown) => caught);
  assert.ok(error instanceof FetchError, String(error));
  return error;
}

/** 1 GB of zeros, made 1 MB at a time as the gzip stream asks for them. */
function lazyZeros(totalBytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let sent = 0;
  return new Readable({
    read() {
      sent += chunk.length;
      this.push(sent > totalBytes ? null : chunk);
    },
  });
}

describe('createGuardedFetch', () => {
  let server: RouteServer;
  let bombBytesMade = 0;
  let active = 0;
  let mostActive = 0;
  const activeByHost = new Map<string, number>();
  const mostActiveByHost = new Map<string, number>();

  before(async () => {
    server = await startRouteServer({
      '/etag': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
        res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml; charset=utf-8' }).end(FEED);
      },
      '/modified': (req, res) => {
        const lastModified = 'Sat, 28 Nov 2026 08:00:00 GMT';
        if (req.headers['if-modified-since'] === lastModified) return void res.writeHead(304).end();
        res.writeHead(200, { 'last-modified': lastModified }).end(FEED);
      },
      '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(FEED)),
      '/deflate': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(FEED)),
      '/deflate-raw': (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(FEED)),
      '/gzip-then-br': (_req, res) =>
        res.writeHead(200, { 'content-encoding': 'gzip, br' }).end(brotliCompressSync(gzipSync(FEED))),
      '/unknown-coding': (_req, res) => res.writeHead(200, { 'content-encoding': 'zstd' }).end('?'),
      '/br': (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(FEED)),
      '/not-gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('pas du gzip'),
      '/bomb': (_req, res) => {
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/xml' });
        const zeros = lazyZeros(1024 ** 3).on('data', (chunk: Buffer) => (bombBytesMade += chunk.length));
        pipeline(zeros, createGzip({ level: 9 }), res).catch(() => {});
      },
      '/big-declared': (_req, res) => res.writeHead(200, { 'content-length': '200000' }).end(Buffer.alloc(200_000, 'a')),
      '/big-chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        pipeline(lazyZeros(50 * 1024 * 1024), res).catch(() => {});
      },
      '/slow-head': (_req, res) => void setTimeout(() => res.end(FEED), 5_000).unref(),
      '/slow-body': (_req, res) => {
        res.writeHead(200).write('<rss>');
        setTimeout(() => res.end('</rss>'), 5_000).unref();
      },
      '/cached': (_req, res) =>
        res.writeHead(200, { 'cache-control': 'public, max-age=600', expires: 'Sun, 29 Nov 2026 14:00:00 GMT' }).end(FEED),
      '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end('surcharge'),
      '/gone': (_req, res) => res.writeHead(410).end(),
      '/relative': (_req, res) => res.writeHead(302, { location: 'etag' }).end(),
      '/moved': (_req, res) => res.writeHead(301, { location: '/moved-again' }).end(),
      '/moved-again': (_req, res) => res.writeHead(308, { location: '/etag' }).end(),
      '/moved-then-temporary': (_req, res) => res.writeHead(301, { location: '/temporary' }).end(),
      '/temporary': (_req, res) => res.writeHead(307, { location: '/etag' }).end(),
      '/hops': (req, res) => {
        const left = Number(new URL(req.url ?? '', 'http://x').searchParams.get('left'));
        if (left === 0) return void res.end(FEED);
        res.writeHead(302, { location: `/hops?left=${left - 1}` }).end();
      },
      '/to-file': (_req, res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end(),
      '/to-loopback': (_req, res) => res.writeHead(302, { location: server.url('/etag') }).end(),
      '/to-rebound-name': (_req, res) =>
        res.writeHead(302, { location: server.url('/etag', 'interne.example.org') }).end(),
      '/count': (req, res) => {
        const host = (req.headers.host ?? '').split(':')[0] ?? '';
        active += 1;
        mostActive = Math.max(mostActive, active);
        activeByHost.set(host, (activeByHost.get(host) ?? 0) + 1);
        mostActiveByHost.set(host, Math.max(mostActiveByHost.get(host) ?? 0, activeByHost.get(host) ?? 0));
        setTimeout(() => {
          active -= 1;
          activeByHost.set(host, (activeByHost.get(host) ?? 1) - 1);
          res.end('ok');
        }, 60);
      },
    });
  });
  after(() => server?.close());

  test('sends the Relais User-Agent, then If-None-Match, and reports 304 as not modified', async () => {
    const fetchResource = client();
    const first = await fetchResource(server.url('/etag'));
    assert.equal(first.status, 'ok');
    assert.ok(Object.isFrozen(first));
    assert.equal(first.httpStatus, 200);
    assert.equal(first.etag, '"v1"');
    assert.equal(first.contentType, 'application/rss+xml; charset=utf-8');
    assert.equal(first.status === 'ok' && Buffer.from(first.body).toString('utf8'), FEED);
    assert.equal(first.permanentRedirect, undefined);
    assert.ok(first.timings.totalMs >= first.timings.headersMs);
    const userAgent = server.requests.at(-1)?.headers['user-agent'];
    assert.equal(userAgent, `Relais/${readRelaisVersion()} (+${PUBLIC_URL})`);
    assert.match(userAgent ?? '', /^Relais\/\d+\.\d+\.\d+ \(\+https:\/\/www\.ville-exemple\.fr\)$/);

    const second = await fetchResource(server.url('/etag'), { etag: first.etag });
    assert.equal(second.status, 'not-modified');
    assert.equal(second.httpStatus, 304);
    assert.equal(server.requests.at(-1)?.headers['if-none-match'], '"v1"');
  });

  test('sends If-Modified-Since from the Last-Modified it was given', async () => {
    const fetchResource = client();
    const first = await fetchResource(server.url('/modified'));
    assert.equal(first.lastModified, 'Sat, 28 Nov 2026 08:00:00 GMT');
    const second = await fetchResource(server.url('/modified'), { lastModified: first.lastModified });
    assert.equal(second.status, 'not-modified');
  });

  for (const encoding of ['gzip', 'deflate', 'deflate-raw', 'br', 'gzip-then-br']) {
    test(`decodes a ${encoding} body and asks for gzip, deflate and br`, async () => {
      const result = await client()(server.url(`/${encoding}`));
      assert.equal(result.status === 'ok' && Buffer.from(result.body).toString('utf8'), FEED);
      assert.equal(server.requests.at(-1)?.headers['accept-encoding'], 'gzip, deflate, br');
    });
  }

  test('reports a body that claims gzip but is not, and a coding it cannot undo', async () => {
    const error = await failure(client()(server.url('/not-gzip')));
    assert.equal(error.code, 'bad-encoding');
    assert.equal((await failure(client()(server.url('/unknown-coding')))).code, 'bad-encoding');
  });

  test('stops a gzip bomb (1 GB of zeros) as soon as 10 MB are decoded, quickly and in bounded memory', async (t) => {
    global.gc?.();
    const before = process.memoryUsage();
    const startedAt = performance.now();
    const error = await failure(client()(server.url('/bomb')));
    const elapsed = performance.now() - startedAt;
    const afterwards = process.memoryUsage();
    assert.equal(error.code, 'too-large');
    assert.equal(error.message, 'La réponse du serveur dépasse la taille maximale de 10 Mo.');
    assert.ok(elapsed < 5_000, `stopped after ${Math.round(elapsed)} ms`);
    const growth = afterwards.rss - before.rss;
    assert.ok(growth < 64 * 1024 * 1024, `memory grew by ${Math.round(growth / 1024 / 1024)} MB`);
    assert.ok(bombBytesMade < 200 * 1024 * 1024, `the server made ${bombBytesMade} bytes of zeros`);
    t.diagnostic(`bomb stopped in ${Math.round(elapsed)} ms, RSS +${(growth / 1024 / 1024).toFixed(1)} MB, ${bombBytesMade / 1024 / 1024} MB of zeros made`);
  });

  test('refuses a body over the limit, declared or streamed without compression', async () => {
    const fetchResource = client({ maxBodyBytes: 100_000 });
    const declared = await failure(fetchResource(server.url('/big-declared')));
    assert.equal(declared.code, 'too-large');
    assert.equal(declared.message, 'La réponse du serveur dépasse la taille maximale de 0,1 Mo.');
    assert.equal((await failure(fetchResource(server.url('/big-chunked')))).code, 'too-large');
  });

  test('gives up on a server that is too slow to answer or to finish, within the total time-out', async () => {
    const fetchResource = client({ totalTimeoutMs: 300 });
    for (const path of ['/slow-head', '/slow-body']) {
      const startedAt = performance.now();
      const error = await failure(fetchResource(server.url(path)));
      assert.equal(error.code, 'timeout');
      assert.equal(error.message, 'Le serveur n’a pas répondu dans les 0,3 seconde.');
      assert.ok(performance.now() - startedAt < 2_000);
    }
    const hanging: HostnameResolver = () => new Promise(() => {});
    const dns = await failure(client({ totalTimeoutMs: 300, resolve: hanging })(server.url('/etag', 'lent.example.org')));
    assert.equal(dns.code, 'timeout', 'a name that never resolves is under the same time-out');
  });

  test('stops when the caller aborts, and says so', async () => {
    const aborted = await failure(client()(server.url('/slow-head'), { signal: AbortSignal.timeout(200) }));
    assert.equal(aborted.code, 'aborted');
    assert.equal(aborted.message, 'La consultation a été interrompue.');
  });

  test('reads Cache-Control max-age, Expires and Retry-After', async () => {
    const result = await client()(server.url('/cached'));
    assert.equal(result.caching.maxAgeSeconds, 600);
    assert.equal(result.caching.expires?.toISOString(), '2026-11-29T14:00:00.000Z');
    const busy = await failure(client()(server.url('/busy')));
    assert.equal(busy.code, 'http-status');
    assert.equal(busy.httpStatus, 503);
    assert.equal(busy.retryAfterSeconds, 120);
    assert.equal(busy.message, 'Le serveur rencontre un problème (erreur 503).');
    const gone = await failure(client()(server.url('/gone')));
    assert.equal(gone.message, 'Cette adresse n’existe plus sur le serveur (erreur 410).');
  });

  test('follows a relative redirect, and reports only the permanent start of a chain', async () => {
    const relative = await client()(server.url('/relative'));
    assert.equal(relative.url, server.url('/etag'));
    assert.equal(relative.permanentRedirect, undefined);
    const moved = await client()(server.url('/moved'));
    assert.equal(moved.url, server.url('/etag'));
    assert.equal(moved.permanentRedirect, server.url('/etag'));
    const mixed = await client()(server.url('/moved-then-temporary'));
    assert.equal(mixed.url, server.url('/etag'));
    assert.equal(mixed.permanentRedirect, server.url('/temporary'));
  });

  test('follows 5 redirects and refuses a sixth', async () => {
    assert.equal((await client()(server.url('/hops?left=5'))).status, 'ok');
    const error = await failure(client()(server.url('/hops?left=6')));
    assert.equal(error.code, 'too-many-redirects');
    assert.equal(error.message, 'Le serveur redirige plus de 5 fois de suite : la consultation est abandonnée.');
  });

  test('checks every redirect target: to 127.0.0.1, or to a name resolving to it, when not allowed', async () => {
    // Only the name flux.example.org is allowed; it resolves to the test server.
    const resolve: HostnameResolver = async () => ['127.0.0.1'];
    const fetchResource = client({ allowHosts: ['flux.example.org'], resolve });
    assert.equal((await fetchResource(server.url('/etag', 'flux.example.org'))).status, 'ok');
    const before = server.requests.length;
    const direct = await failure(fetchResource(server.url('/to-loopback', 'flux.example.org')));
    assert.equal(direct.code, 'private-address');
    const rebound = await failure(fetchResource(server.url('/to-rebound-name', 'flux.example.org')));
    assert.equal(rebound.code, 'private-address');
    assert.equal(rebound.message, 'Cette adresse mène à un réseau privé ou local : Relais ne la consulte pas (voir FETCH_ALLOW_HOSTS).');
    assert.equal(server.requests.length, before + 2, 'the refused targets were never requested');
    assert.equal((await failure(fetchResource(server.url('/to-file', 'flux.example.org')))).code, 'unsupported-scheme');
    const named = await failure(client({ allowHosts: [] })(server.url('/etag', 'interne.example.org')));
    assert.equal(named.code, 'private-address');
  });

  test('connects to the address it checked, not to what a second DNS answer says', async () => {
    const other = await startRouteServer({ '/etag': (_req, res) => res.end('mauvais serveur') }, '127.0.0.2', server.port);
    try {
      const answers = ['127.0.0.1', '127.0.0.2'];
      const asked: string[] = [];
      const rebinding: HostnameResolver = async (hostname) => {
        asked.push(hostname);
        return [answers[Math.min(asked.length - 1, 1)] as string];
      };
      const fetchResource = client({ allowHosts: ['127.0.0.1'], resolve: rebinding });
      const result = await fetchResource(server.url('/etag', 'bascule.example.org'));
      assert.equal(result.status === 'ok' && Buffer.from(result.body).toString('utf8'), FEED);
      assert.equal(server.requests.at(-1)?.headers.host, `bascule.example.org:${server.port}`);
      assert.deepEqual(asked, ['bascule.example.org'], 'the name was resolved once');
      assert.equal(other.requests.length, 0);
      const second = await failure(fetchResource(server.url('/etag', 'bascule.example.org')));
      assert.equal(second.code, 'private-address');
      assert.equal(other.requests.length, 0);
    } finally {
      await other.close();
    }
  });

  test('falls back to the next checked address of a name when the first refuses the connection', async () => {
    const fetchResource = client({ allowHosts: ['127.0.0.0/8'], resolve: async () => ['127.0.0.3', '127.0.0.1'] });
    const before = server.requests.length;
    // Nothing listens on 127.0.0.3: only the second address can have answered.
    const result = await fetchResource(server.url('/etag', 'deux-adresses.example.org'));
    assert.equal(result.status, 'ok');
    assert.equal(server.requests.length, before + 1);
    assert.equal(server.requests.at(-1)?.headers.host, `deux-adresses.example.org:${server.port}`);
  });

  test('limits simultaneous requests per host and in all', async () => {
    const fetchResource = client({ maxConcurrentPerHost: 2, maxConcurrent: 3 });
    const hosts = ['a.example.org', 'b.example.org'];
    const all = hosts.flatMap((host) => Array.from({ length: 5 }, () => fetchResource(server.url('/count', host))));
    const results = await Promise.all(all);
    assert.equal(results.length, 10);
    assert.equal(mostActiveByHost.get('a.example.org'), 2);
    assert.equal(mostActiveByHost.get('b.example.org'), 2);
    assert.equal(mostActive, 3);
  });

  test('reports a refused connection and a failed TLS handshake plainly', async () => {
    const closed = await startRouteServer({});
    const closedUrl = closed.url('/');
    await closed.close();
    const refused = await failure(client()(closedUrl));
    assert.equal(refused.code, 'connection');
    assert.equal(refused.message, 'La connexion au serveur a échoué ou a été interrompue.');
    assert.match(refused.detail, /ECONNREFUSED/);
    const tls = await failure(client()(server.url('/etag').replace('http:', 'https:')));
    assert.equal(tls.code, 'tls', tls.detail);
    assert.match(tls.message, /connexion sécurisée/);
  });

  test('sends credentials only to the origin they were given for, never across a redirect to another', async () => {
    const other = await startRouteServer({ '/landing': (_req, res) => void res.end(FEED) });
    const first = await startRouteServer({
      '/away': (_req, res) => void res.writeHead(302, { location: other.url('/landing') }).end(),
      '/near': (req, res) => void res.writeHead(302, { location: `http://${req.headers.host}/landing` }).end(),
      '/landing': (_req, res) => void res.end(FEED),
    });
    try {
      const request: FetchRequest = { headers: { Authorization: 'Bearer jeton-secret', Cookie: 'session=abc', Accept: 'application/json' } };
      assert.equal((await client()(first.url('/away'), request)).status, 'ok');
      const elsewhere = other.requests.at(-1)?.headers;
      assert.equal(elsewhere?.authorization, undefined);
      assert.equal(elsewhere?.cookie, undefined);
      assert.equal(elsewhere?.accept, 'application/json');
      assert.equal((await client()(first.url('/near'), request)).status, 'ok');
      const sameOrigin = first.requests.at(-1)?.headers;
      assert.equal(sameOrigin?.authorization, 'Bearer jeton-secret');
      assert.equal(sameOrigin?.cookie, 'session=abc');
    } finally {
      await other.close();
      await first.close();
    }
  });

  test('keeps the caller’s headers but not its Host or User-Agent', async () => {
    const request: FetchRequest = { headers: { Accept: 'application/rss+xml', 'User-Agent': 'autre', Host: 'ailleurs.example.org' } };
    await client()(server.url('/etag'), request);
    const received = server.requests.at(-1)?.headers;
    assert.equal(received?.accept, 'application/rss+xml');
    assert.match(received?.['user-agent'] ?? '', /^Relais\//);
    assert.equal(received?.host, `127.0.0.1:${server.port}`);
  });
});
