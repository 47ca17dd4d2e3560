import { elementHtml, type BodyKind } from './element-html.js';
import { buildEnclosure, mediaEnclosures, uniqueEnclosures } from './feed-enclosures.js';
import type { FeedEntry, ParsedFeed } from './parsed-feed.js';
import { omitEmpty } from './omit-empty.js';
import { dateOrProblem } from './parse-feed-date.js';
import { resolveUrl } from './resolve-url.js';
import { sanitizeFeedHtml } from './sanitize-feed-html.js';
import { collapseWhitespace } from '../normalize/collapse-whitespace.js';
import { toPlainText } from './to-plain-text.js';
import { childNamed, childrenNamed, childText, textOf, type XmlElement } from './xml-element.js';

/** Atom 1.0 `type` (RFC 4287 §3.1.1) or Atom 0.3 `type`/`mode`, as a body kind; undefined for base64 (0.3). */
function bodyKind(element: XmlElement): BodyKind | 'base64' {
  const type = (element.attributes['type'] ?? 'text').toLowerCase();
  const mode = element.attributes['mode']?.toLowerCase();
  if (mode === 'base64') return 'base64';
  if (mode === 'escaped' || type === 'html' || type === 'text/html') return 'html';
  if (mode === 'xml' || type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  return 'text';
}

/** A text construct as HTML, sanitised; undefined when absent or empty. */
function constructHtml(element: XmlElement | undefined): string | undefined {
  if (element === undefined) return undefined;
  const kind = bodyKind(element);
  const html = kind === 'base64' ? Buffer.from(textOf(element), 'base64').toString('utf8') : elementHtml(element, kind);
  return sanitizeFeedHtml(html, element.base) || undefined;
}

/** A text construct as plain text (titles, subtitles). */
function constructText(element: XmlElement | undefined): string | undefined {
  if (element === undefined) return undefined;
  const kind = bodyKind(element);
  return (kind === 'text' ? collapseWhitespace(textOf(element)) : toPlainText(kind === 'xhtml' ? elementHtml(element, 'xhtml') : textOf(element))) || undefined;
}

function linkWithRel(element: XmlElement, rel: string): XmlElement | undefined {
  const links = childrenNamed(element, 'link').filter((l) => (l.attributes['rel'] ?? 'alternate') === rel);
  return links.find((l) => (l.attributes['type'] ?? 'text/html').includes('html')) ?? links[0];
}

function alternateLink(element: XmlElement): string | undefined {
  const link = linkWithRel(element, 'alternate');
  return resolveUrl(link?.attributes['href'] ?? (link === undefined ? undefined : textOf(link)), link?.base);
}

function authorName(element: XmlElement): string | undefined {
  const names = childrenNamed(element, 'author', 'dc:creator').map((a) => childText(a, 'name', 'email') ?? collapseWhitespace(textOf(a))).filter((n) => n !== '');
  return names.length === 0 ? undefined : names.join(', ');
}

function mapEntry(entry: XmlElement, feedAuthor: string | undefined, problems: string[]): FeedEntry {
  const source = childNamed(entry, 'source');
  const enclosures = childrenNamed(entry, 'link')
    .filter((l) => l.attributes['rel'] === 'enclosure')
    .map((l) => buildEnclosure(l.attributes['href'], l.attributes['type'], l.attributes['length'], l.base));
  const group = childNamed(entry, 'media:group');
  const mediaDescription = group === undefined ? undefined : childNamed(group, 'media:description');
  return omitEmpty({
    id: childText(entry, 'id'),
    link: alternateLink(entry),
    title: constructText(childNamed(entry, 'title')) ?? (group === undefined ? undefined : childText(group, 'media:title')),
    // RFC 4287 §4.2.1: an entry without author takes its source's, then the feed's.
    author: authorName(entry) ?? (source === undefined ? undefined : authorName(source)) ?? feedAuthor,
    published: dateOrProblem(childText(entry, 'published', 'issued', 'created', 'dc:date'), problems),
    updated: dateOrProblem(childText(entry, 'updated', 'modified'), problems),
    summary: constructHtml(childNamed(entry, 'summary')) ?? (mediaDescription === undefined ? undefined : sanitizeFeedHtml(elementHtml(mediaDescription, 'text'), mediaDescription.base)),
    content: constructHtml(childNamed(entry, 'content')),
    categories: [...new Set(childrenNamed(entry, 'category', 'dc:subject').map((c) => collapseWhitespace(c.attributes['label'] ?? c.attributes['term'] ?? textOf(c))).filter((c) => c !== ''))],
    enclosures: uniqueEnclosures([...enclosures, ...mediaEnclosures(entry)]),
  });
}

/**
 * An Atom 1.0 (RFC 4287) or 0.3 document to the normalised result; YouTube's
 * channel feeds (media:group with title, description and thumbnail) included.
 */
export function mapAtom(root: XmlElement, problems: string[]): Omit<ParsedFeed, 'problems'> {
  const author = authorName(root);
  return {
    feed: omitEmpty({
      title: constructText(childNamed(root, 'title')),
      link: alternateLink(root),
      subtitle: constructText(childNamed(root, 'subtitle') ?? childNamed(root, 'tagline')),
      language: root.attributes['xml:lang']?.trim(),
      updated: dateOrProblem(childText(root, 'updated', 'modified'), problems),
      author,
      image: resolveUrl(childText(root, 'logo', 'icon'), root.base),
    }),
    entries: childrenNamed(root, 'entry').map((entry) => mapEntry(entry, author, problems)),
  };
}
