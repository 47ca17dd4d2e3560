import { decodeEntities } from './decode-entities.js';
import { escapeAttribute } from './escape-html.js';
import type { HtmlTag } from './parse-html-tag.js';
import type { Profile } from './render-options.js';
import { checkUrl } from './safe-url.js';

/** A typed tag the allow-list keeps, rewritten with only its checked attributes. */
export interface AllowedTag {
  readonly name: string;
  /** The tag to emit: `<a href="…">` or `</a>`. */
  readonly html: string;
  readonly isVoid: boolean;
  readonly isBlock: boolean;
}

// MARKUP.md, "Two profiles": the typed HTML kept in both profiles, and in articles only.
const BOTH_ELEMENTS = [
  'q', 'del', 'ins', 'em', 'strong', 'b', 'i', 'u', 'sub', 'sup', 'abbr', 'acronym', 'cite', 'span', 'br',
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'caption',
  'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'pre', 'code', 'small', 'mark', 'hr', 'dl', 'dt', 'dd', 'a',
];
const ELEMENTS: Readonly<Record<Profile, ReadonlySet<string>>> = Object.freeze({
  forum: new Set(BOTH_ELEMENTS),
  article: new Set([...BOTH_ELEMENTS, 'figure', 'figcaption', 'img']),
});
const VOID = new Set(['br', 'hr', 'img']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'caption', 'thead',
  'tbody', 'tfoot', 'tr', 'th', 'td', 'pre', 'hr', 'dl', 'dt', 'dd', 'figure', 'figcaption',
]);

const BOTH_GLOBAL = ['class', 'title', 'lang', 'dir', 'cite', 'datetime'];
const GLOBAL: Readonly<Record<Profile, ReadonlySet<string>>> = Object.freeze({
  forum: new Set(BOTH_GLOBAL),
  article: new Set([...BOTH_GLOBAL, 'id', 'style']),
});
const CELL_ATTRIBUTES = ['colspan', 'rowspan', 'headers', 'scope'];
const PER_ELEMENT: Readonly<Record<Profile, Readonly<Record<string, readonly string[]>>>> = Object.freeze({
  forum: { a: ['href'] },
  article: { a: ['href'], th: CELL_ATTRIBUTES, td: CELL_ATTRIBUTES, img: ['src', 'alt', 'width', 'height'] },
});

const NUMBER = /^[0-9]{1,4}$/;
const VALUE_RULES: Readonly<Record<string, (value: string) => boolean>> = Object.freeze({
  id: (v) => /^[A-Za-z][\w:.-]{0,99}$/.test(v),
  dir: (v) => v === 'ltr' || v === 'rtl' || v === 'auto',
  lang: (v) => /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(v),
  colspan: (v) => NUMBER.test(v),
  rowspan: (v) => NUMBER.test(v),
  width: (v) => NUMBER.test(v),
  height: (v) => NUMBER.test(v),
  scope: (v) => ['row', 'col', 'rowgroup', 'colgroup'].includes(v),
  // No url( nor expression( (MARKUP.md); escapes, comments and the old binding hooks refused too.
  style: (v) => !/url\s*\(|expression|\\|\/\*|@import|javascript|behavior|binding|[<>&]/i.test(v),
});

function checkedValue(name: string, raw: string): string | undefined {
  const value = decodeEntities(raw);
  if (name === 'href' || name === 'cite') return checkUrl(value, 'link');
  if (name === 'src') return checkUrl(value, 'image');
  const rule = VALUE_RULES[name];
  return rule === undefined || rule(value.trim()) ? value : undefined;
}

/**
 * Passes a typed tag through the profile's allow-list (MARKUP.md): returns
 * the element rewritten with its allowed, checked attributes, or undefined
 * when the element is not allowed (the caller then shows the tag as text).
 * Refused attributes (`on*`, `style` with `url(`, a `javascript:` `href`) are
 * dropped and the element kept.
 *
 * @example allowTag(parseHtmlTag('<div onclick=x>', 0)!, 'forum')?.html // '<div>'
 */
export function allowTag(tag: HtmlTag, profile: Profile): AllowedTag | undefined {
  const name = tag.name;
  if (!ELEMENTS[profile].has(name)) return undefined;
  const shape = { name, isVoid: VOID.has(name), isBlock: BLOCK.has(name) };
  if (tag.closing) return { ...shape, html: `</${name}>` };
  const global = GLOBAL[profile];
  const own = PER_ELEMENT[profile][name] ?? [];
  const seen = new Set<string>();
  let html = `<${name}`;
  for (const [attribute, raw] of tag.attributes) {
    if (seen.has(attribute)) continue;
    seen.add(attribute);
    if (!global.has(attribute) && !own.includes(attribute)) continue;
    const value = checkedValue(attribute, raw);
    if (value !== undefined) html += ` ${attribute}="${escapeAttribute(value)}"`;
  }
  // SPIP's forum adds nofollow to every link (liens_nofollow); typed `rel` is never kept.
  if (name === 'a' && profile === 'forum') html += ' rel="nofollow"';
  return { ...shape, html: `${html}${shape.isVoid ? ' />' : '>'}` };
}
