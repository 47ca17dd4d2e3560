import { countGraphemes } from '../count-graphemes.js';
import { field, startFakeNetwork, type FakeNetworkOptions, type FakeNetworkServer, type FakeReply, type FakeState, type RecordedPost, type RecordedRequest } from './start-fake-network.js';

/** The account of the fake PDS: sign in with this handle and `FAKE_TOKEN` as app password. */
export const FAKE_BLUESKY_ACCOUNT = Object.freeze({ handle: 'mairie.bsky.social', did: 'did:plc:z72i7hdynmk6r22z27h6tvur' });

/** A fake PDS, with a control to make every access JWT issued so far expire. */
export interface FakeBlueskyServer extends FakeNetworkServer {
  expireAccessTokens(): void;
}

/**
 * A local Bluesky PDS for tests and benchmarks (documented XRPC: createSession,
 * refreshSession, uploadBlob, createRecord of app.bsky.feed.post checked for 300 graphemes
 * and facet byte ranges, listRecords). Errors have XRPC's shape (`{error, message}`):
 * ExpiredToken as a 400, RateLimitExceeded as a 429 with RateLimit-Reset (epoch seconds).
 *
 * For the outbox's crash test: `{ instance: server.origin, accountId: FAKE_BLUESKY_ACCOUNT.handle,
 * accessToken: FAKE_TOKEN }`, then count `server.posts`.
 */
export async function startFakeBlueskyServer(options: FakeNetworkOptions = {}): Promise<FakeBlueskyServer> {
  const access = new Set<string>();
  const refresh = new Set<string>();
  let issued = 0;
  const { did, handle } = FAKE_BLUESKY_ACCOUNT;
  const session = (): FakeReply => {
    issued += 1;
    const accessJwt = jwt({ scope: 'com.atproto.appPass', sub: did, exp: Math.floor(Date.now() / 1000) + 7200, n: issued });
    const refreshJwt = jwt({ scope: 'com.atproto.refresh', sub: did, exp: Math.floor(Date.now() / 1000) + 90 * 86400, n: issued });
    access.add(accessJwt);
    refresh.add(refreshJwt);
    return { status: 200, body: { did, handle, accessJwt, refreshJwt, active: true } };
  };
  const expired: FakeReply = { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } };
  const server = await startFakeNetwork({
    createsPost: (request) => request.path === '/xrpc/com.atproto.repo.createRecord',
    // Tokens are checked here: the PDS issues its own JWTs.
    isPublic: () => true,
    unauthorized: () => expired,
    rateLimited: (resetAt) => ({
      status: 429,
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.ceil(resetAt / 1000)), 'ratelimit-policy': '5000;w=3600' },
    }),
    handle(request, state): FakeReply {
      const { path, body } = request;
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (path === '/xrpc/com.atproto.server.createSession') {
        const known = ([handle, did] as string[]).includes(field(body, 'identifier') ?? '') && state.tokens.includes(field(body, 'password') ?? '');
        return known ? session() : { status: 401, body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' } };
      }
      if (path === '/xrpc/com.atproto.server.refreshSession') {
        if (!refresh.delete(token)) return expired;
        return session();
      }
      if (!access.has(token)) return token === '' ? { status: 401, body: { error: 'AuthenticationRequired', message: 'Authentication Required' } } : expired;
      if (path === '/xrpc/com.atproto.repo.uploadBlob') {
        return { status: 200, body: { blob: { $type: 'blob', ref: { $link: `bafkreig${state.nextId()}` }, mimeType: request.headers['content-type'], size: request.raw.length } } };
      }
      if (path === '/xrpc/com.atproto.repo.createRecord') return createRecord(request, state);
      if (path === '/xrpc/com.atproto.repo.listRecords' && request.query.get('repo') === did) {
        const limit = Number(request.query.get('limit') ?? 50);
        return { status: 200, body: { records: [...state.posts].reverse().slice(0, limit).map(toRecord) } };
      }
      return { status: 400, body: { error: 'InvalidRequest', message: `Unknown method ${path}` } };
    },
  }, options);
  return Object.assign(server, { expireAccessTokens: () => access.clear() });
}

function createRecord(request: RecordedRequest, state: FakeState): FakeReply {
  const body = request.body as { repo?: string; collection?: string; record?: { text?: string; facets?: { index: { byteStart: number; byteEnd: number } }[] } };
  const invalid = (message: string): FakeReply => ({ status: 400, body: { error: 'InvalidRequest', message } });
  if (body.repo !== FAKE_BLUESKY_ACCOUNT.did || body.collection !== 'app.bsky.feed.post') return invalid('Invalid repo or collection');
  const text = body.record?.text ?? '';
  if (countGraphemes(text) > 300) return invalid('Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes');
  const bytes = Buffer.byteLength(text);
  for (const facet of body.record?.facets ?? []) {
    if (facet.index.byteStart < 0 || facet.index.byteEnd > bytes || facet.index.byteStart >= facet.index.byteEnd) return invalid('Invalid facet byte range');
  }
  const post = state.addPost(request, text);
  return { status: 200, body: { uri: uriOf(post), cid: `bafyreib${post.id}`, commit: { cid: `bafyreic${post.id}`, rev: `3l${post.id.slice(-11)}` } } };
}

function uriOf(post: RecordedPost): string {
  return `at://${FAKE_BLUESKY_ACCOUNT.did}/app.bsky.feed.post/3l${post.id.slice(-11)}`;
}

function toRecord(post: RecordedPost): unknown {
  return { uri: uriOf(post), cid: `bafyreib${post.id}`, value: (post.request.body as { record?: unknown }).record };
}

function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'at+jwt', alg: 'ES256K' })}.${part(payload)}.c2lnbmF0dXJl`;
}
