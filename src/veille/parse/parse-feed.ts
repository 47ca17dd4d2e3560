import { decodeFeedBytes } from './decode-feed-bytes.js';
import type { ParsedFeed } from './parsed-feed.js';
import { mapAtom } from './map-atom.js';
import { mapJsonFeed } from './map-json-feed.js';
import { mapRss } from './map-rss.js';
import { readXmlTree } from './read-xml-tree.js';

/** Where a feed comes from, and how far to read it. */
export interface FeedContext {
  /** The document's address: relative links resolve against it (under any `xml:base`). */
  readonly url?: string;
  /** The HTTP `Content-Type`, whose charset is used when the document declares none. */
  readonly contentType?: string;
  /** Larger inputs are refused (default 10 MB, issue 6). */
  readonly maxBytes?: number;
}

/** The formats told apart (one mapper each, like Miniflux's parser packages). */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** A parse and the format found; `format` is undefined when the document could not be read as a feed at all. */
export interface FeedReading {
  readonly format: FeedFormat | undefined;
  readonly parsed: ParsedFeed;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_PROBLEMS = 20;
const RSS_ROOTS = new Set(['rss', 'rdf:rdf', 'rdf', 'channel']);
const ATOM_ROOTS = new Set(['feed', 'atom:feed']);

function finish(format: FeedFormat | undefined, body: Omit<ParsedFeed, 'problems'>, problems: readonly string[]): FeedReading {
  const unique = [...new Set(problems)];
  const kept = unique.length > MAX_PROBLEMS ? [...unique.slice(0, MAX_PROBLEMS - 1), `… et ${unique.length - MAX_PROBLEMS + 1} autres problèmes.`] : unique;
  return { format, parsed: { feed: body.feed, entries: body.entries, problems: kept } };
}

/** JSON when the first meaningful character opens an object (the content type is too often wrong to decide). */
function looksLikeJson(text: string): boolean {
  const brace = text.indexOf('{');
  if (brace < 0) return false;
  const angle = text.indexOf('<');
  return angle < 0 || brace < angle;
}

function read(input: Buffer | string, context: FeedContext): FeedReading {
  const problems: string[] = [];
  const empty = { feed: {}, entries: [] };
  const maxBytes = context.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > maxBytes) {
    return finish(undefined, empty, [`Le flux dépasse la taille maximale de ${(maxBytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo ; il n’est pas lu.`]);
  }
  const decoded = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), problems: [] } : decodeFeedBytes(input, context.contentType);
  problems.push(...decoded.problems);
  if (looksLikeJson(decoded.text)) {
    let document: unknown;
    try {
      document = JSON.parse(decoded.text.slice(decoded.text.indexOf('{')));
    } catch (error) {
      return finish(undefined, empty, [...problems, `Le flux JSON est mal formé : ${(error as Error).message}.`]);
    }
    return finish('json', mapJsonFeed(document, context.url, problems), problems);
  }
  const tree = readXmlTree(decoded.text, context.url);
  problems.push(...tree.problems);
  const root = tree.root;
  if (root === undefined) return finish(undefined, empty, [...problems, 'Le document n’est pas un flux : aucun élément XML n’y a été trouvé.']);
  if (RSS_ROOTS.has(root.name)) return finish('rss', mapRss(root, problems), problems);
  if (ATOM_ROOTS.has(root.name)) return finish('atom', mapAtom(root, problems), problems);
  return finish(undefined, empty, [...problems, `Le document n’est pas un flux RSS, Atom ou JSON Feed (son élément racine est <${root.rawName.slice(0, 40)}>).`]);
}

/**
 * `parseFeed` with the format found. Never throws: an unexpected failure is a problem too.
 */
export function readFeed(input: Buffer | string, context: FeedContext = {}): FeedReading {
  try {
    return read(input, context);
  } catch {
    return finish(undefined, { feed: {}, entries: [] }, ['Le flux n’a pas pu être lu à cause d’une erreur interne de Relais.']);
  }
}

/**
 * Parses a feed liberally, like the best readers (issue 6): RSS 0.9x / 1.0 /
 * 2.0, Atom 0.3 / 1.0 and JSON Feed 1.x, told apart by their content, with
 * their usual extensions; wrong encodings, HTML entities, undeclared
 * prefixes, leading garbage, broken dates and unclosed tags are repaired and
 * each repair is a French sentence in `problems`. Never throws; never
 * expands a DTD entity nor fetches anything.
 *
 * @example
 * parseFeed('<rss version="2.0"><channel><title>Mairie</title><item><title>Conseil</title>' +
 *   '<link>/conseil</link><pubDate>mar., 05 mars 2024 18:00 +0100</pubDate></item></channel></rss>',
 *   { url: 'https://mairie.fr/rss' })
 * // { feed: { title: 'Mairie' }, entries: [{ link: 'https://mairie.fr/conseil', title: 'Conseil',
 * //   published: '2024-03-05T17:00:00Z' }], problems: [] }
 */
export function parseFeed(input: Buffer | string, context: FeedContext = {}): ParsedFeed {
  return readFeed(input, context).parsed;
}
