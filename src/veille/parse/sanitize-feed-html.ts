import { decodeHTML } from 'entities';
import { FilterXSS, type IWhiteList } from 'xss';
import { escapeAttribute } from '../../markup/escape-html.js';
import { resolveUrl } from './resolve-url.js';

const CELL = ['colspan', 'rowspan', 'headers', 'scope'];
/** What feed HTML may keep: structure, emphasis, links, images and media; no scripts, forms, frames, styles or classes. */
const ALLOW_LIST: IWhiteList = Object.freeze({
  ...Object.fromEntries(
    ['p', 'br', 'hr', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'b', 'i', 'u', 's', 'small', 'mark',
      'sub', 'sup', 'del', 'ins', 'cite', 'code', 'kbd', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption',
      'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr'].map((tag) => [tag, ['lang', 'dir', 'title']]),
  ),
  a: ['href', 'title', 'hreflang', 'lang'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  blockquote: ['cite', 'lang'],
  q: ['cite', 'lang'],
  abbr: ['title'],
  th: CELL,
  td: CELL,
  audio: ['src', 'controls'],
  video: ['src', 'controls', 'poster', 'width', 'height'],
  source: ['src', 'type'],
});
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'poster']);
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const MEDIA_SCHEMES = new Set(['http:', 'https:']);
/** What a browser strips from a URL before reading it: C0 controls and spaces. */
const URL_IGNORED = /[\u0000-\u0020\u007f]+/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The URL made absolute against `base`, or undefined when its scheme is not allowed or it stays relative. */
function safeAbsoluteUrl(name: string, raw: string, base: string | undefined): string | undefined {
  const cleaned = decodeHTML(raw).replace(URL_IGNORED, '');
  if (cleaned.startsWith('#')) return cleaned;
  const resolved = resolveUrl(cleaned, base);
  const scheme = resolved === undefined ? undefined : SCHEME.exec(resolved)?.[1]?.toLowerCase();
  // Still relative (no base to resolve against): dropped, as it would point into Relais itself.
  if (resolved === undefined || scheme === undefined) return undefined;
  return (name === 'href' || name === 'cite' ? LINK_SCHEMES : MEDIA_SCHEMES).has(`${scheme}:`) ? resolved : undefined;
}

/** The base of the call in progress: js-xss's hooks are fixed at construction, and `process` is synchronous. */
let currentBase: string | undefined;

const FILTER = new FilterXSS({
  whiteList: ALLOW_LIST,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'noscript', 'template'],
  allowCommentTag: false,
  css: false,
  onTagAttr(_tag, name, value, isAllowed) {
    if (!isAllowed) return '';
    if (!URL_ATTRIBUTES.has(name)) return `${name}="${escapeAttribute(decodeHTML(value))}"`;
    const url = safeAbsoluteUrl(name, value, currentBase);
    return url === undefined ? '' : `${name}="${escapeAttribute(url)}"`;
  },
});

/**
 * A feed's HTML (summary, content) made safe to show: js-xss with an
 * allow-list suited to articles, scripts and styles dropped with their
 * body, comments dropped, and every link and image source made absolute
 * against `base` (the `xml:base` in force, else the document address);
 * a URL with another scheme than http(s) (or mailto/tel for links) is dropped.
 *
 * @example sanitizeFeedHtml('<p onclick="x()"><img src="a.jpg"></p>', 'https://mairie.fr/') // '<p><img src="https://mairie.fr/a.jpg"></p>'
 */
export function sanitizeFeedHtml(html: string, base: string | undefined): string {
  // No tag: js-xss would only escape `<` and `>`, of which there are none.
  if (!/[<>]/.test(html)) return html.trim();
  currentBase = base;
  return FILTER.process(html).trim();
}
