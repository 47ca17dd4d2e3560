import { escapeAttribute, escapeHtml } from '../../markup/escape-html.js';
import { textOf, type XmlElement } from './xml-element.js';

/** How an element's body holds its HTML. */
export type BodyKind = 'html' | 'text' | 'xhtml';

/** HTML elements with no end tag (HTML Living Standard §13.1.2). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Markup written inside an element (inline XHTML, or HTML a feed forgot to escape) back to HTML text. */
function innerXml(element: XmlElement): string {
  let html = '';
  for (const child of element.children) {
    if (typeof child === 'string') {
      html += escapeHtml(child);
      continue;
    }
    const name = child.rawName.slice(child.rawName.indexOf(':') + 1);
    let attributes = '';
    for (const [key, value] of Object.entries(child.attributes)) if (!key.startsWith('xmlns')) attributes += ` ${key}="${escapeAttribute(value)}"`;
    html += VOID.has(name.toLowerCase()) ? `<${name}${attributes}>` : `<${name}${attributes}>${innerXml(child)}</${name}>`;
  }
  return html;
}

/**
 * The HTML an element holds, before sanitising. `html`: escaped HTML or CDATA
 * (RSS `description`, Atom `type="html"`), or unescaped markup written
 * inline, which liberal readers accept; `text`: plain text, escaped; `xhtml`:
 * Atom inline XHTML, its wrapping `<div>` removed (RFC 4287 §4.1.3.3).
 *
 * @example elementHtml(descriptionElement, 'html') // '<p>Le conseil municipal…</p>'
 */
export function elementHtml(element: XmlElement, kind: BodyKind): string {
  const hasElements = element.children.some((child) => typeof child !== 'string');
  if (kind === 'text' && !hasElements) return escapeHtml(textOf(element).trim()).replace(/\r?\n/g, '<br>\n');
  if (kind === 'html' && !hasElements) return textOf(element);
  const div = element.children.find((child): child is XmlElement => typeof child !== 'string' && child.name.endsWith('div'));
  const onlyDiv = kind === 'xhtml' && div !== undefined && element.children.every((child) => child === div || (typeof child === 'string' && child.trim() === ''));
  return innerXml(onlyDiv ? div : element);
}
