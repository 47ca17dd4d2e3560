import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelAdapter, ChannelCredentials, GuardedFetch, OutgoingPost } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { apiBase, bearer } from '../api-base.js';
import { callApi } from '../call-api.js';
import { countGraphemes } from '../count-graphemes.js';
import { jsonArray, jsonString } from '../json-path.js';
import { metaGraphProfile } from '../meta-graph-profile.js';
import { samePostText } from '../same-post-text.js';

/** The Threads API base. */
export const THREADS_BASE = 'https://graph.threads.net/v1.0';
const THREADS = metaGraphProfile('threads', 'Threads');

/** Options of the Threads adapter (tests shorten the container polling). */
export interface ThreadsAdapterOptions {
  /** Between two checks of a media container still being processed. Default 2 s. */
  readonly containerPollMs?: number;
}

/**
 * Threads: `accountId` is the Threads user id, `accessToken` its token. A post is made in two
 * steps (Threads API, publishing): `POST /{user-id}/threads` creates a container (TEXT with
 * an optional `link_attachment`, IMAGE, or CAROUSEL of image items, each with `alt_text`),
 * then `POST /{user-id}/threads_publish` publishes it once its status is FINISHED. Images
 * are fetched by Threads from their public `url`: media without one are refused.
 *
 * @example await createThreadsAdapter().publish({ text, link }, { accountId: '1784…', accessToken }, ctx);
 */
export function createThreadsAdapter(options: ThreadsAdapterOptions = {}): ChannelAdapter {
  const pollMs = options.containerPollMs ?? 2000;
  return Object.freeze({
    network: 'threads',
    limits: () => Object.freeze({ maxLength: 500, maxMedia: 20, maxAltLength: 1000 }),
    countLength: countGraphemes,

    async verifyCredentials(credentials, ctx) {
      const { json } = await callApi(ctx.fetch, THREADS, { method: 'GET', url: `${userUrl(credentials)}?fields=id,username`, headers: bearer(credentials.accessToken) });
      return Object.freeze({ accountName: `@${jsonString(json, 'username') ?? userId(credentials)}` });
    },

    async publish(post, credentials, ctx) {
      const container = await createContainer(post, credentials, ctx.fetch, pollMs);
      const { json } = await callApi(ctx.fetch, THREADS, {
        method: 'POST',
        url: `${userUrl(credentials)}/threads_publish`,
        headers: bearer(credentials.accessToken),
        form: { creation_id: container },
      });
      const remoteId = jsonString(json, 'id');
      if (remoteId === undefined) {
        throw new ChannelError('unknown_outcome', 'threads', 'Threads a répondu sans identifiant de publication : Relais vérifie avant de réessayer.', 'threads_publish sans id');
      }
      // The permalink is a courtesy: the post exists whether or not it can be read back.
      const permalink = await callApi(ctx.fetch, THREADS, { method: 'GET', url: `${base(credentials)}/${encodeURIComponent(remoteId)}?fields=permalink`, headers: bearer(credentials.accessToken) })
        .then(({ json: read }) => jsonString(read, 'permalink'), () => undefined);
      return Object.freeze(permalink === undefined ? { remoteId } : { remoteId, url: permalink });
    },

    async findRecentPost(marker, credentials, ctx) {
      const { json } = await callApi(ctx.fetch, THREADS, {
        method: 'GET',
        url: `${userUrl(credentials)}/threads?fields=id,text,permalink&limit=25`,
        headers: bearer(credentials.accessToken),
      });
      const found = jsonArray(json, 'data').find((candidate) => samePostText(jsonString(candidate, 'text') ?? '', marker));
      const remoteId = jsonString(found, 'id');
      if (remoteId === undefined) return undefined;
      const url = jsonString(found, 'permalink');
      return Object.freeze(url === undefined ? { remoteId } : { remoteId, url });
    },
  } satisfies ChannelAdapter);
}

async function createContainer(post: OutgoingPost, credentials: ChannelCredentials, fetch: GuardedFetch, pollMs: number): Promise<string> {
  const media = post.media ?? [];
  for (const item of media) {
    if (item.url === undefined) {
      throw new ChannelError('rejected', 'threads', `Threads ne reçoit les images que par leur adresse publique : « ${item.fileName} » n’en a pas.`, 'media sans url');
    }
  }
  const create = async (form: Record<string, string | undefined>) => {
    const { json } = await callApi(fetch, THREADS, { method: 'POST', url: `${userUrl(credentials)}/threads`, headers: bearer(credentials.accessToken), form });
    const id = jsonString(json, 'id');
    if (id === undefined) throw new ChannelError('unavailable', 'threads', 'Threads n’a pas créé le conteneur de publication.', 'threads sans id');
    return id;
  };
  const [single] = media;
  if (single === undefined) return create({ media_type: 'TEXT', text: post.text, link_attachment: post.link });
  if (media.length === 1) {
    const id = await create({ media_type: 'IMAGE', image_url: single.url, alt_text: single.alt, text: post.text });
    await waitFinished(id, credentials, fetch, pollMs);
    return id;
  }
  const children: string[] = [];
  for (const item of media) children.push(await create({ media_type: 'IMAGE', image_url: item.url, alt_text: item.alt, is_carousel_item: 'true' }));
  for (const child of children) await waitFinished(child, credentials, fetch, pollMs);
  const id = await create({ media_type: 'CAROUSEL', children: children.join(','), text: post.text });
  await waitFinished(id, credentials, fetch, pollMs);
  return id;
}

// A media container is published only once Threads has fetched and processed its image.
async function waitFinished(id: string, credentials: ChannelCredentials, fetch: GuardedFetch, pollMs: number): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const { json } = await callApi(fetch, THREADS, { method: 'GET', url: `${base(credentials)}/${encodeURIComponent(id)}?fields=status,error_message`, headers: bearer(credentials.accessToken) });
    const status = jsonString(json, 'status');
    if (status === 'FINISHED' || status === 'PUBLISHED') return;
    if (status === 'ERROR' || status === 'EXPIRED') {
      const reason = jsonString(json, 'error_message') ?? status;
      throw new ChannelError('rejected', 'threads', `Threads n’a pas pu traiter l’image. Message du réseau : « ${reason} »`, `container ${id}: ${reason}`, { networkMessage: reason });
    }
    await sleep(pollMs);
  }
  throw new ChannelError('unavailable', 'threads', 'Threads n’a pas fini de traiter l’image : nouvel essai plus tard.', `container ${id} toujours IN_PROGRESS`);
}

function base(credentials: ChannelCredentials): string {
  return apiBase(credentials, THREADS, THREADS_BASE);
}

function userId(credentials: ChannelCredentials): string {
  return credentials.accountId || 'me';
}

function userUrl(credentials: ChannelCredentials): string {
  return `${base(credentials)}/${encodeURIComponent(userId(credentials))}`;
}
