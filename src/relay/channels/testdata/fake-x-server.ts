import { findUrls } from '../find-urls.js';
import { countXLength } from '../x/count-x-length.js';
import { field, startFakeNetwork, type FakeNetworkOptions, type FakeNetworkServer, type FakeReply } from './start-fake-network.js';

/** The user of the fake X API. */
export const FAKE_X_USER = Object.freeze({ id: '1460323737035677698', username: 'VilleValFleuri', name: 'Ville de Val-Fleuri' });

/** The OAuth app and first refresh token the fake X accepts (`POST /2/oauth2/token`). */
export const FAKE_X_CLIENT_ID = 'ZmFrZS14LWNsaWVudA';
export const FAKE_X_REFRESH_TOKEN = 'fake-x-refresh-token-0';

/**
 * A local X API v2 for tests and benchmarks (documented: users/me, media/upload and
 * media/metadata, POST /2/tweets answering 201 with links rewritten as t.co, the user's
 * tweets; duplicate text refused with 403). Errors have X's problem shape (`{title, detail,
 * type, status}`); 429 carries x-rate-limit-reset in epoch seconds. Accepted posts are in
 * `posts` (text as sent). Refresh tokens rotate: each one works once.
 *
 * Crash test: `{ instance: server.origin, accessToken: FAKE_TOKEN }`; avoid identical texts
 * (X refuses duplicates, as the real one does).
 */
export async function startFakeXServer(options: FakeNetworkOptions = {}): Promise<FakeNetworkServer> {
  const media = new Map<string, string | undefined>();
  const refreshTokens = new Set([FAKE_X_REFRESH_TOKEN]);
  let issued = 0;
  const problem = (status: number, title: string, detail: string): FakeReply => ({ status, body: { title, detail, type: 'about:blank', status } });
  return startFakeNetwork({
    createsPost: (request) => request.method === 'POST' && request.path === '/2/tweets',
    isPublic: (request) => request.path === '/2/oauth2/token',
    unauthorized: () => problem(401, 'Unauthorized', 'Unauthorized'),
    rateLimited: (resetAt) => ({
      ...problem(429, 'Too Many Requests', 'Too Many Requests'),
      headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.ceil(resetAt / 1000)) },
    }),
    handle(request, state): FakeReply {
      const { method, path, body } = request;
      if (method === 'POST' && path === '/2/oauth2/token') {
        const spent = field(body, 'refresh_token') ?? '';
        if (field(body, 'grant_type') !== 'refresh_token' || field(body, 'client_id') !== FAKE_X_CLIENT_ID || !refreshTokens.delete(spent)) {
          return { status: 400, body: { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' } };
        }
        issued += 1;
        const accessToken = `fake-x-access-token-${issued}`;
        state.acceptToken(accessToken);
        refreshTokens.add(`fake-x-refresh-token-${issued}`);
        return { status: 200, body: { token_type: 'bearer', expires_in: 7200, access_token: accessToken, scope: 'tweet.write users.read tweet.read media.write offline.access', refresh_token: `fake-x-refresh-token-${issued}` } };
      }
      if (method === 'GET' && path === '/2/users/me') return { status: 200, body: { data: { ...FAKE_X_USER } } };
      if (method === 'POST' && path === '/2/media/upload') {
        if (typeof (body as { media?: unknown }).media !== 'number' || field(body, 'media_category') !== 'tweet_image') return problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.');
        const id = state.nextId();
        media.set(id, undefined);
        return { status: 200, body: { data: { id, media_key: `3_${id}`, size: (body as { media: number }).media, expires_after_secs: 86400 } } };
      }
      if (method === 'POST' && path === '/2/media/metadata') {
        const { id, metadata } = body as { id?: string; metadata?: { alt_text?: { text?: string } } };
        if (id === undefined || !media.has(id)) return problem(400, 'Invalid Request', 'Unknown media id');
        media.set(id, metadata?.alt_text?.text);
        return { status: 200, body: { data: { id, associated_metadata: metadata } } };
      }
      if (method === 'POST' && path === '/2/tweets') {
        const text = field(body, 'text') ?? '';
        const mediaIds = (body as { media?: { media_ids?: string[] } }).media?.media_ids ?? [];
        if (text === '' && mediaIds.length === 0) return problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.');
        if (countXLength(text) > 280) return problem(400, 'Invalid Request', 'Your Tweet text is too long.');
        if (state.posts.some((post) => post.text === text)) return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
        const post = state.addPost(request, text, { mediaIds });
        return { status: 201, body: { data: { id: post.id, text: tco(text), edit_history_tweet_ids: [post.id] } } };
      }
      if (method === 'GET' && path === `/2/users/${FAKE_X_USER.id}/tweets`) {
        const data = [...state.posts].reverse().slice(0, Number(request.query.get('max_results') ?? 10)).map((post) => ({ id: post.id, text: tco(post.text), edit_history_tweet_ids: [post.id] }));
        return { status: 200, body: { data, meta: { result_count: data.length } } };
      }
      return problem(404, 'Not Found Error', `Could not find ${method} ${path}`);
    },
  }, options);
}

// X returns every link wrapped as https://t.co/…, and & < > as entities.
function tco(text: string): string {
  let out = '';
  let from = 0;
  for (const [index, url] of findUrls(text).entries()) {
    out += `${escapeText(text.slice(from, url.start))}https://t.co/Ab${index}Cd3fGh`;
    from = url.end;
  }
  return out + escapeText(text.slice(from));
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
