import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelCredentials, ChannelMedia, GuardedFetch } from '../channel-adapter.js';
import { ChannelError } from '../channel-error.js';
import { bearer } from '../api-base.js';
import { callApi } from '../call-api.js';
import { jsonString } from '../json-path.js';
import { MASTODON } from './mastodon-profile.js';

/**
 * Uploads one image with its text alternative (`POST /api/v2/media`, `description`) and
 * waits until the instance has processed it: a 202 means "still processing", then
 * `GET /api/v1/media/:id` answers 206 until it is ready (Mastodon API, media methods).
 * Resolves with the attachment id to put in `media_ids`.
 *
 * @example const id = await uploadMastodonMedia(base, image, credentials, fetch, 1000);
 */
export async function uploadMastodonMedia(
  base: string,
  media: ChannelMedia,
  credentials: ChannelCredentials,
  fetch: GuardedFetch,
  pollMs: number,
): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), media.fileName);
  form.set('description', media.alt);
  const headers = bearer(credentials.accessToken);
  const uploaded = await callApi(fetch, MASTODON, { method: 'POST', url: `${base}/api/v2/media`, headers, multipart: form });
  const id = jsonString(uploaded.json, 'id');
  if (id === undefined) throw new ChannelError('unavailable', 'mastodon', 'Mastodon n’a pas renvoyé l’identifiant de l’image.', 'POST /api/v2/media sans id');
  if (uploaded.status === 200) return id;
  for (let attempt = 0; attempt < 60; attempt += 1) {
    await sleep(pollMs);
    const polled = await callApi(fetch, MASTODON, { method: 'GET', url: `${base}/api/v1/media/${encodeURIComponent(id)}`, headers });
    if (polled.status === 200) return id;
  }
  throw new ChannelError('unavailable', 'mastodon', 'Mastodon n’a pas fini de traiter l’image : nouvel essai plus tard.', `media ${id} toujours en 206`);
}
