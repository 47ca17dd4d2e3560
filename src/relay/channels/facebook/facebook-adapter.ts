import type { ChannelAdapter, ChannelCredentials, ChannelMedia, GuardedFetch } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { apiBase, bearer } from '../api-base.js';
import { callApi } from '../call-api.js';
import { countGraphemes } from '../count-graphemes.js';
import { jsonArray, jsonString } from '../json-path.js';
import { metaGraphProfile } from '../meta-graph-profile.js';
import { samePostText } from '../same-post-text.js';

/**
 * The Graph API, at a version Relais was checked against. Meta keeps a version about two
 * years: a page may name a newer base as its `instance` (https://graph.facebook.com/vNN.0).
 */
export const FACEBOOK_BASE = 'https://graph.facebook.com/v24.0';
const FACEBOOK = metaGraphProfile('facebook', 'Facebook');

/**
 * A Facebook page through the Graph API: `accountId` is the page id, `accessToken` a page
 * access token (sent as a bearer header, never in a URL that could be logged). A post is
 * `POST /{page-id}/feed` with `message` and `link`; images are first uploaded unpublished
 * to `/{page-id}/photos` with their alt text (`alt_text_custom`), then attached.
 *
 * @example await createFacebookAdapter().publish({ text, link }, { accountId: '104…', accessToken: pageToken }, ctx);
 */
export function createFacebookAdapter(): ChannelAdapter {
  return Object.freeze({
    network: 'facebook',
    limits: () => Object.freeze({ maxLength: 63_206, maxMedia: 10 }),
    countLength: countGraphemes,

    async verifyCredentials(credentials, ctx) {
      // A page access token is the page itself for /me; a user token (the usual mistake) is not.
      const base = apiBase(credentials, FACEBOOK, FACEBOOK_BASE);
      const { json } = await callApi(ctx.fetch, FACEBOOK, { method: 'GET', url: `${base}/me?fields=id,name`, headers: bearer(credentials.accessToken) });
      const name = jsonString(json, 'name') ?? '';
      if (jsonString(json, 'id') !== pageId(credentials)) {
        throw new ChannelError('rejected', 'facebook', `Ce jeton n’est pas celui de la page ${pageId(credentials)} mais de « ${name} » : copiez le jeton d’accès de la page (Page Access Token).`, `me.id ≠ page id`);
      }
      return Object.freeze({ accountName: name });
    },

    async publish(post, credentials, ctx) {
      const attached: Record<string, string> = {};
      for (const [index, media] of (post.media ?? []).entries()) {
        attached[`attached_media[${index}]`] = JSON.stringify({ media_fbid: await uploadPhoto(media, credentials, ctx.fetch) });
      }
      const hasMedia = Object.keys(attached).length > 0;
      const { json } = await callApi(ctx.fetch, FACEBOOK, {
        method: 'POST',
        url: `${pageUrl(credentials)}/feed`,
        headers: bearer(credentials.accessToken),
        // A post with photos cannot carry a link card too: the link stays in the message.
        form: { message: post.text, ...(hasMedia ? attached : { link: post.link }) },
      });
      const remoteId = jsonString(json, 'id');
      if (remoteId === undefined) {
        throw new ChannelError('unknown_outcome', 'facebook', 'Facebook a répondu sans identifiant de publication : Relais vérifie avant de réessayer.', 'feed sans id');
      }
      return Object.freeze({ remoteId, url: `https://www.facebook.com/${remoteId}` });
    },

    async findRecentPost(marker, credentials, ctx) {
      const { json } = await callApi(ctx.fetch, FACEBOOK, {
        method: 'GET',
        url: `${pageUrl(credentials)}/posts?fields=id,message,permalink_url&limit=25`,
        headers: bearer(credentials.accessToken),
      });
      const found = jsonArray(json, 'data').find((candidate) => samePostText(jsonString(candidate, 'message') ?? '', marker));
      const remoteId = jsonString(found, 'id');
      if (remoteId === undefined) return undefined;
      return Object.freeze({ remoteId, url: jsonString(found, 'permalink_url') ?? `https://www.facebook.com/${remoteId}` });
    },
  } satisfies ChannelAdapter);
}

async function uploadPhoto(media: ChannelMedia, credentials: ChannelCredentials, fetch: GuardedFetch): Promise<string> {
  const form = new FormData();
  form.set('source', new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), media.fileName);
  form.set('published', 'false');
  form.set('alt_text_custom', media.alt);
  const { json } = await callApi(fetch, FACEBOOK, { method: 'POST', url: `${pageUrl(credentials)}/photos`, headers: bearer(credentials.accessToken), multipart: form });
  const id = jsonString(json, 'id');
  if (id === undefined) throw new ChannelError('unavailable', 'facebook', 'Facebook n’a pas accepté l’image.', 'photos sans id');
  return id;
}

function pageId(credentials: ChannelCredentials): string {
  if (!credentials.accountId) throw new ChannelError('rejected', 'facebook', 'L’identifiant de la page Facebook manque.', 'accountId absent');
  return credentials.accountId;
}

function pageUrl(credentials: ChannelCredentials): string {
  return `${apiBase(credentials, FACEBOOK, FACEBOOK_BASE)}/${encodeURIComponent(pageId(credentials))}`;
}
