import type { MatchableItem } from './matchable-item.js';
import { foldTokens } from './fold-tokens.js';
import type { Lexicon, LexiconStem, LexiconWord } from './lexicon.js';
import { MAX_NEAR_DISTANCE } from './lex-watch-query.js';
import { stemFrenchWord } from './stem-french-word.js';

/**
 * Positions left empty between the title and the text, and between the
 * values of `source:`, so that no phrase nor `NEAR` reaches across.
 */
export const FIELD_GAP = MAX_NEAR_DISTANCE + 2;

/** A short field (author, site, language, source names): its folded words and their stems by position ('' in gaps). */
export interface ShortField {
  readonly words: readonly string[];
  readonly stems: readonly string[];
}

/**
 * An item read once for matching against many watches. The text field
 * holds the title, a gap, then the text (`title:` looks below
 * `titleEnd`), read into the lexicon: each word and stem knows its first
 * position while `stamp` is the lexicon's latest, the next ones chain
 * through `nextWord` and `nextStem` (-1 ends), ascending. The arrays are
 * the lexicon's, reused from item to item: read only the first `length`
 * positions, `wordCount` words and `stemCount` stems.
 *
 * @example
 * for (let p = stem.first; p >= 0; p = item.nextStem[p]!) visit(p);
 */
export class PreparedItem<E = unknown> {
  private shortFields: Partial<Record<ShortFieldName, ShortField>> | undefined;

  constructor(
    private readonly item: MatchableItem,
    readonly stamp: number,
    /** The text's words by position (undefined in the gap). */
    readonly exact: readonly (LexiconWord<E> | undefined)[],
    readonly nextWord: Int32Array,
    readonly nextStem: Int32Array,
    readonly length: number,
    readonly titleEnd: number,
    /** Each distinct word and stem of the text once. */
    readonly words: readonly LexiconWord<E>[],
    readonly wordCount: number,
    readonly stems: readonly LexiconStem<E>[],
    readonly stemCount: number,
  ) {}

  /** The words of a short field, split on first use (most watches never look). */
  short(field: ShortFieldName): ShortField {
    this.shortFields ??= {};
    let found = this.shortFields[field];
    if (found === undefined) {
      const values = field === 'source' ? this.item.source ?? [] : [this.item[field] ?? ''];
      this.shortFields[field] = found = shortField(values);
    }
    return found;
  }
}

export type ShortFieldName = 'author' | 'site' | 'lang' | 'source';

const EMPTY: ShortField = Object.freeze({ words: [], stems: [] });

function shortField(values: readonly string[]): ShortField {
  const words: string[] = [];
  for (const value of values) {
    const split = foldTokens(value);
    if (words.length > 0 && split.length > 0) for (let g = 0; g < FIELD_GAP; g++) words.push('');
    words.push(...split);
  }
  return words.length === 0 ? EMPTY : { words, stems: words.map((w) => (w === '' ? '' : stemFrenchWord(w))) };
}

/**
 * Reads an item for the matching engine (see `foldTokens` and
 * `stemFrenchWord`). It holds until the lexicon reads the next item:
 * prepare, check, then prepare the next.
 *
 * @example
 * const item = prepareItem(lexicon, { title: 'Festivals', text: 'L’été' });
 * lexicon.word('festivals').first; // 0
 */
export function prepareItem<E>(lexicon: Lexicon<E>, item: MatchableItem): PreparedItem<E> {
  const stamp = lexicon.nextStamp();
  const title = foldTokens(item.title);
  const text = foldTokens(item.text);
  const titleEnd = title.length;
  const textStart = titleEnd === 0 ? 0 : titleEnd + FIELD_GAP;
  const length = textStart + text.length;
  const { exact, nextWord, nextStem, words, stems } = lexicon.scratch(length);
  let wordCount = 0;
  let stemCount = 0;
  for (let position = 0; position < length; position++) {
    const inText = position >= textStart;
    if (!inText && position >= titleEnd) {
      exact[position] = undefined;
      continue;
    }
    const word = lexicon.word(inText ? text[position - textStart]! : title[position]!);
    exact[position] = word;
    nextWord[position] = -1;
    nextStem[position] = -1;
    if (word.stamp !== stamp) {
      word.stamp = stamp;
      word.first = position;
      words[wordCount++] = word;
    } else nextWord[word.last] = position;
    word.last = position;
    const stem = word.stem;
    if (stem.stamp !== stamp) {
      stem.stamp = stamp;
      stem.first = position;
      stems[stemCount++] = stem;
    } else nextStem[stem.last] = position;
    stem.last = position;
  }
  // Watched prefixes present in the text: a prefix then checks in one comparison.
  if (lexicon.hasPrefixes) for (let i = 0; i < wordCount; i++) lexicon.markPrefixes(words[i]!, stamp);
  return new PreparedItem(item, stamp, exact, nextWord, nextStem, length, titleEnd, words, wordCount, stems, stemCount);
}
