import { escapeHtml } from '../../markup/escape-html.js';

/** An excerpt with the matched words marked: as HTML (`<mark>`) and as plain text (`*word*`). */
export interface AlertExcerpt {
  readonly html: string;
  readonly text: string;
}

const ENTITIES: Readonly<Record<string, string>> = Object.freeze({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" });
const unescape = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * Cuts `highlighted` (escaped text with `<mark>` around matched words, as `highlightMatches`
 * writes it) to about `max` characters around its first mark, on word boundaries, with "…" where
 * text was left out; a mark cut by the window is closed or reopened so the HTML stays balanced.
 *
 * @example
 * alertExcerpt('Le <mark>budget</mark> primitif &amp; le reste', 200);
 * // { html: 'Le <mark>budget</mark> primitif &amp; le reste', text: 'Le *budget* primitif & le reste' }
 */
export function alertExcerpt(highlighted: string, max = 320): AlertExcerpt {
  let plain = '';
  const marked: boolean[] = [];
  let inside = false;
  for (const part of highlighted.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') inside = true;
    else if (part === '</mark>') inside = false;
    else {
      const text = unescape(part);
      plain += text;
      for (let i = 0; i < text.length; i++) marked.push(inside);
    }
  }
  const firstMark = Math.max(0, marked.indexOf(true));
  let start = firstMark <= max / 4 ? 0 : wordStart(plain, firstMark - Math.floor(max / 4));
  let end = Math.min(plain.length, start + max);
  if (end < plain.length) end = wordEnd(plain, end);
  if (end - start > max * 1.2) start = Math.max(0, end - max);
  const html: string[] = [];
  const text: string[] = [];
  for (let i = start; i < end;) {
    let j = i;
    while (j < end && marked[j] === marked[i]) j++;
    const run = plain.slice(i, j);
    html.push(marked[i] ? `<mark>${escapeHtml(run)}</mark>` : escapeHtml(run));
    text.push(marked[i] ? `*${run}*` : run);
    i = j;
  }
  const before = start > 0 ? '… ' : '';
  const after = end < plain.length ? ' …' : '';
  return Object.freeze({ html: `${before}${html.join('').trim()}${after}`, text: `${before}${text.join('').trim()}${after}` });
}

// The start of the word at or after `at`.
function wordStart(text: string, at: number): number {
  const space = text.indexOf(' ', at);
  return space === -1 ? at : space + 1;
}

// The end of the word at `at`, or before it when the word runs too far.
function wordEnd(text: string, at: number): number {
  const space = text.lastIndexOf(' ', at);
  return space > 0 && at - space < 40 ? space : at;
}
