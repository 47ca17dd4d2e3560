import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createGuardedFetch } from '../../fetch/create-guarded-fetch.js';
import type { AdapterDeps } from '../source-adapter.js';

/** A request the test server received. */
export interface ReceivedRequest {
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
}

/** A local API server for an adapter's tests, and what it received. */
export interface ApiServer {
  readonly origin: string;
  readonly requests: ReceivedRequest[];
  /** The guarded client, allowed to reach 127.0.0.1 only. */
  readonly deps: AdapterDeps;
  close(): Promise<void>;
}

/**
 * Starts a node:http server on 127.0.0.1 that records each request and lets `handle`
 * answer it, as a network's API would (tests only).
 */
export async function startApiServer(
  handle: (request: ReceivedRequest, response: ServerResponse) => void,
): Promise<ApiServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, response) => {
    const received = { url: new URL(incoming.url ?? '/', 'http://127.0.0.1'), headers: incoming.headers };
    requests.push(received);
    handle(received, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetchResource = createGuardedFetch({ publicUrl: 'https://relais.test', allowHosts: ['127.0.0.1'] });
  return {
    origin,
    requests,
    deps: { fetchResource },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Answers with JSON and extra headers. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A fixture file beside a test, as text. */
export function readFixture(testUrl: string, name: string): string {
  return readFileSync(new URL(`testdata/${name}`, testUrl), 'utf8');
}
