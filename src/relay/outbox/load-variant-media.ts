import type { Executor } from '../../db/database.js';
import { IMAGE_MIME, mediaUrl, type MediaItem } from '../../media/media-item.js';
import type { MediaStorage } from '../../media/media-storage.js';
import { findMediaItems } from '../../media/store.js';
import type { ChannelMedia } from '../channels/channel-adapter.js';

/** Loads a variant's images, by media ids, as the adapters upload them. */
export type VariantMediaLoader = (ids: readonly number[]) => Promise<ChannelMedia[]>;

/** The strictest network's image size (Bluesky: 1,000,000 bytes): one file fits every page. */
const MAX_IMAGE_BYTES = 1_000_000;
const POSTABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/** The widest file of an image (the stored one or a rendition) every network accepts. */
function postableFile(item: MediaItem): { readonly key: string; readonly mime: string } | undefined {
  const candidates = [
    { key: item.storageKey, mime: item.mime, bytes: item.byteSize, width: item.width ?? 0 },
    ...item.variants.map((v) => ({ key: v.key, mime: IMAGE_MIME[v.format], bytes: v.bytes, width: v.width })),
  ].filter((c) => POSTABLE.has(c.mime) && c.bytes <= MAX_IMAGE_BYTES);
  return candidates.sort((a, b) => b.width - a.width)[0];
}

/**
 * Reads a variant's images from the media library (the article's main illustration, or the
 * chosen ones) with their text alternative; an image too large for every network, or gone
 * from the storage, is left out rather than failing the post. Recently read files are kept.
 * With the site's `publicUrl`, each image also carries the absolute address the site serves
 * that very file at (Threads fetches images by address).
 *
 * @example createVariantMediaLoader(db.kysely, storage, 'https://www.ville.fr') // url: https://www.ville.fr/media/ab/ab…-1200.jpg
 */
export function createVariantMediaLoader(db: Executor, storage: Pick<MediaStorage, 'get'>, publicUrl?: string): VariantMediaLoader {
  const cache = new Map<number, ChannelMedia | null>();
  return async (ids) => {
    const missing = ids.filter((id) => !cache.has(id));
    for (const item of await findMediaItems(db, missing)) {
      const file = item.kind === 'image' ? postableFile(item) : undefined;
      const stored = file ? await storage.get(file.key) : undefined;
      if (!file || !stored) {
        cache.set(item.id, null);
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of stored.body) chunks.push(chunk as Buffer);
      if (cache.size > 32) cache.delete(cache.keys().next().value!);
      cache.set(item.id, Object.freeze({
        bytes: new Uint8Array(Buffer.concat(chunks)), mimeType: file.mime, alt: item.alt || item.title, fileName: `${item.hash.slice(0, 16)}.${file.mime.split('/')[1]}`,
        ...(publicUrl !== undefined && { url: publicUrl.replace(/\/+$/, '') + mediaUrl(file.key) }),
      }));
    }
    return ids.map((id) => cache.get(id)).filter((m): m is ChannelMedia => m !== undefined && m !== null);
  };
}
