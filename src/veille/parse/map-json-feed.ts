import { escapeHtml } from '../../markup/escape-html.js';
import { buildEnclosure, uniqueEnclosures } from './feed-enclosures.js';
import type { FeedEntry, ParsedFeed } from './parsed-feed.js';
import { omitEmpty } from './omit-empty.js';
import { dateOrProblem } from './parse-feed-date.js';
import { resolveUrl } from './resolve-url.js';
import { sanitizeFeedHtml } from './sanitize-feed-html.js';
import { collapseWhitespace } from '../normalize/collapse-whitespace.js';
import { toPlainText } from './to-plain-text.js';

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** JSON Feed 1.1 `authors`, else 1.0 `author`: names joined. */
function authorOf(record: Json): string | undefined {
  const authors = [...list(record['authors']), record['author']].filter(isObject);
  const names = authors.map((a) => text(a['name'])).filter((n): n is string => n !== undefined);
  return names.length === 0 ? undefined : [...new Set(names)].join(', ');
}

function mapItem(item: Json, base: string | undefined, problems: string[]): FeedEntry {
  const html = text(item['content_html']);
  const plain = text(item['content_text']);
  const summary = text(item['summary']);
  const title = text(item['title']);
  return omitEmpty({
    id: text(item['id']),
    link: resolveUrl(text(item['url']) ?? text(item['external_url']), base),
    title: title === undefined ? undefined : toPlainText(title),
    author: authorOf(item),
    published: dateOrProblem(text(item['date_published']), problems),
    updated: dateOrProblem(text(item['date_modified']), problems),
    // JSON Feed: `summary` is plain text.
    summary: summary === undefined ? undefined : escapeHtml(summary),
    content: html !== undefined ? sanitizeFeedHtml(html, base) : plain === undefined ? undefined : escapeHtml(plain).replace(/\r?\n/g, '<br>\n'),
    categories: [...new Set(list(item['tags']).map(text).filter((t): t is string => t !== undefined).map(collapseWhitespace))],
    enclosures: uniqueEnclosures(
      list(item['attachments']).filter(isObject).map((a) => buildEnclosure(text(a['url']), text(a['mime_type']), typeof a['size_in_bytes'] === 'number' ? a['size_in_bytes'] : undefined, base)),
    ),
  });
}

/**
 * A JSON Feed 1.0 or 1.1 document (jsonfeed.org) to the normalised result;
 * relative URLs resolve against `home_page_url`, else the document address.
 */
export function mapJsonFeed(document: unknown, documentUrl: string | undefined, problems: string[]): Omit<ParsedFeed, 'problems'> {
  if (!isObject(document)) {
    problems.push('Le document JSON n’est pas un JSON Feed : un objet était attendu.');
    return { feed: {}, entries: [] };
  }
  if (!String(document['version'] ?? '').startsWith('https://jsonfeed.org/version/1')) {
    problems.push('Le document JSON ne déclare pas de version JSON Feed connue ; il est lu comme un JSON Feed 1.1.');
  }
  const base = resolveUrl(text(document['home_page_url']), documentUrl) ?? documentUrl;
  const title = text(document['title']);
  const description = text(document['description']);
  return {
    feed: omitEmpty({
      title: title === undefined ? undefined : collapseWhitespace(title),
      link: resolveUrl(text(document['home_page_url']), documentUrl),
      subtitle: description === undefined ? undefined : collapseWhitespace(description),
      language: text(document['language']),
      author: authorOf(document),
      image: resolveUrl(text(document['icon']) ?? text(document['favicon']), base),
    }),
    entries: list(document['items']).filter(isObject).map((item) => mapItem(item, base, problems)),
  };
}
