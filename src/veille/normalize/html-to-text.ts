import { Parser } from 'htmlparser2';
import { collapseWhitespace } from './collapse-whitespace.js';

/** Elements that start a new line in the text: HTML's block-level and line-breaking elements. */
const BREAKING: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Elements whose content is never text a reader sees. */
const HIDDEN: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/**
 * The plain text of an HTML fragment: tags removed, entities decoded (named,
 * decimal and hexadecimal, as browsers do), each block element on its own
 * line (and each line of a `<pre>`), source line breaks elsewhere read as
 * spaces, white space collapsed within lines, empty lines dropped. Used for
 * search, language detection and de-duplication, never shown as HTML.
 *
 * htmlparser2's streaming tokeniser does the reading: it is forgiving with
 * broken markup and builds no tree, so it costs little per item.
 *
 * @example
 * htmlToText('<p>Travaux&nbsp;: rue <b>Victor-Hugo</b></p><p>Fin &agrave; 18&#8239;h</p>');
 * // 'Travaux : rue Victor-Hugo\nFin à 18 h'
 */
export function htmlToText(html: string): string {
  const pieces: string[] = [];
  let hiddenDepth = 0;
  let preDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hiddenDepth++;
        else if (BREAKING.has(name)) pieces.push('\n');
        if (name === 'pre') preDepth++;
      },
      ontext(text) {
        // A line break in the source is a space in HTML, except inside <pre>.
        if (hiddenDepth === 0) pieces.push(preDepth > 0 ? text : text.replace(/[\r\n]+/g, ' '));
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BREAKING.has(name)) pieces.push('\n');
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return pieces
    .join('')
    .split('\n')
    .map(collapseWhitespace)
    .filter((line) => line !== '')
    .join('\n');
}
