import sanitizeHtml from 'sanitize-html';
import type { Profile } from './render-options.js';

// Written out from MARKUP.md on purpose, not imported from the renderer's
// allow-list: an independent second reading of the specification.
// "Typed HTML kept in both profiles".
const TYPED_TAGS = [
  'q', 'del', 'ins', 'em', 'strong', 'b', 'i', 'u', 'sub', 'sup', 'abbr', 'acronym', 'cite', 'span', 'br', 'p',
  'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody',
  'tfoot', 'tr', 'th', 'td', 'pre', 'code', 'small', 'mark', 'hr', 'dl', 'dt', 'dd', 'a',
];
// "In the article profile also".
const ARTICLE_TAGS = ['figure', 'figcaption', 'img'];
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
  img: ['src', 'alt', 'width', 'height'],
};

const FORBIDDEN_STYLE = /url\s*\(|expression\s*\(/i;

function attributesFor(profile: Profile): Record<string, string[]> {
  const global = profile === 'article' ? [...TYPED_ATTRIBUTES, ...ARTICLE_ATTRIBUTES] : TYPED_ATTRIBUTES;
  const result: Record<string, string[]> = { '*': global };
  const extra = profile === 'article' ? [SHORTCUT_ATTRIBUTES, ARTICLE_ELEMENT_ATTRIBUTES] : [SHORTCUT_ATTRIBUTES];
  for (const table of extra) {
    for (const [tag, names] of Object.entries(table)) result[tag] = [...(result[tag] ?? []), ...names];
  }
  return result;
}

function optionsFor(profile: Profile): sanitizeHtml.IOptions {
  return {
    allowedTags: [...TYPED_TAGS, ...SHORTCUT_TAGS, ...(profile === 'article' ? ARTICLE_TAGS : [])],
    allowedAttributes: attributesFor(profile),
    allowedSchemes: ['http', 'https', 'mailto', 'tel', 'ftp'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: true,
    parseStyleAttributes: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      '*': (tagName, attribs) => {
        if (attribs.style !== undefined && FORBIDDEN_STYLE.test(attribs.style)) {
          const { style: _dropped, ...rest } = attribs;
          return { tagName, attribs: rest };
        }
        return { tagName, attribs };
      },
    },
  };
}

const OPTIONS: Readonly<Record<Profile, sanitizeHtml.IOptions>> = Object.freeze({
  article: optionsFor('article'),
  forum: optionsFor('forum'),
});

/**
 * The second wall: sanitize-html configured from MARKUP.md's lists, run on
 * the renderer's output. It should never change anything (tests check it on
 * the whole corpus); it is there in case the first wall ever has a hole.
 *
 * @example applySecondWall('<p>x</p><script>alert(1)</script>', 'forum') // '<p>x</p>'
 */
export function applySecondWall(html: string, profile: Profile): string {
  return html === '' ? html : sanitizeHtml(html, OPTIONS[profile]);
}
