import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { createGuardedFetch } from '../fetch/create-guarded-fetch.js';
import { startRouteServer, type RouteServer } from '../fetch/testdata/start-route-server.js';
import { postWebhook } from './post-webhook.js';
import { signWebhook } from './sign-webhook.js';

let server: RouteServer;
const hanging: ServerResponse[] = [];
const fetchResource = createGuardedFetch({ publicUrl: 'http://relais.test', allowHosts: ['127.0.0.1'] });
const guarded = createGuardedFetch({ publicUrl: 'http://relais.test' });
const NOW = new Date('2026-11-29T12:00:00.000Z');

before(async () => {
  const status = (code: number) => (_req: unknown, res: ServerResponse) => res.writeHead(code).end();
  server = await startRouteServer({
    '/ok': status(204), '/gone': status(410), '/busy': status(429), '/down': status(503), '/moved': (_req, res) => res.writeHead(302, { location: '/ok' }).end(),
    '/slow': (_req, res) => { hanging.push(res); },
  });
});
after(async () => {
  for (const res of hanging) res.destroy();
  await server?.close();
});

test('a delivery carries the event, its id, the timestamp and the signature of exactly the bytes sent', async () => {
  const outcome = await postWebhook(fetchResource, server.url('/ok'), 'un-secret-de-seize-caracteres', { event: 'veille.test', n: 'é' }, 'veille.test', 7, NOW);
  assert.deepEqual(outcome, { ok: true, httpStatus: 204 });
  const request = server.requests.at(-1)!;
  assert.equal(request.method, 'POST');
  assert.equal(request.headers['x-relais-event'], 'veille.test');
  assert.equal(request.headers['x-relais-delivery'], '7');
  assert.equal(request.headers['x-relais-timestamp'], String(NOW.getTime() / 1000));
  assert.equal(request.headers['x-relais-signature'], signWebhook('un-secret-de-seize-caracteres', NOW.getTime() / 1000, '{"event":"veille.test","n":"é"}'));
  await postWebhook(fetchResource, server.url('/ok'), null, {}, 'veille.test', 8, NOW);
  assert.equal(server.requests.at(-1)!.headers['x-relais-signature'], undefined, 'no secret, no signature');
});

test('5xx, 429 and a time-out are worth retrying; a refusal, a redirect and a private address are not', async () => {
  const outcome = (path: string, timeoutMs?: number) => postWebhook(fetchResource, server.url(path), null, {}, 'veille.alert', 1, NOW, timeoutMs);
  const retry = async (path: string, timeoutMs?: number) => {
    const o = await outcome(path, timeoutMs);
    assert.ok(!o.ok, path);
    return o.retry;
  };
  assert.equal(await retry('/down'), true);
  assert.equal(await retry('/busy'), true);
  assert.equal(await retry('/slow', 300), true);
  assert.equal(await retry('/gone'), false);
  assert.equal(await retry('/moved'), false, 'a webhook is never redirected');
  const refused = await postWebhook(guarded, server.url('/ok'), null, {}, 'veille.alert', 1, NOW);
  assert.ok(!refused.ok && !refused.retry, 'a private address without FETCH_ALLOW_HOSTS');
  assert.doesNotMatch(refused.ok ? '' : refused.reason, /at .*\.js/);
});
