/** What an exported outline says of a source. */
export interface OpmlSource {
  readonly url: string;
  readonly title: string;
  readonly siteLink: string | null;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An OPML 2.0 document (http://opml.org/spec2.opml) listing the sources as `type="rss"` outlines,
 * readable back by `readOpml` and by other feed readers.
 *
 * @example
 * writeOpml([{ url: 'https://ville.fr/feed', title: 'Mairie', siteLink: null }], new Date());
 */
export function writeOpml(sources: readonly OpmlSource[], now: Date): string {
  const outlines = sources.map((s) => {
    const title = attribute(s.title || s.url);
    const site = s.siteLink ? ` htmlUrl="${attribute(s.siteLink)}"` : '';
    return `    <outline type="rss" text="${title}" title="${title}" xmlUrl="${attribute(s.url)}"${site}/>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '  <head>', '    <title>Sources de veille Relais</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`, '  </head>', '  <body>', ...outlines, '  </body>', '</opml>', ''].join('\n');
}

/**
 * The feeds among the sources, as outlines: a social source is no feed another reader could
 * follow (its address is a web page), so OPML leaves it out.
 */
export function feedOutlines(sources: readonly { readonly kind: string; readonly url: string; readonly title: string; readonly site_link: string | null }[]): OpmlSource[] {
  return sources.filter((s) => s.kind === 'feed').map((s) => ({ url: s.url, title: s.title, siteLink: s.site_link }));
}
