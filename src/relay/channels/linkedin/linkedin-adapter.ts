import type { ChannelAdapter, ChannelCredentials, ChannelMedia, GuardedFetch, OutgoingPost } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { apiBase, bearer } from '../api-base.js';
import { callApi } from '../call-api.js';
import { countGraphemes } from '../count-graphemes.js';
import { jsonArray, jsonString } from '../json-path.js';
import type { NetworkProfile } from '../network-profile.js';
import { samePostText } from '../same-post-text.js';
import { fromLittleText, toLittleText } from './little-text.js';

/** The LinkedIn REST base. */
export const LINKEDIN_BASE = 'https://api.linkedin.com';
/**
 * The monthly API version sent as `LinkedIn-Version`. LinkedIn retires a version about a year
 * after it ships (426 NONEXISTENT_VERSION): a page may set a newer one as its `apiVersion` extra.
 */
export const LINKEDIN_VERSION = '202610';
// Application limits reset daily; a 429 gives no reset time.
const LINKEDIN: NetworkProfile = Object.freeze({ network: 'linkedin', label: 'LinkedIn', rateLimitWindowSeconds: 3600 });

/**
 * A LinkedIn organization page through the Posts API: `accountId` is the organization id
 * (or its `urn:li:organization:…`), `accessToken` a token with `w_organization_social`.
 * Every call carries `LinkedIn-Version` and `X-Restli-Protocol-Version: 2.0.0`. A link
 * becomes an article (with the first image as its thumbnail), otherwise images are
 * uploaded through the Images API (`initializeUpload`, then PUT) and posted with alt text.
 * The new post's URN comes back in the `x-restli-id` header.
 *
 * @example await createLinkedinAdapter().publish({ text, link, linkTitle }, { accountId: '2414183', accessToken }, ctx);
 */
export function createLinkedinAdapter(): ChannelAdapter {
  return Object.freeze({
    network: 'linkedin',
    limits: () => Object.freeze({ maxLength: 3000, maxMedia: 20, maxAltLength: 4086 }),
    countLength: countGraphemes,

    async verifyCredentials(credentials, ctx) {
      const id = author(credentials).split(':').at(-1) ?? '';
      const { json } = await callApi(ctx.fetch, LINKEDIN, { method: 'GET', url: `${base(credentials)}/rest/organizations/${encodeURIComponent(id)}`, headers: headers(credentials) });
      return Object.freeze({ accountName: jsonString(json, 'localizedName') ?? author(credentials) });
    },

    async publish(post, credentials, ctx) {
      const content = await buildContent(post, credentials, ctx.fetch);
      const answer = await callApi(ctx.fetch, LINKEDIN, {
        method: 'POST',
        url: `${base(credentials)}/rest/posts`,
        headers: headers(credentials),
        json: {
          author: author(credentials),
          commentary: toLittleText(post.text),
          visibility: 'PUBLIC',
          distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
          lifecycleState: 'PUBLISHED',
          isReshareDisabledByAuthor: false,
          ...(content === undefined ? {} : { content }),
        },
      });
      const remoteId = answer.headers['x-restli-id'] ?? jsonString(answer.json, 'id');
      if (remoteId === undefined) {
        throw new ChannelError('unknown_outcome', 'linkedin', 'LinkedIn a répondu sans identifiant de publication : Relais vérifie avant de réessayer.', 'posts sans x-restli-id');
      }
      return Object.freeze({ remoteId, url: `https://www.linkedin.com/feed/update/${remoteId}/` });
    },

    async findRecentPost(marker, credentials, ctx) {
      const url = `${base(credentials)}/rest/posts?author=${encodeURIComponent(author(credentials))}&q=author&count=20&sortBy=LAST_MODIFIED`;
      const { json } = await callApi(ctx.fetch, LINKEDIN, { method: 'GET', url, headers: headers(credentials) });
      const found = jsonArray(json, 'elements').find((candidate) => samePostText(fromLittleText(jsonString(candidate, 'commentary') ?? ''), marker));
      const remoteId = jsonString(found, 'id');
      return remoteId === undefined ? undefined : Object.freeze({ remoteId, url: `https://www.linkedin.com/feed/update/${remoteId}/` });
    },
  } satisfies ChannelAdapter);
}

async function buildContent(post: OutgoingPost, credentials: ChannelCredentials, fetch: GuardedFetch): Promise<unknown> {
  const media = post.media ?? [];
  if (post.link !== undefined) {
    const [first] = media;
    const thumbnail = first === undefined ? undefined : await uploadImage(first, credentials, fetch);
    return { article: { source: post.link, title: post.linkTitle ?? post.link, ...(post.linkDescription ? { description: post.linkDescription } : {}), ...(thumbnail ? { thumbnail } : {}) } };
  }
  const images = [];
  for (const image of media) images.push({ id: await uploadImage(image, credentials, fetch), altText: image.alt });
  if (images.length === 0) return undefined;
  return images.length === 1 ? { media: images[0] } : { multiImage: { images } };
}

// Images API: initializeUpload gives an upload URL and the image URN; the bytes go there by PUT.
async function uploadImage(media: ChannelMedia, credentials: ChannelCredentials, fetch: GuardedFetch): Promise<string> {
  const { json } = await callApi(fetch, LINKEDIN, {
    method: 'POST',
    url: `${base(credentials)}/rest/images?action=initializeUpload`,
    headers: headers(credentials),
    json: { initializeUploadRequest: { owner: author(credentials) } },
  });
  const uploadUrl = jsonString(json, 'value.uploadUrl');
  const image = jsonString(json, 'value.image');
  if (uploadUrl === undefined || image === undefined) {
    throw new ChannelError('unavailable', 'linkedin', 'LinkedIn n’a pas préparé l’envoi de l’image.', 'initializeUpload sans uploadUrl ou image');
  }
  if (!isLinkedinUploadUrl(uploadUrl, base(credentials))) {
    throw new ChannelError('unavailable', 'linkedin', 'LinkedIn a proposé une adresse d’envoi d’image inattendue.', `uploadUrl hors de LinkedIn : ${new URL(uploadUrl).host}`);
  }
  await callApi(fetch, LINKEDIN, { method: 'PUT', url: uploadUrl, headers: bearer(credentials.accessToken), bytes: { data: media.bytes, type: media.mimeType } });
  return image;
}

// The token goes with the bytes (Images API), so only to LinkedIn itself or the configured API origin.
function isLinkedinUploadUrl(uploadUrl: string, apiBaseUrl: string): boolean {
  if (!URL.canParse(uploadUrl)) return false;
  const url = new URL(uploadUrl);
  return url.origin === new URL(apiBaseUrl).origin || (url.protocol === 'https:' && (url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com')));
}

function headers(credentials: ChannelCredentials): Readonly<Record<string, string>> {
  const version = /^\d{6}$/.test(credentials['apiVersion'] ?? '') ? credentials['apiVersion'] ?? LINKEDIN_VERSION : LINKEDIN_VERSION;
  return { ...bearer(credentials.accessToken), 'linkedin-version': version, 'x-restli-protocol-version': '2.0.0' };
}

function base(credentials: ChannelCredentials): string {
  return apiBase(credentials, LINKEDIN, LINKEDIN_BASE);
}

function author(credentials: ChannelCredentials): string {
  const id = credentials.accountId?.trim();
  if (!id) throw new ChannelError('rejected', 'linkedin', 'L’identifiant de la page LinkedIn (organisation) manque.', 'accountId absent');
  return id.startsWith('urn:li:') ? id : `urn:li:organization:${id}`;
}
