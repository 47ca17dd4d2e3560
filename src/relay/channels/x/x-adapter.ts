import { decodeEntities } from '../../../markup/decode-entities.js';
import type { ChannelAdapter, ChannelCredentials, ChannelMedia, GuardedFetch } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { apiBase, bearer } from '../api-base.js';
import { callApi } from '../call-api.js';
import { jsonArray, jsonString } from '../json-path.js';
import { samePostText } from '../same-post-text.js';
import { countXLength } from './count-x-length.js';
import { withXToken, type XRenewals } from './with-x-token.js';
import { X, X_BASE } from './x-profile.js';

/**
 * X through API v2 with an OAuth 2.0 user token (`tweet.write tweet.read users.read
 * media.write`): `POST /2/tweets`; images first through `POST /2/media/upload` then their
 * alt text through `POST /2/media/metadata`. X has no idempotency key: retries rely on
 * `findRecentPost` (the user's timeline, links read back as t.co are set aside). Tokens are
 * renewed when they expire (see `withXToken`): store `refreshedCredentials`.
 *
 * @example await createXAdapter().publish({ text }, { accessToken }, ctx);
 */
export function createXAdapter(): ChannelAdapter {
  const renewals: XRenewals = new Map();
  return Object.freeze({
    network: 'x',
    limits: () => Object.freeze({ maxLength: 280, maxMedia: 4, maxAltLength: 1000 }),
    countLength: countXLength,

    async verifyCredentials(credentials, ctx) {
      const { value: me, renewed } = await withXToken(credentials, ctx.fetch, renewals, (current) => readMe(current, ctx.fetch));
      const expiresAt = (renewed ?? credentials)['expiresAt'];
      return Object.freeze({
        accountName: `@${me.username}`,
        ...(expiresAt ? { expiresAt } : {}),
        ...(renewed ? { refreshedCredentials: renewed } : {}),
      });
    },

    async publish(post, credentials, ctx) {
      const { value: json, renewed } = await withXToken(credentials, ctx.fetch, renewals, async (current) => {
        const mediaIds: string[] = [];
        for (const media of post.media ?? []) mediaIds.push(await uploadMedia(media, current, ctx.fetch));
        return (await callApi(ctx.fetch, X, {
          method: 'POST',
          url: `${base(current)}/2/tweets`,
          headers: bearer(current.accessToken),
          json: { text: post.text, ...(mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}) },
        })).json;
      });
      const remoteId = jsonString(json, 'data.id');
      if (remoteId === undefined) {
        throw new ChannelError('unknown_outcome', 'x', 'X a répondu sans identifiant de publication : Relais vérifie avant de réessayer.', 'tweets sans data.id');
      }
      return Object.freeze({ remoteId, url: `https://x.com/i/web/status/${remoteId}`, ...(renewed ? { refreshedCredentials: renewed } : {}) });
    },

    async findRecentPost(marker, credentials, ctx) {
      // Renewed credentials found here are kept in `renewals` and handed back by the next publish.
      const { value: json, renewed } = await withXToken(credentials, ctx.fetch, renewals, async (current) => {
        const me = await readMe(current, ctx.fetch);
        return (await callApi(ctx.fetch, X, {
          method: 'GET',
          url: `${base(current)}/2/users/${encodeURIComponent(me.id)}/tweets?max_results=20&exclude=replies,retweets`,
          headers: bearer(current.accessToken),
        })).json;
      });
      // X returns text with &amp; &lt; &gt; escaped, as its web pages show it.
      const found = jsonArray(json, 'data').find((tweet) => samePostText(decodeEntities(jsonString(tweet, 'text') ?? ''), marker));
      const remoteId = jsonString(found, 'id');
      if (remoteId === undefined) return undefined;
      return Object.freeze({ remoteId, url: `https://x.com/i/web/status/${remoteId}`, ...(renewed ? { refreshedCredentials: renewed } : {}) });
    },
  } satisfies ChannelAdapter);
}

async function readMe(credentials: ChannelCredentials, fetch: GuardedFetch): Promise<{ id: string; username: string }> {
  const { json } = await callApi(fetch, X, { method: 'GET', url: `${base(credentials)}/2/users/me`, headers: bearer(credentials.accessToken) });
  const id = jsonString(json, 'data.id');
  const username = jsonString(json, 'data.username');
  if (id === undefined || username === undefined) throw new ChannelError('unavailable', 'x', 'La réponse de X sur le compte est incomplète.', 'users/me sans id');
  return { id, username };
}

async function uploadMedia(media: ChannelMedia, credentials: ChannelCredentials, fetch: GuardedFetch): Promise<string> {
  const form = new FormData();
  form.set('media', new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), media.fileName);
  form.set('media_category', 'tweet_image');
  form.set('media_type', media.mimeType);
  const headers = bearer(credentials.accessToken);
  const { json } = await callApi(fetch, X, { method: 'POST', url: `${base(credentials)}/2/media/upload`, headers, multipart: form });
  const id = jsonString(json, 'data.id');
  if (id === undefined) throw new ChannelError('unavailable', 'x', 'X n’a pas accepté l’image.', 'media/upload sans data.id');
  await callApi(fetch, X, { method: 'POST', url: `${base(credentials)}/2/media/metadata`, headers, json: { id, metadata: { alt_text: { text: media.alt } } } });
  return id;
}

function base(credentials: ChannelCredentials): string {
  return apiBase(credentials, X, X_BASE);
}
