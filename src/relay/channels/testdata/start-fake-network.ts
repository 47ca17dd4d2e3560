import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake network received, body decoded by its content type. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly raw: Buffer;
  /** The parsed JSON body, or the fields of a form / multipart body (files as their byte size). */
  readonly body: unknown;
}

/** A post the fake network accepted. `idempotencyKey` only where the network takes one. */
export interface RecordedPost {
  readonly id: string;
  readonly text: string;
  readonly idempotencyKey?: string;
  readonly mediaIds: readonly string[];
  readonly at: number;
  readonly request: RecordedRequest;
}

/** What a fake answers. */
export interface FakeReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A failure injected into the next post-creating request:
 * `expired-token` (the network's expired-token answer), `server-error` (503),
 * `rate-limited` (429 with the network's headers), `timeout-after-post` (the post is recorded,
 * then the answer never comes: the client times out with the outcome unknown).
 */
export type FakeFault = 'expired-token' | 'server-error' | 'rate-limited' | 'timeout-after-post';

/** Options every fake network server takes. */
export interface FakeNetworkOptions {
  /** 0 (any free port) by default. */
  readonly port?: number;
  /** Simulated rate limit on post creation: at most `max` per `windowMs`, then the network's 429. */
  readonly rateLimit?: { readonly max: number; readonly windowMs: number };
  /** Tokens accepted as `Authorization: Bearer …`; `FAKE_TOKEN` by default. */
  readonly tokens?: readonly string[];
}

/** A running fake network: what it received and accepted, and its controls. */
export interface FakeNetworkServer {
  readonly origin: string;
  readonly requests: RecordedRequest[];
  readonly posts: RecordedPost[];
  failNext(fault: FakeFault): void;
  close(): Promise<void>;
}

/** The default token fake servers accept. */
export const FAKE_TOKEN = 'ZmFrZS1yZWxhaXMtdG9rZW4tMTIzNDU2Nzg5';

/** What a network-specific fake tells the shared core. */
export interface FakeNetworkSpec {
  /** Answers a request; `state.addPost` records an accepted post and returns it. */
  handle(request: RecordedRequest, state: FakeState): FakeReply | Promise<FakeReply>;
  /** Whether the request creates a post (faults and the rate limit apply to it). */
  createsPost(request: RecordedRequest): boolean;
  /** Requests that carry no bearer token (session creation, OAuth). */
  isPublic?(request: RecordedRequest): boolean;
  /** The network's answer to a missing, invalid or expired token. */
  unauthorized(): FakeReply;
  /** Its 429, given when the window resets (epoch ms). */
  rateLimited(resetAt: number): FakeReply;
}

/** Shared state handed to a fake's handler. */
export interface FakeState {
  readonly posts: RecordedPost[];
  /** The tokens accepted right now (`FAKE_TOKEN` first by default). */
  readonly tokens: readonly string[];
  /** Accepts a token the fake issued (OAuth refresh). */
  acceptToken(token: string): void;
  /** Refuses a token from now on (rotated, expired). */
  revokeToken(token: string): void;
  addPost(request: RecordedRequest, text: string, extra?: { idempotencyKey?: string; mediaIds?: readonly string[] }): RecordedPost;
  nextId(): string;
}

/**
 * Starts a fake network API on 127.0.0.1 from a spec: records every request and accepted
 * post, checks bearer tokens, applies the simulated rate limit and injected faults. Each
 * `fake-<network>-server.ts` builds on it.
 */
export async function startFakeNetwork(spec: FakeNetworkSpec, options: FakeNetworkOptions = {}): Promise<FakeNetworkServer> {
  const requests: RecordedRequest[] = [];
  const posts: RecordedPost[] = [];
  const faults: FakeFault[] = [];
  const tokens = [...(options.tokens ?? [FAKE_TOKEN])];
  const windowPosts: number[] = [];
  let counter = 0;
  const state: FakeState = {
    posts,
    tokens,
    acceptToken: (token) => void tokens.push(token),
    revokeToken: (token) => void tokens.splice(0, tokens.length, ...tokens.filter((kept) => kept !== token)),
    nextId: () => String(113_600_000_000_000_000n + BigInt((counter += 1))),
    addPost(request, text, extra = {}) {
      const post = Object.freeze({
        id: state.nextId(),
        text,
        ...(extra.idempotencyKey === undefined ? {} : { idempotencyKey: extra.idempotencyKey }),
        mediaIds: extra.mediaIds ?? [],
        at: Date.now(),
        request,
      });
      posts.push(post);
      return post;
    },
  };
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      void (async () => {
        const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
        const raw = Buffer.concat(chunks);
        const request: RecordedRequest = Object.freeze({
          method: incoming.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: incoming.headers,
          raw,
          body: await decodeBody(raw, incoming.headers['content-type']),
        });
        requests.push(request);
        send(response, await answer(request));
      })().catch((error: unknown) => send(response, { status: 500, body: { error: String(error) } }));
    });
  });

  async function answer(request: RecordedRequest): Promise<FakeReply | 'hang'> {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const creates = spec.createsPost(request);
    const fault = creates ? faults.shift() : undefined;
    if (fault === 'expired-token') return spec.unauthorized();
    if (spec.isPublic?.(request) !== true && (token === undefined || !tokens.includes(token))) return spec.unauthorized();
    if (fault === 'server-error') return { status: 503, body: '<html><body>503 Service Unavailable</body></html>', headers: { 'content-type': 'text/html' } };
    if (creates && options.rateLimit) {
      const now = Date.now();
      while (windowPosts.length > 0 && (windowPosts[0] ?? 0) <= now - options.rateLimit.windowMs) windowPosts.shift();
      if (fault === 'rate-limited' || windowPosts.length >= options.rateLimit.max) {
        return spec.rateLimited((windowPosts[0] ?? now) + options.rateLimit.windowMs);
      }
      windowPosts.push(now);
    } else if (fault === 'rate-limited') {
      return spec.rateLimited(Date.now() + 60_000);
    }
    const reply = await spec.handle(request, state);
    return fault === 'timeout-after-post' ? 'hang' : reply;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    posts,
    failNext: (fault) => void faults.push(fault),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function send(response: ServerResponse, reply: FakeReply | 'hang'): void {
  // A hung answer is left open until the client gives up or the server closes.
  if (reply === 'hang') return;
  const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  response.end(text);
}

async function decodeBody(raw: Buffer, type: string | undefined): Promise<unknown> {
  if (raw.length === 0) return undefined;
  if (type?.startsWith('application/json')) return JSON.parse(raw.toString('utf8')) as unknown;
  if (type?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  if (type?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    const fields: Record<string, string | number> = {};
    for (const [name, value] of form) fields[name] = typeof value === 'string' ? value : value.size;
    return fields;
  }
  return { bytes: raw.length };
}

/** The string field of a decoded body, or undefined. */
export function field(body: unknown, name: string): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}
