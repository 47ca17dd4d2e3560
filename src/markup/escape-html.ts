const TEXT_SPECIALS = /[&<>]/;
const ATTRIBUTE_SPECIALS = /[&<>"]/;
const ENTITY_REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

const REPLACEMENTS: Readonly<Record<string, string>> = Object.freeze({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
});

/**
 * Escapes `&`, `<` and `>` so the text shows exactly as given.
 *
 * @example escapeHtml('a < b & c') // 'a &lt; b &amp; c'
 */
export function escapeHtml(text: string): string {
  return TEXT_SPECIALS.test(text) ? text.replace(/[&<>]/g, (c) => REPLACEMENTS[c] ?? c) : text;
}

/**
 * Escapes a value for a double-quoted attribute: every `&` included, so the
 * browser reads back exactly the string that was checked.
 */
export function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIALS.test(value) ? value.replace(/[&<>"]/g, (c) => REPLACEMENTS[c] ?? c) : value;
}

/**
 * Length of a well-formed character reference (`&eacute;`, `&#233;`, `&#xE9;`)
 * starting at `at`, or 0. Such references are kept as typed in text nodes.
 */
export function entityReferenceLength(text: string, at: number): number {
  ENTITY_REFERENCE.lastIndex = at;
  return ENTITY_REFERENCE.test(text) ? ENTITY_REFERENCE.lastIndex - at : 0;
}

/**
 * Escapes text for a text node but keeps well-formed character references
 * as typed (`&eacute;` stays, a bare `&` becomes `&amp;`).
 */
export function escapeText(text: string): string {
  if (!TEXT_SPECIALS.test(text)) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 38 && c !== 60 && c !== 62) continue;
    if (c === 38 && entityReferenceLength(text, i) > 0) continue;
    out += text.slice(last, i) + (c === 38 ? '&amp;' : c === 60 ? '&lt;' : '&gt;');
    last = i + 1;
  }
  return out + text.slice(last);
}
