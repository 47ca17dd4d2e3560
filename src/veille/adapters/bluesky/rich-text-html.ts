import { escapeAttribute, escapeHtml } from '../../../markup/escape-html.js';
import { asObject, asObjects, stringField, type JsonObject } from '../json-fields.js';

/** A facet resolved to a link over a range of UTF-8 bytes. */
interface LinkSpan {
  readonly start: number;
  readonly end: number;
  readonly href: string;
}

/**
 * A Bluesky post's plain `text` as HTML: escaped, paragraphs on blank lines, `<br>` on
 * single ones, and its facets (`app.bsky.richtext.facet`) as links — `#link` to its URI,
 * `#mention` to the profile, `#tag` to the hashtag page. Facet offsets count UTF-8
 * bytes, not characters (atproto.com/specs/lexicon, richtext); a facet out of range or
 * overlapping the previous one is ignored. The caller still sanitises the result.
 *
 * @example richTextHtml('Voir mairie.fr', [{ index: { byteStart: 5, byteEnd: 14 },
 *   features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://mairie.fr' }] }])
 * // '<p>Voir <a href="https://mairie.fr">mairie.fr</a></p>'
 */
export function richTextHtml(text: string, facets: unknown): string {
  const bytes = Buffer.from(text, 'utf8');
  const slice = (start: number, end: number): string => bytes.subarray(start, end).toString('utf8');
  let html = '';
  let at = 0;
  for (const span of linkSpans(facets, bytes.length)) {
    if (span.start < at) continue;
    html += escapeHtml(slice(at, span.start));
    html += `<a href="${escapeAttribute(span.href)}">${escapeHtml(slice(span.start, span.end).replace(/\s+/g, ' '))}</a>`;
    at = span.end;
  }
  html += escapeHtml(slice(at, bytes.length));
  return html
    .trim()
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${paragraph.trim().replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function linkSpans(facets: unknown, length: number): LinkSpan[] {
  return (asObjects(facets) ?? [])
    .flatMap((facet) => {
      const index = asObject(facet['index']);
      const start = index?.['byteStart'];
      const end = index?.['byteEnd'];
      const href = (asObjects(facet['features']) ?? []).map(hrefOf).find((value) => value !== undefined);
      const valid = Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) < (end as number) && (end as number) <= length;
      return valid && href !== undefined ? [{ start: start as number, end: end as number, href }] : [];
    })
    .sort((a, b) => a.start - b.start);
}

function hrefOf(feature: JsonObject): string | undefined {
  switch (feature['$type']) {
    case 'app.bsky.richtext.facet#link':
      return stringField(feature, 'uri');
    case 'app.bsky.richtext.facet#mention': {
      const did = stringField(feature, 'did');
      return did === undefined ? undefined : `https://bsky.app/profile/${encodeURIComponent(did)}`;
    }
    case 'app.bsky.richtext.facet#tag': {
      const tag = stringField(feature, 'tag');
      return tag === undefined ? undefined : `https://bsky.app/hashtag/${encodeURIComponent(tag)}`;
    }
    default:
      return undefined;
  }
}
