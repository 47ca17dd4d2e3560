import { escapeHtml } from '../../markup/escape-html.js';
import { foldTokens } from './fold-tokens.js';
import { stemFrenchWord } from './stem-french-word.js';
import type { WatchQuery, WatchTerm } from './watch-query.js';

/** The terms whose presence speaks for a match: not those under an odd number of NOTs, nor those of `author:`, `site:`, `lang:`, `source:`. */
function positiveTerms(query: WatchQuery, negated: boolean, terms: WatchTerm[]): WatchTerm[] {
  switch (query.kind) {
    case 'word':
    case 'phrase':
    case 'prefix':
      if (!negated && (query.field === 'text' || query.field === 'title')) terms.push(query);
      break;
    case 'near':
      if (!negated && (query.field === 'text' || query.field === 'title')) terms.push(...query.left, ...query.right);
      break;
    case 'and':
    case 'or':
      for (const child of query.children) positiveTerms(child, negated, terms);
      break;
    case 'not':
      positiveTerms(query.child, !negated, terms);
      break;
    default: {
      const unknown: never = query;
      return unknown;
    }
  }
  return terms;
}

/** How many words from `at` the term covers there, or 0. */
function wordsMatched(term: WatchTerm, words: readonly string[], stems: readonly string[], at: number): number {
  switch (term.kind) {
    case 'word':
      return stems[at] === stemFrenchWord(term.word) ? 1 : 0;
    case 'prefix':
      return words[at]!.startsWith(term.prefix) ? 1 : 0;
    case 'phrase':
      return term.words.every((w, k) => words[at + k] === w) ? term.words.length : 0;
    default: {
      const unknown: never = term;
      return unknown;
    }
  }
}

/**
 * The text, HTML-escaped, with the words matched by the query's positive
 * terms wrapped in `<mark>` (a phrase in one mark). Words are compared as
 * the engine compares them: folded, and stemmed for plain words.
 *
 * @example
 * highlightMatches(parseWatchQuery('festival -annulé'), 'Les Festivals & l’été'); // 'Les <mark>Festivals</mark> &amp; l’été'
 */
export function highlightMatches(query: WatchQuery, text: string): string {
  const terms = positiveTerms(query, false, []);
  const offsets: number[] = [];
  const words = foldTokens(text, offsets);
  const stems = words.map(stemFrenchWord);
  let html = '';
  let written = 0;
  let markEnd = -1;
  const closeMark = () => {
    if (markEnd < 0) return;
    html += `<mark>${escapeHtml(text.slice(written, markEnd))}</mark>`;
    written = markEnd;
  };
  for (let i = 0; i < words.length; i++) {
    let covered = 0;
    for (const term of terms) covered = Math.max(covered, wordsMatched(term, words, stems, i));
    if (covered === 0) continue;
    const start = offsets[2 * i]!;
    const end = offsets[2 * (i + covered - 1) + 1]!;
    if (start < markEnd) {
      markEnd = Math.max(markEnd, end);
      continue;
    }
    closeMark();
    html += escapeHtml(text.slice(written, start));
    written = start;
    markEnd = end;
  }
  closeMark();
  return html + escapeHtml(text.slice(written));
}
