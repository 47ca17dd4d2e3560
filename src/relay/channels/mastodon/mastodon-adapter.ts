import { htmlToText } from '../../../veille/normalize/html-to-text.js';
import type { ChannelAdapter, ChannelCredentials, GuardedFetch } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { apiBase, bearer } from '../api-base.js';
import { callApi } from '../call-api.js';
import { jsonArray, jsonString } from '../json-path.js';
import { samePostText } from '../same-post-text.js';
import { countMastodonLength } from './count-mastodon-length.js';
import { MASTODON } from './mastodon-profile.js';
import { uploadMastodonMedia } from './upload-mastodon-media.js';

// Defaults of a Mastodon instance: 500 characters, 4 images, 1500 for a description.
const DEFAULT_LIMITS = Object.freeze({ maxLength: 500, maxMedia: 4, maxAltLength: 1500 });

/** Options of the Mastodon adapter (tests shorten the media polling). */
export interface MastodonAdapterOptions {
  /** Between two checks of an image still being processed. Default 1 s. */
  readonly mediaPollMs?: number;
}

/**
 * Mastodon on any instance (`credentials.instance`), with the account's access token
 * (see `mastodon-oauth.ts`). Statuses are sent with the variant's `Idempotency-Key`, which
 * the instance remembers for about an hour: a retry within it returns the same status.
 *
 * @example const posted = await createMastodonAdapter().publish({ text }, { instance, accessToken }, ctx);
 */
export function createMastodonAdapter(options: MastodonAdapterOptions = {}): ChannelAdapter {
  const mediaPollMs = options.mediaPollMs ?? 1000;
  return Object.freeze({
    network: 'mastodon',
    limits: () => DEFAULT_LIMITS,
    countLength: countMastodonLength,

    // GET /api/v2/instance: `configuration` says what this instance accepts (public, no token).
    async readLimits(credentials, ctx) {
      const { json } = await callApi(ctx.fetch, MASTODON, { method: 'GET', url: `${apiBase(credentials, MASTODON)}/api/v2/instance` });
      const number = (path: string, fallback: number) => {
        const value = Number(jsonString(json, path));
        return Number.isInteger(value) && value > 0 ? value : fallback;
      };
      return Object.freeze({
        maxLength: number('configuration.statuses.max_characters', DEFAULT_LIMITS.maxLength),
        maxMedia: number('configuration.statuses.max_media_attachments', DEFAULT_LIMITS.maxMedia),
        maxAltLength: number('configuration.media_attachments.description_limit', DEFAULT_LIMITS.maxAltLength),
      });
    },

    async verifyCredentials(credentials, ctx) {
      const account = await verify(credentials, ctx.fetch);
      return Object.freeze({ accountName: `@${account.acct}@${new URL(apiBase(credentials, MASTODON)).host}` });
    },

    async publish(post, credentials, ctx) {
      const base = apiBase(credentials, MASTODON);
      const mediaIds: string[] = [];
      for (const media of post.media ?? []) {
        mediaIds.push(await uploadMastodonMedia(base, media, credentials, ctx.fetch, mediaPollMs));
      }
      const { json } = await callApi(ctx.fetch, MASTODON, {
        method: 'POST',
        url: `${base}/api/v1/statuses`,
        headers: { ...bearer(credentials.accessToken), 'idempotency-key': ctx.idempotencyKey },
        json: {
          status: post.text,
          visibility: post.visibility ?? 'public',
          language: post.language ?? 'fr',
          ...(mediaIds.length > 0 ? { media_ids: mediaIds } : {}),
        },
      });
      return published(json);
    },

    async findRecentPost(marker, credentials, ctx) {
      const base = apiBase(credentials, MASTODON);
      const account = await verify(credentials, ctx.fetch);
      const { json } = await callApi(ctx.fetch, MASTODON, {
        method: 'GET',
        url: `${base}/api/v1/accounts/${encodeURIComponent(account.id)}/statuses?limit=40&exclude_replies=true&exclude_reblogs=true`,
        headers: bearer(credentials.accessToken),
      });
      const found = jsonArray(json, '').find((status) => samePostText(htmlToText(jsonString(status, 'content') ?? ''), marker));
      return found === undefined ? undefined : published(found);
    },
  } satisfies ChannelAdapter);
}

async function verify(credentials: ChannelCredentials, fetch: GuardedFetch): Promise<{ id: string; acct: string }> {
  const { json } = await callApi(fetch, MASTODON, {
    method: 'GET',
    url: `${apiBase(credentials, MASTODON)}/api/v1/accounts/verify_credentials`,
    headers: bearer(credentials.accessToken),
  });
  const id = jsonString(json, 'id');
  const acct = jsonString(json, 'acct');
  if (id === undefined || acct === undefined) {
    throw new ChannelError('unavailable', 'mastodon', 'La réponse de Mastodon sur le compte est incomplète.', 'verify_credentials sans id ou acct');
  }
  return { id, acct };
}

function published(status: unknown): { remoteId: string; url?: string } {
  const remoteId = jsonString(status, 'id');
  if (remoteId === undefined) {
    throw new ChannelError('unknown_outcome', 'mastodon', 'Mastodon a répondu sans identifiant de message : Relais vérifie avant de réessayer.', 'status sans id');
  }
  const url = jsonString(status, 'url');
  return Object.freeze(url === undefined ? { remoteId } : { remoteId, url });
}
