import { countGraphemes } from '../count-graphemes.js';
import { field, startFakeNetwork, type FakeNetworkOptions, type FakeNetworkServer, type FakeReply, type RecordedPost } from './start-fake-network.js';

/** The user of the fake Threads API. */
export const FAKE_THREADS_USER = Object.freeze({ id: '17841401234567890', username: 'villedevalfleuri' });

/**
 * A local Threads API for tests and benchmarks (documented: `/{user-id}/threads` creating
 * TEXT, IMAGE and CAROUSEL containers, container `status` IN_PROGRESS then FINISHED for
 * images, `/{user-id}/threads_publish`, permalink, the user's threads). Meta's error shape:
 * expired token code 190 (401), rate limit code 4 (403). Published posts are in `posts`.
 *
 * Crash test: `{ instance: server.origin, accountId: FAKE_THREADS_USER.id, accessToken: FAKE_TOKEN }`.
 */
export async function startFakeThreadsServer(options: FakeNetworkOptions = {}): Promise<FakeNetworkServer> {
  const user = `/${FAKE_THREADS_USER.id}`;
  const containers = new Map<string, { form: Record<string, string>; polls: number; published: boolean }>();
  const posts = new Map<string, RecordedPost>();
  const metaError = (status: number, code: number, message: string): FakeReply => ({ status, body: { error: { message, type: 'THApiException', code, fbtrace_id: 'AbC123' } } });
  return startFakeNetwork({
    createsPost: (request) => request.method === 'POST' && request.path === `${user}/threads_publish`,
    unauthorized: () => metaError(401, 190, 'Error validating access token: Session has expired.'),
    rateLimited: () => metaError(403, 4, 'Application request limit reached'),
    handle(request, state): FakeReply {
      const { method, path, body } = request;
      const form = (body ?? {}) as Record<string, string>;
      if (method === 'GET' && path === user) return { status: 200, body: { ...FAKE_THREADS_USER } };
      if (method === 'POST' && path === `${user}/threads`) {
        const type = form['media_type'];
        if (!['TEXT', 'IMAGE', 'CAROUSEL'].includes(type ?? '')) return metaError(400, 100, 'Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}');
        if (type === 'IMAGE' && !form['image_url']) return metaError(400, 100, 'Param image_url is required for IMAGE');
        if (countGraphemes(form['text'] ?? '') > 500) return metaError(400, 100, 'Param text must be at most 500 characters long.');
        if (type === 'CAROUSEL' && (form['children'] ?? '').split(',').some((id) => !containers.has(id))) return metaError(400, 100, 'Invalid children');
        const id = state.nextId();
        containers.set(id, { form, polls: type === 'TEXT' ? 1 : 0, published: false });
        return { status: 200, body: { id } };
      }
      if (method === 'POST' && path === `${user}/threads_publish`) {
        const container = containers.get(field(body, 'creation_id') ?? '');
        if (container === undefined || container.published) return metaError(400, 24, 'The requested resource does not exist');
        if (container.polls === 0) return metaError(400, 9007, 'Media ID is not available');
        container.published = true;
        const post = state.addPost(request, container.form['text'] ?? '', { mediaIds: (container.form['children'] ?? container.form['image_url'] ?? '').split(',').filter(Boolean) });
        posts.set(post.id, post);
        return { status: 200, body: { id: post.id } };
      }
      if (method === 'GET' && path === `${user}/threads`) {
        const data = [...state.posts].reverse().slice(0, Number(request.query.get('limit') ?? 25)).map((post) => ({ id: post.id, text: post.text, permalink: permalink(post) }));
        return { status: 200, body: { data, paging: {} } };
      }
      const id = path.slice(1);
      const container = containers.get(id);
      if (method === 'GET' && container !== undefined) {
        container.polls += 1;
        return { status: 200, body: { id, status: container.polls > 1 ? 'FINISHED' : 'IN_PROGRESS' } };
      }
      const post = posts.get(id);
      if (method === 'GET' && post !== undefined) return { status: 200, body: { id, permalink: permalink(post) } };
      return metaError(400, 100, `Unsupported request: ${method} ${path}`);
    },
  }, options);
}

function permalink(post: RecordedPost): string {
  return `https://www.threads.net/@${FAKE_THREADS_USER.username}/post/C${post.id.slice(-10)}`;
}
