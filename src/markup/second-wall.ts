import { FilterXSS, type IWhiteList, type OnTagHandler } from 'xss';
import { decodeEntities } from './decode-entities.js';
import type { Profile } from './render-options.js';
import { splitForWall } from './split-for-wall.js';

// Written out from MARKUP.md on purpose, not imported from the renderer's
// allow-list: an independent second reading of the specification.
// "Typed HTML kept in both profiles".
const TYPED_TAGS = [
  'q', 'del', 'ins', 'em', 'strong', 'b', 'i', 'u', 'sub', 'sup', 'abbr', 'acronym', 'cite', 'span', 'br', 'p',
  'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'pre', 'code', 'small', 'mark', 'hr', 'dl', 'dt', 'dd', 'a',
];
// "In the article profile also"; `picture` and `source` only ever come from the media resolver
// (the first wall never lets a typed one through), for the AVIF and WebP renditions.
const ARTICLE_TAGS = ['figure', 'figcaption', 'img', 'picture', 'source'];
// The tables of MARKUP.md: `<cadre>` draws a textarea, a missing document a `<tt>`.
const SHORTCUT_TAGS = ['textarea', 'tt'];

const TYPED_ATTRIBUTES = ['class', 'title', 'lang', 'dir', 'cite', 'datetime'];
const ARTICLE_ATTRIBUTES = ['id', 'style'];
// Attributes MARKUP.md's tables show on the shortcuts' own output.
const SHORTCUT_ATTRIBUTES: Readonly<Record<string, string[]>> = {
  a: ['href', 'rel', 'rev', 'hreflang', 'id'],
  ul: ['role'],
  ol: ['role'],
  table: ['aria-describedby'],
  th: ['id', 'headers', 'colspan', 'rowspan'],
  td: ['headers', 'colspan', 'rowspan'],
  small: ['id'],
  div: ['id'],
  pre: ['style'],
  textarea: ['readonly', 'cols', 'rows'],
};
const ARTICLE_ELEMENT_ATTRIBUTES: Readonly<Record<string, string[]>> = {
  th: ['scope'],
  td: ['scope'],
  img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding'],
  source: ['type', 'srcset', 'sizes'],
};

