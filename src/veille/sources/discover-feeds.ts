import { Parser } from 'htmlparser2';

/** A feed a web page announces. */
export interface DiscoveredFeed {
  readonly url: string;
  /** The link's `title`, '' when it has none. */
  readonly title: string;
}

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml']);

/**
 * The feeds a web page lists as `<link rel="alternate" type="application/rss+xml" href="…">`
 * (likewise Atom and JSON Feed), in page order, without repeats; relative addresses are resolved
 * against the page's `<base href>`, else its own address.
 *
 * @example
 * discoverFeeds('<link rel="alternate" type="application/rss+xml" href="/feed" title="Actus">', 'https://ville.fr/');
 * // [{ url: 'https://ville.fr/feed', title: 'Actus' }]
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const links: { href: string; title: string }[] = [];
  let base = pageUrl;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'base' && attributes['href'] && URL.canParse(attributes['href'], pageUrl)) base = new URL(attributes['href'], pageUrl).href;
      if (name !== 'link' || !attributes['href']) return;
      const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
      const type = (attributes['type'] ?? '').toLowerCase().split(';')[0]!.trim();
      if (rel.includes('alternate') && FEED_TYPES.has(type)) links.push({ href: attributes['href'].trim(), title: (attributes['title'] ?? '').trim() });
    },
  }, { decodeEntities: true, lowerCaseAttributeNames: true });
  parser.end(html);
  const feeds = new Map<string, DiscoveredFeed>();
  for (const { href, title } of links) {
    if (!URL.canParse(href, base)) continue;
    const url = new URL(href, base);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !feeds.has(url.href)) feeds.set(url.href, { url: url.href, title });
  }
  return [...feeds.values()];
}
