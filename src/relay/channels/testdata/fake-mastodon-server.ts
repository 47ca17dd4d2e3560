import { escapeHtml } from '../../../markup/escape-html.js';
import { countMastodonLength } from '../mastodon/count-mastodon-length.js';
import { field, startFakeNetwork, type FakeNetworkOptions, type FakeNetworkServer, type FakeReply, type RecordedPost } from './start-fake-network.js';

/** The account the fake Mastodon instance signs in. */
export const FAKE_MASTODON_ACCOUNT = Object.freeze({ id: '109348754112345678', acct: 'mairie', username: 'mairie' });
/** The authorization code the fake instance's /oauth/token accepts. */
export const FAKE_MASTODON_CODE = 'fake-oauth-code-0123456789';

/**
 * A local Mastodon instance for tests and benchmarks (documented API: apps, OAuth token,
 * verify_credentials, statuses with Idempotency-Key remembered for an hour, media v2 with
 * 202 then 206 while processing, account statuses). Every accepted status is in `posts`.
 *
 * For the outbox's crash test and bench: point a page's `instance` at `server.origin`, give
 * it `FAKE_TOKEN`, allow 127.0.0.1 in the guarded client, then count `server.posts` (by
 * `idempotencyKey` or `text`). `rateLimit` simulates Mastodon's 429 with X-RateLimit-Reset.
 *
 * @example
 * const server = await startFakeMastodonServer({ rateLimit: { max: 300, windowMs: 300_000 } });
 * // … run the outbox against { instance: server.origin, accessToken: FAKE_TOKEN } …
 * assert.equal(server.posts.length, variants.length);
 */
export async function startFakeMastodonServer(options: FakeNetworkOptions = {}): Promise<FakeNetworkServer> {
  const byKey = new Map<string, RecordedPost>();
  const polls = new Map<string, number>();
  return startFakeNetwork({
    createsPost: (request) => request.method === 'POST' && request.path === '/api/v1/statuses',
    isPublic: (request) => ['/api/v1/apps', '/oauth/token', '/api/v2/instance'].includes(request.path),
    unauthorized: () => ({
      status: 401,
      body: { error: 'The access token is invalid' },
      headers: { 'www-authenticate': 'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"' },
    }),
    rateLimited: (resetAt) => ({
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(resetAt).toISOString() },
    }),
    handle(request, state): FakeReply {
      const { method, path, body } = request;
      if (method === 'POST' && path === '/api/v1/apps') {
        return { status: 200, body: { id: '563419', name: field(body, 'client_name'), redirect_uri: field(body, 'redirect_uris'), client_id: 'fake-client-id', client_secret: 'fake-client-secret' } };
      }
      if (method === 'POST' && path === '/oauth/token') {
        if (field(body, 'code') !== FAKE_MASTODON_CODE || field(body, 'client_secret') !== 'fake-client-secret') {
          return { status: 400, body: { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' } };
        }
        return { status: 200, body: { access_token: state.tokens[0], token_type: 'Bearer', scope: field(body, 'scope'), created_at: 1764400000 } };
      }
      if (method === 'GET' && path === '/api/v2/instance') {
        return { status: 200, body: { domain: 'mastodon.exemple.fr', version: '4.3.2', configuration: { statuses: { max_characters: 500, max_media_attachments: 6, characters_reserved_per_url: 23 }, media_attachments: { description_limit: 1000 } } } };
      }
      if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
        return { status: 200, body: { ...FAKE_MASTODON_ACCOUNT, display_name: 'Mairie de Val-Fleuri' } };
      }
      if (method === 'POST' && path === '/api/v2/media') {
        if (typeof field(body, 'description') !== 'string') return { status: 422, body: { error: 'Validation failed: File is missing' } };
        const id = state.nextId();
        polls.set(id, 0);
        return { status: 202, body: { id, type: 'image', url: null, description: field(body, 'description') } };
      }
      const media = /^\/api\/v1\/media\/(\d+)$/.exec(path);
      if (method === 'GET' && media) {
        const count = polls.get(media[1] ?? '');
        if (count === undefined) return { status: 404, body: { error: 'Record not found' } };
        polls.set(media[1] ?? '', count + 1);
        return { status: count === 0 ? 206 : 200, body: { id: media[1], type: 'image', url: count === 0 ? null : 'https://files.exemple.fr/1.png' } };
      }
      if (method === 'POST' && path === '/api/v1/statuses') {
        const key = request.headers['idempotency-key'];
        const earlier = typeof key === 'string' ? byKey.get(key) : undefined;
        if (earlier !== undefined && Date.now() - earlier.at < 3_600_000) return { status: 200, body: toStatus(earlier) };
        const text = field(body, 'status') ?? '';
        if (text.trim() === '') return { status: 422, body: { error: 'Validation failed: Text can’t be blank' } };
        if (countMastodonLength(text) > 500) return { status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } };
        const mediaIds = ((body as { media_ids?: string[] }).media_ids ?? []).map(String);
        if (mediaIds.some((id) => (polls.get(id) ?? 0) === 0)) return { status: 422, body: { error: 'Validation failed: Cannot attach files that have not finished processing. Try again in a moment!' } };
        const post = state.addPost(request, text, { ...(typeof key === 'string' ? { idempotencyKey: key } : {}), mediaIds });
        if (typeof key === 'string') byKey.set(key, post);
        return { status: 200, body: toStatus(post) };
      }
      if (method === 'GET' && path === `/api/v1/accounts/${FAKE_MASTODON_ACCOUNT.id}/statuses`) {
        const limit = Number(request.query.get('limit') ?? 20);
        return { status: 200, body: [...state.posts].reverse().slice(0, limit).map(toStatus) };
      }
      return { status: 404, body: { error: 'Record not found' } };
    },
  }, options);
}

function toStatus(post: RecordedPost): unknown {
  return {
    id: post.id,
    created_at: new Date(post.at).toISOString(),
    url: `https://mastodon.exemple.fr/@mairie/${post.id}`,
    visibility: field(post.request.body, 'visibility') ?? 'public',
    content: toHtml(post.text),
    media_attachments: post.mediaIds.map((id) => ({ id, type: 'image' })),
  };
}

// As Mastodon renders a status: paragraphs, <br />, links shown without their scheme.
function toHtml(text: string): string {
  const linked = (line: string) => escapeHtml(line).replace(/https?:\/\/(\S+)/g, (url, rest: string) =>
    `<a href="${url}" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">${rest.slice(0, 30)}</span><span class="invisible">${rest.slice(30)}</span></a>`);
  return text.split(/\n{2,}/).map((paragraph) => `<p>${paragraph.split('\n').map(linked).join('<br />')}</p>`).join('');
}
