import type { MatchableItem } from './matchable-item.js';
import { foldTokens } from './fold-tokens.js';
import { MAX_NEAR_DISTANCE } from './lex-watch-query.js';
import { stemFrenchWord } from './stem-french-word.js';

/**
 * Positions left empty between the title and the text, and between the
 * values of `source:`, so that no phrase nor `NEAR` reaches across.
 */
export const FIELD_GAP = MAX_NEAR_DISTANCE + 2;

/** The words of one field of an item, by position, with where each word and each stem occurs. */
export interface FieldWords {
  /** Folded words by position ('' in gaps). */
  readonly exact: readonly string[];
  readonly byExact: ReadonlyMap<string, readonly number[]>;
  readonly byStem: ReadonlyMap<string, readonly number[]>;
}

/**
 * An item read once for matching against many watches. `text` holds the
 * title, a gap, then the text: `title:` looks at its positions below
 * `titleEnd`.
 */
export interface PreparedItem {
  readonly text: FieldWords;
  readonly titleEnd: number;
  readonly author: FieldWords;
  readonly site: FieldWords;
  readonly lang: FieldWords;
  readonly source: FieldWords;
}

const EMPTY: FieldWords = Object.freeze({ exact: [], byExact: new Map(), byStem: new Map() });

/** Stems already computed: a news vocabulary repeats, and stemming is the costliest step after splitting. */
const STEMS = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

function stemOf(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    stem = stemFrenchWord(word);
    if (STEMS.size >= MAX_CACHED_STEMS) STEMS.clear();
    STEMS.set(word, stem);
  }
  return stem;
}

function push(map: Map<string, number[]>, key: string, position: number): void {
  const positions = map.get(key);
  if (positions === undefined) map.set(key, [position]);
  else positions.push(position);
}

/** The words of the values (each already split), one after the other with a gap between values. */
function fieldWords(values: readonly (readonly string[])[]): FieldWords {
  const exact: string[] = [];
  const byExact = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  for (const value of values) {
    if (exact.length > 0 && value.length > 0) for (let g = 0; g < FIELD_GAP; g++) exact.push('');
    for (const word of value) {
      const position = exact.length;
      exact.push(word);
      push(byExact, word, position);
      push(byStem, stemOf(word), position);
    }
  }
  return exact.length === 0 ? EMPTY : { exact, byExact, byStem };
}

/**
 * Splits and folds an item's fields once, for the matching engine (see `foldTokens` and `stemFrenchWord`).
 *
 * @example
 * prepareItem({ title: 'Festivals', text: 'L’été' }).text.byStem.get('festival'); // [0]
 */
export function prepareItem(item: MatchableItem): PreparedItem {
  const titleWords = foldTokens(item.title);
  return {
    text: fieldWords([titleWords, foldTokens(item.text)]),
    titleEnd: titleWords.length,
    author: item.author ? fieldWords([foldTokens(item.author)]) : EMPTY,
    site: item.site ? fieldWords([foldTokens(item.site)]) : EMPTY,
    lang: item.lang ? fieldWords([foldTokens(item.lang)]) : EMPTY,
    source: item.source && item.source.length > 0 ? fieldWords(item.source.map((value) => foldTokens(value))) : EMPTY,
  };
}
