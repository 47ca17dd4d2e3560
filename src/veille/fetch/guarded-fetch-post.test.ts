import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGuardedFetch } from './create-guarded-fetch.js';
import { FetchError } from './fetch-error.js';

// Publishing APIs (src/relay/channels/) send bodies and read the explanation of a refusal.
describe('createGuardedFetch with a method and a body', () => {
  let server: Server;
  let origin = '';
  const received: { method: string; body: string; type: string | undefined }[] = [];
  before(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method ?? '', body: Buffer.concat(chunks).toString('utf8'), type: request.headers['content-type'] });
        if (request.url === '/refuse') {
          response.writeHead(422, { 'content-type': 'application/json', 'x-ratelimit-remaining': '12' });
          return response.end('{"error":"Validation failed: Text is too long"}');
        }
        if (request.url === '/moved') {
          response.writeHead(307, { location: '/elsewhere' });
          return response.end();
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"id":"1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const fetchResource = createGuardedFetch({ publicUrl: 'https://relais.test', allowHosts: ['127.0.0.1'] });

  test('sends the method, the body and its content type', async () => {
    const result = await fetchResource(`${origin}/post`, {
      method: 'POST',
      body: '{"status":"Bonjour à tous"}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(result.status, 'ok');
    assert.equal(result.status === 'ok' ? result.headers?.['content-type'] : '', 'application/json');
    assert.deepEqual(received.at(-1), { method: 'POST', body: '{"status":"Bonjour à tous"}', type: 'application/json' });
  });

  test('keeps the headers and body of a refusal when asked', async () => {
    const error = await fetchResource(`${origin}/refuse`, { method: 'POST', body: 'x', keepErrorResponse: true }).catch((e: unknown) => e);
    assert.ok(error instanceof FetchError);
    assert.equal(error.httpStatus, 422);
    assert.equal(error.response?.body, '{"error":"Validation failed: Text is too long"}');
    assert.equal(error.response?.headers['x-ratelimit-remaining'], '12');
    const plain = await fetchResource(`${origin}/refuse`).catch((e: unknown) => e);
    assert.ok(plain instanceof FetchError);
    assert.equal(plain.response, undefined);
  });

  test('never follows a redirect with a POST: its body is not sent twice', async () => {
    const before = received.length;
    const error = await fetchResource(`${origin}/moved`, { method: 'POST', body: 'x' }).catch((e: unknown) => e);
    assert.ok(error instanceof FetchError);
    assert.equal(error.httpStatus, 307);
    assert.equal(received.length, before + 1);
  });
});
