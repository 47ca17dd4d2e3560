import type { FeedEnclosure } from './parsed-feed.js';
import { resolveUrl } from './resolve-url.js';
import { childrenNamed, type XmlElement } from './xml-element.js';

/** One enclosure from attribute values; undefined without a URL. */
export function buildEnclosure(url: string | undefined, type: string | undefined, length: string | number | undefined, base: string | undefined): FeedEnclosure | undefined {
  const resolved = resolveUrl(url, base);
  if (resolved === undefined) return undefined;
  const size = typeof length === 'number' ? length : Number((length ?? '').trim());
  return {
    url: resolved,
    ...(type?.trim() ? { type: type.trim() } : {}),
    ...(Number.isSafeInteger(size) && size > 0 ? { length: size } : {}),
  };
}

/** Media RSS files of an item or a `media:group`: `media:content` then `media:thumbnail`. */
export function mediaEnclosures(element: XmlElement): FeedEnclosure[] {
  const out: FeedEnclosure[] = [];
  for (const group of childrenNamed(element, 'media:group')) out.push(...mediaEnclosures(group));
  for (const media of childrenNamed(element, 'media:content')) {
    const enclosure = buildEnclosure(media.attributes['url'], media.attributes['type'], media.attributes['filesize'], media.base);
    if (enclosure !== undefined) out.push(enclosure);
  }
  for (const thumbnail of childrenNamed(element, 'media:thumbnail')) {
    const enclosure = buildEnclosure(thumbnail.attributes['url'], undefined, undefined, thumbnail.base);
    if (enclosure !== undefined) out.push(enclosure);
  }
  return out;
}

/** Enclosures without repeats of one URL (a feed often gives the same file as `enclosure` and `media:content`); the first wins. */
export function uniqueEnclosures(enclosures: readonly (FeedEnclosure | undefined)[]): FeedEnclosure[] {
  const seen = new Set<string>();
  const out: FeedEnclosure[] = [];
  for (const enclosure of enclosures) {
    if (enclosure === undefined || seen.has(enclosure.url)) continue;
    seen.add(enclosure.url);
    out.push(enclosure);
  }
  return out;
}
