/** One entry of a test feed. */
export interface TestEntry {
  readonly guid: string;
  readonly title: string;
  readonly link: string;
  readonly description: string;
  /** ISO date. */
  readonly published: string;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An RSS 2.0 document of the given entries, for the local feed servers of the tests.
 *
 * @example
 * buildRss('Mairie', [{ guid: 'a', title: 'Fête', link: 'https://ville.fr/a', description: 'Samedi', published: '2026-11-28T10:00:00Z' }]);
 */
export function buildRss(title: string, entries: readonly TestEntry[], ttlMinutes?: number): string {
  const items = entries.map((e) => `<item><guid>${escape(e.guid)}</guid><title>${escape(e.title)}</title><link>${escape(e.link)}</link>`
    + `<description>${escape(e.description)}</description><pubDate>${new Date(e.published).toUTCString()}</pubDate></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escape(title)}</title>`
    + `<link>https://ville-exemple.fr/</link><language>fr</language>${ttlMinutes === undefined ? '' : `<ttl>${ttlMinutes}</ttl>`}`
    + `${items.join('')}</channel></rss>`;
}