// "Allowed URL schemes: http, https, mailto, tel, ftp, relative and fragment"; `<img>`: "http(s) or relative".
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp']);
const IMAGE_SCHEMES = new Set(['http', 'https']);
/** What a browser ignores or strips when it reads a URL: C0 controls and spaces. */
const URL_IGNORED = /[\u0000-\u0020\u007f]+/g;
/** A scheme is whatever comes before the first `:` that precedes any `/`, `?` or `#` (WHATWG URL). */
const SCHEME = /^([^/?#]*):/;
const FORBIDDEN_STYLE = /url\s*\(|expression\s*\(|\\|\/\*/i;
/** What an attribute value may not hold raw inside its double quotes. */
const ATTRIBUTE_SPECIALS = /["<>]/;
function allowListFor(profile: Profile): IWhiteList {
  const tags = [...TYPED_TAGS, ...SHORTCUT_TAGS, ...(profile === 'article' ? ARTICLE_TAGS : [])];
  const global = profile === 'article' ? [...TYPED_ATTRIBUTES, ...ARTICLE_ATTRIBUTES] : TYPED_ATTRIBUTES;
  const extra = profile === 'article' ? [SHORTCUT_ATTRIBUTES, ARTICLE_ELEMENT_ATTRIBUTES] : [SHORTCUT_ATTRIBUTES];
  const allowList: IWhiteList = {};
  for (const tag of tags) allowList[tag] = [...global, ...extra.flatMap((table) => table[tag] ?? [])];
  return allowList;
}

/** Checked after entity decoding, as a browser reads it. */
function isSafeUrl(tag: string, raw: string): boolean {
  const url = decodeEntities(raw).replace(URL_IGNORED, '');
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme === undefined) return true; // relative or fragment
  return (tag === 'img' ? IMAGE_SCHEMES : SCHEMES).has(scheme.toLowerCase());
}

/**
 * js-xss's hook for every attribute of an allowed element (`allowed`: on the element's list).
 * Returns the attribute to write, or `''` to drop it; URLs are checked after entity decoding, as a
 * browser reads them; the value leaves as written, its quotes escaped.
 */
function checkAttribute(tag: string, name: string, value: string, allowed: boolean): string {
  if (!allowed) return '';
  if (URL_ATTRIBUTES.has(name) && !isSafeUrl(tag, value)) return '';
  // A `srcset` is a list of image candidates "URL width": each URL follows the `<img>` rule.
  if (name === 'srcset' && !decodeEntities(value).split(',').every((candidate) => isSafeUrl('img', candidate.trim().split(/\s+/)[0] ?? ''))) return '';
  if (name === 'style' && FORBIDDEN_STYLE.test(decodeEntities(value))) return '';
  const written = ATTRIBUTE_SPECIALS.test(value) ? value.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : value;
  return `${name}="${written}"`;
}

/**
 * js-xss's own escaping of the text between tags (`<` and `>` only, as its
 * default `escapeHtml`), without the two replacements when there is nothing
 * to escape: the renderer's text never holds a raw `<` or `>`.
 */
function escapeAngles(text: string): string {
  return text.indexOf('<') < 0 && text.indexOf('>') < 0 ? text : text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * js-xss's hook for every tag, run before its own handling: for a tag on the
 * allow-list it returns what js-xss itself would write when that needs no
 * attribute parsing — `</p>` for any closing tag (js-xss rebuilds those from
 * the name alone), `<p>` when the tag is its name and nothing else — as one
 * shared string per name. Every other tag goes on through js-xss.
 */
function bareTagHook(allowList: IWhiteList): OnTagHandler {
  const names = Object.keys(allowList);
  const opening = new Map(names.map((name) => [name, `<${name}>`]));
  const closing = new Map(names.map((name) => [name, `</${name}>`]));
  return (tag, html, info) => {
    if (!info.isWhite) return undefined;
    if (info.isClosing) return closing.get(tag);
    return html.length === tag.length + 2 ? opening.get(tag) : undefined;
  };
}

function wallFor(profile: Profile): FilterXSS {
  const allowList = allowListFor(profile);
  return new FilterXSS({
    allowList,
    onTag: bareTagHook(allowList),
    onTagAttr: checkAttribute,
    escapeHtml: escapeAngles,
    stripIgnoreTag: true,
    stripIgnoreTagBody: ['script', 'style'],
    allowCommentTag: false,
    css: false,
  });
}

const WALLS: Readonly<Record<Profile, FilterXSS>> = Object.freeze({
  article: wallFor('article'),
  forum: wallFor('forum'),
});

/** Characters per piece: small enough that js-xss's `+=` stays cheap, large enough that pieces are few. */
const PIECE_SIZE = 32 * 1024;

/**
 * The second wall: js-xss configured from MARKUP.md's lists, run on the
 * renderer's output. It should never change anything (tests check it on the
 * whole corpus); it is there in case the first wall ever has a hole. Long
 * HTML goes through js-xss in pieces cut between two tags (`splitForWall`),
 * every byte of it; `pieceSize` is there for the tests that prove the pieces
 * give the same bytes as the whole.
 *
 * @example applySecondWall('<p>x</p><script>alert(1)</script>', 'forum') // '<p>x</p>'
 */
export function applySecondWall(html: string, profile: Profile, pieceSize = PIECE_SIZE): string {
  if (html === '') return html;
  const wall = WALLS[profile];
  if (html.length <= pieceSize) return wall.process(html);
  // Concatenated, not joined: the flat results are not copied again into one fresh string.
  let result = '';
  for (const piece of splitForWall(html, pieceSize)) result += flatten(wall.process(piece));
  return result;
}

/**
 * js-xss returns a rope of one string per tag (`+=`); reading a character
 * makes V8 flatten it now, while it is small and fresh. Joined unflattened,
 * the ropes of a million tags cost more than linear to flatten later
 * (measured: 1 MB of `{` with the wall 390 ms in pieces left as ropes, 220 ms flattened).
 */
function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}
