import { countGraphemes } from '../count-graphemes.js';
import { fromLittleText } from '../linkedin/little-text.js';
import { field, startFakeNetwork, type FakeNetworkOptions, type FakeNetworkServer, type FakeReply, type RecordedPost } from './start-fake-network.js';

/** The organization of the fake LinkedIn API. */
export const FAKE_LINKEDIN_ORGANIZATION = Object.freeze({ id: '2414183', name: 'Ville de Val-Fleuri' });

/**
 * A local LinkedIn REST API for tests and benchmarks (documented: organizations, Images
 * API initializeUpload + PUT, Posts API create returning `x-restli-id` with 201, posts by
 * author). Every /rest call must carry `LinkedIn-Version: YYYYMM` (else 426
 * NONEXISTENT_VERSION) and `X-Restli-Protocol-Version: 2.0.0`. Errors have LinkedIn's shape
 * (`{status, serviceErrorCode, code, message}`): EXPIRED_ACCESS_TOKEN 401, TOO_MANY_REQUESTS
 * 429 without reset header. Accepted posts are in `posts` (text = commentary unescaped).
 *
 * Crash test: `{ instance: server.origin, accountId: FAKE_LINKEDIN_ORGANIZATION.id, accessToken: FAKE_TOKEN }`.
 */
export async function startFakeLinkedinServer(options: FakeNetworkOptions = {}): Promise<FakeNetworkServer> {
  const author = `urn:li:organization:${FAKE_LINKEDIN_ORGANIZATION.id}`;
  const images = new Map<string, boolean>();
  const error = (status: number, code: string, message: string, serviceErrorCode?: number): FakeReply =>
    ({ status, body: { status, ...(serviceErrorCode === undefined ? {} : { serviceErrorCode }), code, message } });
  return startFakeNetwork({
    createsPost: (request) => request.method === 'POST' && request.path === '/rest/posts',
    unauthorized: () => error(401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired', 65601),
    rateLimited: () => error(429, 'TOO_MANY_REQUESTS', 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.', 101),
    handle(request, state): FakeReply {
      const { method, path, body, headers } = request;
      if (path.startsWith('/upload/') && method === 'PUT') {
        const urn = `urn:li:image:${path.slice('/upload/'.length)}`;
        if (!images.has(urn) || request.raw.length === 0) return { status: 400, body: '' };
        images.set(urn, true);
        return { status: 201, body: '' };
      }
      if (!/^\d{6}$/.test(String(headers['linkedin-version']))) return error(426, 'NONEXISTENT_VERSION', `Requested version ${String(headers['linkedin-version'])} is not active`);
      if (headers['x-restli-protocol-version'] !== '2.0.0') return error(400, 'ILLEGAL_ARGUMENT', 'X-Restli-Protocol-Version 2.0.0 is required');
      if (method === 'GET' && path === `/rest/organizations/${FAKE_LINKEDIN_ORGANIZATION.id}`) {
        return { status: 200, body: { id: Number(FAKE_LINKEDIN_ORGANIZATION.id), localizedName: FAKE_LINKEDIN_ORGANIZATION.name, vanityName: 'ville-de-val-fleuri' } };
      }
      if (method === 'POST' && path === '/rest/images' && request.query.get('action') === 'initializeUpload') {
        const urn = `urn:li:image:D4E10AQ${state.nextId()}`;
        images.set(urn, false);
        return { status: 200, body: { value: { uploadUrlExpiresAt: Date.now() + 3_600_000, uploadUrl: `http://${headers.host}/upload/${urn.split(':').at(-1)}`, image: urn } } };
      }
      if (method === 'POST' && path === '/rest/posts') {
        if (field(body, 'author') !== author) return error(403, 'ACCESS_DENIED', `Not enough permissions to post as ${String(field(body, 'author'))}`, 100);
        const commentary = field(body, 'commentary');
        if (commentary === undefined || field(body, 'lifecycleState') !== 'PUBLISHED') return error(422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /commentary :: field is required but not found and has no default value');
        const text = fromLittleText(commentary);
        if (countGraphemes(text) > 3000) return error(422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /commentary :: length of string exceeds max length 3000');
        const used = JSON.stringify((body as { content?: unknown }).content ?? {}).match(/urn:li:image:[\w]+/g) ?? [];
        if (used.some((urn) => images.get(urn) !== true)) return error(422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /content :: image not uploaded');
        const post = state.addPost(request, text, { mediaIds: used });
        return { status: 201, body: '', headers: { 'x-restli-id': urnOf(post) } };
      }
      if (method === 'GET' && path === '/rest/posts' && request.query.get('q') === 'author' && request.query.get('author') === author) {
        const elements = [...state.posts].reverse().slice(0, Number(request.query.get('count') ?? 10)).map((post) => ({
          id: urnOf(post), author, commentary: field(post.request.body, 'commentary'), createdAt: post.at, lifecycleState: 'PUBLISHED',
        }));
        return { status: 200, body: { elements, paging: { start: 0, count: elements.length } } };
      }
      return error(404, 'NOT_FOUND', `No resource ${method} ${path}`);
    },
  }, options);
}

function urnOf(post: RecordedPost): string {
  return `urn:li:share:${post.id.slice(-19)}`;
}
