import type { ChannelAdapter, ChannelMedia, GuardedFetch, OutgoingPost } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { bearer } from '../api-base.js';
import { callApi } from '../call-api.js';
import { jsonArray, jsonString, jsonValue } from '../json-path.js';
import { samePostText } from '../same-post-text.js';
import { BLUESKY } from './bluesky-profile.js';
import { renewBlueskySession, sessionCredentials, withBlueskySession, type BlueskySession, type BlueskySessions } from './bluesky-session.js';
import { countBlueskyLength } from './count-bluesky-length.js';
import { prepareBlueskyText } from './prepare-bluesky-text.js';

/**
 * Bluesky (atproto): `accountId` is the handle, `accessToken` an app password; sessions are
 * created, stored through `refreshedCredentials` and refreshed. A post with a link gets an
 * external link card (`app.bsky.embed.external`, the first image as its thumbnail); without
 * one, its images (`app.bsky.embed.images`, with alt). No idempotency key exists: retries
 * rely on `findRecentPost` (`com.atproto.repo.listRecords`).
 *
 * @example await createBlueskyAdapter().publish({ text, link }, { accountId: 'mairie.bsky.social', accessToken: appPassword }, ctx);
 */
export function createBlueskyAdapter(): ChannelAdapter {
  const sessions: BlueskySessions = new Map();
  return Object.freeze({
    network: 'bluesky',
    limits: () => Object.freeze({ maxLength: 300, maxMedia: 4, maxAltLength: 2000 }),
    countLength: countBlueskyLength,

    async verifyCredentials(credentials, ctx) {
      const session = await renewBlueskySession(credentials, ctx.fetch);
      const expiresAt = jwtExpiry(session.refreshJwt);
      return Object.freeze({
        accountName: `@${session.handle}`,
        ...(expiresAt === undefined ? {} : { expiresAt }),
        refreshedCredentials: sessionCredentials(credentials, session),
      });
    },

    async publish(post, credentials, ctx) {
      const { value, session } = await withBlueskySession(credentials, ctx.fetch, sessions, async (session) => {
        const { json } = await callApi(ctx.fetch, BLUESKY, {
          method: 'POST',
          url: `${session.base}/xrpc/com.atproto.repo.createRecord`,
          headers: bearer(session.accessJwt),
          json: { repo: session.did, collection: 'app.bsky.feed.post', record: await buildRecord(post, session, ctx.fetch) },
        });
        return json;
      });
      const uri = jsonString(value, 'uri');
      if (uri === undefined) {
        throw new ChannelError('unknown_outcome', 'bluesky', 'Bluesky a répondu sans adresse de message : Relais vérifie avant de réessayer.', 'createRecord sans uri');
      }
      return Object.freeze({
        remoteId: uri,
        url: postUrl(session, uri),
        ...(session.renewed ? { refreshedCredentials: sessionCredentials(credentials, session) } : {}),
      });
    },

    async findRecentPost(marker, credentials, ctx) {
      const expected = prepareBlueskyText(marker).text;
      const { value, session } = await withBlueskySession(credentials, ctx.fetch, sessions, async (session) => {
        const url = new URL(`${session.base}/xrpc/com.atproto.repo.listRecords`);
        url.search = new URLSearchParams({ repo: session.did, collection: 'app.bsky.feed.post', limit: '50' }).toString();
        return (await callApi(ctx.fetch, BLUESKY, { method: 'GET', url: url.href, headers: bearer(session.accessJwt) })).json;
      });
      const record = jsonArray(value, 'records').find((candidate) => samePostText(jsonString(candidate, 'value.text') ?? '', expected));
      const uri = jsonString(record, 'uri');
      return uri === undefined ? undefined : Object.freeze({ remoteId: uri, url: postUrl(session, uri) });
    },
  } satisfies ChannelAdapter);
}

async function buildRecord(post: OutgoingPost, session: BlueskySession, fetch: GuardedFetch): Promise<Record<string, unknown>> {
  const { text, facets } = prepareBlueskyText(post.text);
  const media = post.media ?? [];
  let embed: unknown;
  if (post.link !== undefined) {
    const [first] = media;
    const thumb = first === undefined ? undefined : await uploadBlob(first, session, fetch);
    embed = {
      $type: 'app.bsky.embed.external',
      external: { uri: post.link, title: post.linkTitle ?? '', description: post.linkDescription ?? '', ...(thumb ? { thumb } : {}) },
    };
  } else if (media.length > 0) {
    const images = [];
    for (const image of media.slice(0, 4)) images.push({ alt: image.alt, image: await uploadBlob(image, session, fetch) });
    embed = { $type: 'app.bsky.embed.images', images };
  }
  return {
    $type: 'app.bsky.feed.post',
    text,
    createdAt: new Date().toISOString(),
    langs: [post.language ?? 'fr'],
    ...(facets.length > 0 ? { facets } : {}),
    ...(embed === undefined ? {} : { embed }),
  };
}

// com.atproto.repo.uploadBlob takes the raw bytes and answers the blob reference to embed.
async function uploadBlob(media: ChannelMedia, session: BlueskySession, fetch: GuardedFetch): Promise<unknown> {
  const { json } = await callApi(fetch, BLUESKY, {
    method: 'POST',
    url: `${session.base}/xrpc/com.atproto.repo.uploadBlob`,
    headers: bearer(session.accessJwt),
    bytes: { data: media.bytes, type: media.mimeType },
  });
  const blob = jsonValue(json, 'blob');
  if (blob === undefined) throw new ChannelError('unavailable', 'bluesky', 'Bluesky n’a pas accepté l’image.', 'uploadBlob sans blob');
  return blob;
}

// at://did/app.bsky.feed.post/rkey → https://bsky.app/profile/handle/post/rkey
function postUrl(session: BlueskySession, uri: string): string {
  return `https://bsky.app/profile/${session.handle}/post/${uri.split('/').at(-1) ?? ''}`;
}

function jwtExpiry(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000).toISOString() : undefined;
  } catch {
    return undefined;
  }
}
