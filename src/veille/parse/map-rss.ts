import { elementHtml } from './element-html.js';
import { buildEnclosure, mediaEnclosures, uniqueEnclosures } from './feed-enclosures.js';
import type { FeedEntry, ParsedFeed } from './parsed-feed.js';
import { omitEmpty } from './omit-empty.js';
import { dateOrProblem } from './parse-feed-date.js';
import { resolveUrl } from './resolve-url.js';
import { sanitizeFeedHtml } from './sanitize-feed-html.js';
import { collapseWhitespace } from '../normalize/collapse-whitespace.js';
import { toPlainText } from './to-plain-text.js';
import { childNamed, childrenNamed, childText, textOf, type XmlElement } from './xml-element.js';

/** The HTML of the first child named one of `names`, sanitised; undefined when empty. */
function htmlOf(element: XmlElement, names: readonly string[], kind: 'html' | 'text'): string | undefined {
  for (const name of names) {
    const child = childNamed(element, name);
    if (child === undefined) continue;
    const html = sanitizeFeedHtml(elementHtml(child, kind), child.base);
    if (html !== '') return html;
  }
  return undefined;
}

/** `atom:link` with `rel` alternate (or none), as RSS feeds often add beside or instead of `<link>`. */
function atomAlternate(element: XmlElement): string | undefined {
  const link = childrenNamed(element, 'atom:link').find((l) => (l.attributes['rel'] ?? 'alternate') === 'alternate');
  return link === undefined ? undefined : resolveUrl(link.attributes['href'], link.base);
}

/**
 * The first `<link>` with text; failing that, one written Atom-style with an
 * `href` (feeds mixing vocabularies, or an Atom link left unprefixed) whose
 * `rel` is alternate or absent; failing that, an `atom:link` alternate.
 */
function rssLink(element: XmlElement): string | undefined {
  const links = childrenNamed(element, 'link');
  const withText = links.find((link) => textOf(link).trim() !== '');
  if (withText !== undefined) return resolveUrl(textOf(withText), withText.base);
  const withHref = links.find((link) => link.attributes['href'] !== undefined && (link.attributes['rel'] ?? 'alternate') === 'alternate');
  return resolveUrl(withHref?.attributes['href'], withHref?.base) ?? atomAlternate(element);
}

/** The item's link, else a permalink `<guid>` (RSS 2.0: isPermaLink defaults to true). */
function itemLink(item: XmlElement): string | undefined {
  const link = rssLink(item);
  if (link !== undefined) return link;
  const guid = childNamed(item, 'guid');
  const text = textOf(guid).trim();
  if (guid === undefined || guid.attributes['ispermalink'] === 'false' || !/^https?:\/\//i.test(text)) return undefined;
  return text;
}

function categoriesOf(item: XmlElement): string[] {
  const names = childrenNamed(item, 'category', 'dc:subject', 'itunes:category').map((c) => collapseWhitespace(textOf(c) || c.attributes['text'] || ''));
  return [...new Set(names.filter((name) => name !== ''))];
}

function mapItem(item: XmlElement, problems: string[]): FeedEntry {
  const enclosures = childrenNamed(item, 'enclosure').map((e) => buildEnclosure(e.attributes['url'], e.attributes['type'], e.attributes['length'], e.base));
  const title = childText(item, 'title', 'dc:title', 'media:title');
  return omitEmpty({
    id: childText(item, 'guid') ?? item.attributes['rdf:about']?.trim(),
    link: itemLink(item),
    title: title === undefined ? undefined : toPlainText(title),
    author: childText(item, 'author', 'dc:creator', 'itunes:author'),
    published: dateOrProblem(childText(item, 'pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published'), problems),
    updated: dateOrProblem(childText(item, 'dcterms:modified', 'atom:updated'), problems),
    summary: htmlOf(item, ['description', 'atom:summary'], 'html') ?? htmlOf(item, ['itunes:summary', 'media:description'], 'text'),
    content: htmlOf(item, ['content:encoded', 'atom:content'], 'html'),
    categories: categoriesOf(item),
    enclosures: uniqueEnclosures([...enclosures, ...mediaEnclosures(item)]),
  });
}

/**
 * An RSS 0.9x, 1.0 (RDF) or 2.0 document to the normalised result. Items
 * are read inside `<channel>` and, for RSS 1.0 and feeds that misplace them,
 * beside it; Dublin Core, content:encoded, media RSS, iTunes and Atom
 * elements fill what the core elements leave out.
 */
export function mapRss(root: XmlElement, problems: string[]): Omit<ParsedFeed, 'problems'> {
  const channel = childNamed(root, 'channel') ?? root;
  const image = childNamed(channel, 'image') ?? childNamed(root, 'image');
  const title = childText(channel, 'title', 'dc:title');
  const subtitle = childText(channel, 'description', 'itunes:subtitle', 'dc:description');
  const items = channel === root ? childrenNamed(root, 'item') : [...childrenNamed(channel, 'item'), ...childrenNamed(root, 'item')];
  return {
    feed: omitEmpty({
      title: title === undefined ? undefined : toPlainText(title),
      link: rssLink(channel),
      subtitle: subtitle === undefined ? undefined : toPlainText(subtitle),
      language: childText(channel, 'language', 'dc:language'),
      updated: dateOrProblem(childText(channel, 'lastbuilddate', 'pubdate', 'dc:date', 'atom:updated'), problems),
      author: childText(channel, 'managingeditor', 'dc:creator', 'itunes:author', 'dc:publisher'),
      image: resolveUrl(image === undefined ? undefined : childText(image, 'url') ?? image.attributes['rdf:resource'], image?.base)
        ?? resolveUrl(childNamed(channel, 'itunes:image')?.attributes['href'], channel.base),
    }),
    entries: items.map((item) => mapItem(item, problems)),
  };
}
