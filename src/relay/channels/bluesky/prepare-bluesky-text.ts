import { findUrls } from '../find-urls.js';

/** A rich-text facet of `app.bsky.feed.post`: a byte range of the text and what it is. */
export interface BlueskyFacet {
  readonly index: { readonly byteStart: number; readonly byteEnd: number };
  readonly features: readonly (
    | { readonly $type: 'app.bsky.richtext.facet#link'; readonly uri: string }
    | { readonly $type: 'app.bsky.richtext.facet#tag'; readonly tag: string }
  )[];
}

// A hashtag: not only digits, at most 64 characters (as the Bluesky app detects them).
const TAG = /(^|\s)#([\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*)/gu;

/**
 * The text a Bluesky post record carries, as the Bluesky app writes it: each link shown
 * short (host and the start of its path, "…" past 15 characters) with a link facet to the
 * full address, hashtags with tag facets. Facet offsets are UTF-8 BYTE offsets into the
 * final text (atproto rich text), not JavaScript string indices.
 *
 * @example
 * prepareBlueskyText('Été 2027 : https://www.ville-exemple.fr/actualites/ete')
 * // { text: 'Été 2027 : www.ville-exemple.fr/actualites/ete',
 * //   facets: [{ index: { byteStart: 13, byteEnd: 48 }, features: [{ $type: '…#link', uri: 'https://…/ete' }] }] }
 */
export function prepareBlueskyText(text: string): { readonly text: string; readonly facets: readonly BlueskyFacet[] } {
  const facets: BlueskyFacet[] = [];
  let out = '';
  let from = 0;
  for (const url of findUrls(text)) {
    out += text.slice(from, url.start);
    const shown = shortUrl(url.url);
    const byteStart = Buffer.byteLength(out);
    out += shown;
    facets.push({ index: { byteStart, byteEnd: byteStart + Buffer.byteLength(shown) }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: url.url }] });
    from = url.end;
  }
  out += text.slice(from);
  for (const match of out.matchAll(TAG)) {
    const tag = match[2] ?? '';
    if (tag.length > 64) continue;
    const start = match.index + (match[1]?.length ?? 0);
    const byteStart = Buffer.byteLength(out.slice(0, start));
    facets.push({ index: { byteStart, byteEnd: byteStart + Buffer.byteLength(`#${tag}`) }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag }] });
  }
  facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
  return Object.freeze({ text: out, facets: Object.freeze(facets) });
}

// The Bluesky app's toShortUrl: host + path, cut at 13 characters of path with "..." past 15.
function shortUrl(href: string): string {
  if (!URL.canParse(href)) return href;
  const url = new URL(href);
  const path = (url.pathname === '/' ? '' : url.pathname) + url.search + url.hash;
  return path.length > 15 ? `${url.host}${path.slice(0, 13)}...` : `${url.host}${path}`;
}
