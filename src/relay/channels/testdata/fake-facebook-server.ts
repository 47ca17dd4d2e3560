import { FAKE_TOKEN, field, startFakeNetwork, type FakeNetworkOptions, type FakeNetworkServer, type FakeReply, type RecordedPost } from './start-fake-network.js';

/** The page of the fake Graph API; post to it with `FAKE_TOKEN` as page access token. */
export const FAKE_FACEBOOK_PAGE = Object.freeze({ id: '104729381726354', name: 'Ville de Val-Fleuri' });

/** A user access token the fake also knows: /me is the user, and the page refuses its posts. */
export const FAKE_FACEBOOK_USER_TOKEN = 'ZmFrZS1mYWNlYm9vay11c2VyLXRva2Vu';

/**
 * A local Facebook Graph API for one page, for tests and benchmarks (documented: page
 * fields, `/{page-id}/feed` with message and link or attached_media, unpublished
 * `/{page-id}/photos` with alt_text_custom, `/{page-id}/posts`). Errors have the Graph API's
 * shape: an expired token is code 190 (HTTP 400), the page rate limit code 32 with
 * X-Business-Use-Case-Usage. Accepted posts are in `posts`.
 *
 * Crash test: `{ instance: server.origin, accountId: FAKE_FACEBOOK_PAGE.id, accessToken: FAKE_TOKEN }`.
 */
export async function startFakeFacebookServer(options: FakeNetworkOptions = {}): Promise<FakeNetworkServer> {
  const page = `/${FAKE_FACEBOOK_PAGE.id}`;
  const photos = new Set<string>();
  const graphError = (status: number, code: number, message: string, extra: Record<string, unknown> = {}): FakeReply => ({
    status,
    body: { error: { message, type: code === 190 ? 'OAuthException' : 'GraphMethodException', code, ...extra, fbtrace_id: 'AbCdEfGh123' } },
  });
  return startFakeNetwork({
    createsPost: (request) => request.method === 'POST' && request.path === `${page}/feed`,
    unauthorized: () => graphError(400, 190, 'Error validating access token: Session has expired on Saturday, 28-Nov-26 10:00:00 PST.', { error_subcode: 463 }),
    rateLimited: (resetAt) => ({
      ...graphError(400, 32, 'Page request limit reached'),
      headers: { 'x-business-use-case-usage': JSON.stringify({ [FAKE_FACEBOOK_PAGE.id]: [{ type: 'pages', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: Math.max(1, Math.ceil((resetAt - Date.now()) / 60_000)) }] }) },
    }),
    handle(request, state): FakeReply {
      const { method, path, body } = request;
      const asUser = request.headers.authorization === `Bearer ${FAKE_FACEBOOK_USER_TOKEN}`;
      if (method === 'GET' && path === '/me') {
        return { status: 200, body: asUser ? { id: '10160234567890123', name: 'Claire Martin' } : { id: FAKE_FACEBOOK_PAGE.id, name: FAKE_FACEBOOK_PAGE.name } };
      }
      if (asUser && method === 'POST') {
        return graphError(403, 200, '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission');
      }
      if (method === 'GET' && path === page) return { status: 200, body: { id: FAKE_FACEBOOK_PAGE.id, name: FAKE_FACEBOOK_PAGE.name } };
      if (method === 'POST' && path === `${page}/photos`) {
        if (typeof (body as { source?: unknown }).source !== 'number') return graphError(400, 324, '(#324) Requires upload file');
        const id = state.nextId();
        photos.add(id);
        return { status: 200, body: { id } };
      }
      if (method === 'POST' && path === `${page}/feed`) {
        const message = field(body, 'message') ?? '';
        const attached = Object.entries(body as Record<string, string>).filter(([name]) => name.startsWith('attached_media['))
          .map(([, value]) => String((JSON.parse(value) as { media_fbid?: string }).media_fbid));
        if (message === '' && field(body, 'link') === undefined && attached.length === 0) return graphError(400, 100, '(#100) Invalid parameter');
        if (attached.some((id) => !photos.has(id))) return graphError(400, 100, '(#100) Invalid media_fbid');
        const post = state.addPost(request, message, { mediaIds: attached });
        return { status: 200, body: { id: postId(post) } };
      }
      if (method === 'GET' && path === `${page}/posts`) {
        const limit = Number(request.query.get('limit') ?? 25);
        const data = [...state.posts].reverse().slice(0, limit).map((post) => ({
          id: postId(post), message: post.text, created_time: new Date(post.at).toISOString(), permalink_url: `https://www.facebook.com/${postId(post)}`,
        }));
        return { status: 200, body: { data, paging: {} } };
      }
      return graphError(400, 100, `(#100) Unknown path components: ${path}`);
    },
  }, { ...options, tokens: [...(options.tokens ?? [FAKE_TOKEN]), FAKE_FACEBOOK_USER_TOKEN] });
}

function postId(post: RecordedPost): string {
  return `${FAKE_FACEBOOK_PAGE.id}_${post.id}`;
}
