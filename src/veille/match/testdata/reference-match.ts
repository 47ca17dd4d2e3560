import type { MatchableItem } from '../matchable-item.js';
import type { WatchField, WatchQuery, WatchTerm } from '../watch-query.js';

// A straightforward evaluator for the property test. It shares only the
// parser's tree with the engine: its own word splitting (regular
// expressions over the whole text), its own stemmer (a table of rules), no
// index, no positions table. Slow and obvious on purpose.

const ELIDED = new Set(['l', 'd', 'qu', 'j', 'n', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

/** The words of a text, as the language defines them (see docs/watch-queries.md). */
export function referenceWords(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/ĳ/g, 'ij').replace(/ς/g, 'σ')
    .replace(/[’ʼ]/g, "'");
  const words: string[] = [];
  // A run of letters and digits, possibly joined by single apostrophes.
  for (const [piece] of folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu)) {
    const parts = piece.split("'");
    while (parts.length > 1 && ELIDED.has(parts[0]!)) parts.shift();
    words.push(parts.join(''));
  }
  return words;
}

/** Each rule: a pattern on the end of the word and its replacement, applied when at least 3 letters remain. */
const RULES: readonly (readonly [RegExp, string])[] = [
  [/e$/, ''],
  [/e$/, ''],
  [/er$/, ''],
  [/([^aeiouy])\1$/, '$1'],
  [/iv$/, 'if'],
];

/** The light French stem, written again from its definition. */
export function referenceStem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stem = word;
  if (/eaux$/.test(stem)) return withRules(stem.slice(0, -1));
  if (/aux$/.test(stem)) return stem.slice(0, -3) + 'al';
  if (/x$/.test(stem)) stem = stem.slice(0, -1);
  else if (/[^s]s$/.test(stem)) stem = stem.slice(0, -1);
  return withRules(stem);
}

function withRules(word: string): string {
  let stem = word;
  for (const [pattern, replacement] of RULES) {
    const next = stem.replace(pattern, replacement);
    if (next.length >= 3) stem = next;
  }
  return stem;
}

/** The word lists a field looks at: phrases and proximity never reach from one list to the next. */
function segments(item: MatchableItem, field: WatchField): string[][] {
  switch (field) {
    case 'text': return [referenceWords(item.title), referenceWords(item.text)];
    case 'title': return [referenceWords(item.title)];
    case 'author': return [referenceWords(item.author ?? '')];
    case 'site': return [referenceWords(item.site ?? '')];
    case 'lang': return [referenceWords(item.lang ?? '')];
    case 'source': return (item.source ?? []).map(referenceWords);
  }
}

/** Where the term occurs in one list of words: [start, end] pairs. */
function spans(term: WatchTerm, words: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    if (term.kind === 'word' && referenceStem(words[i]!) === referenceStem(term.word)) found.push([i, i]);
    if (term.kind === 'prefix' && words[i]!.startsWith(term.prefix)) found.push([i, i]);
    if (term.kind === 'phrase' && term.words.every((w, k) => words[i + k] === w)) found.push([i, i + term.words.length - 1]);
  }
  return found;
}

/** Whether the query matches the item, evaluated directly on the item's words. */
export function referenceMatch(query: WatchQuery, item: MatchableItem): boolean {
  switch (query.kind) {
    case 'word':
    case 'phrase':
    case 'prefix':
      return segments(item, query.field).some((words) => spans(query, words).length > 0);
    case 'near':
      return segments(item, query.field).some((words) => {
        const left = query.left.flatMap((t) => spans(t, words));
        const right = query.right.flatMap((t) => spans(t, words));
        return left.some(([ls, le]) => right.some(([rs, re]) => {
          const after = rs > le && rs - le - 1 <= query.distance;
          const before = ls > re && ls - re - 1 <= query.distance;
          return after || (!query.ordered && before);
        }));
      });
    case 'and': return query.children.every((c) => referenceMatch(c, item));
    case 'or': return query.children.some((c) => referenceMatch(c, item));
    case 'not': return !referenceMatch(query.child, item);
  }
}
