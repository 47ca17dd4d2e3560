import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeedContext } from '../parse-feed.js';

/** One hand-written feed of the corpus and the context it is parsed in (as if fetched from `url`). */
export interface CorpusCase {
  readonly file: string;
  readonly context: FeedContext;
}

const at = (file: string, context: FeedContext = {}): CorpusCase => ({ file, context: { url: `https://flux.exemple.fr/${file}`, ...context } });

/** The fixture corpus (issue 6): each format, namespace, encoding and malformed shape, and the hostile XML cases. */
export const FEED_CORPUS: readonly CorpusCase[] = [
  at('rss-090.xml'),
  at('rss-091.xml'),
  at('rss-092.xml'),
  at('rss-10-rdf.xml'),
  at('rss-20.xml', { contentType: 'application/rss+xml; charset=utf-8' }),
  at('atom-03.xml'),
  at('atom-10.xml', { contentType: 'application/atom+xml' }),
  at('json-feed-10.json', { contentType: 'text/html; charset=utf-8' }),
  at('json-feed-11.json', { contentType: 'application/feed+json' }),
  at('dublin-core.xml'),
  at('media-rss.xml'),
  at('youtube.xml'),
  at('iso-8859-1.xml', { contentType: 'text/xml' }),
  at('windows-1252.xml', { contentType: 'application/xml; charset=utf-8' }),
  at('undeclared-latin1.xml', { contentType: 'text/xml' }),
  at('bom.xml'),
  at('invalid-utf8.xml'),
  at('leading-garbage.xml', { contentType: 'text/html' }),
  at('html-entities.xml'),
  at('undeclared-prefixes.xml'),
  at('relative-links.xml'),
  { file: 'no-base-relative.xml', context: { url: 'https://www.commune-exemple.fr/flux/rss.xml' } },
  at('broken-dates.xml'),
  at('unclosed-tags.xml'),
  at('empty-feed.xml'),
  at('billion-laughs.xml'),
  at('xxe.xml'),
  at('quadratic-blowup.xml'),
  at('not-a-feed.html', { contentType: 'text/html' }),
];

/** The bytes of a corpus file. */
export function readCorpusFile(file: string): Buffer {
  return readFileSync(fileURLToPath(new URL(file, import.meta.url)));
}

/** The path of a corpus file's expected normalised output (`<file>.expected.json`). */
export function expectedPath(file: string): string {
  return fileURLToPath(new URL(`${file}.expected.json`, import.meta.url));
}
