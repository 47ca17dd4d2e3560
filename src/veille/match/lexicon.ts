import { stemFrenchWord } from './stem-french-word.js';

/**
 * A stem as the index knows it: the watches anchored on it, and — for the
 * item being matched (`stamp`) — where it occurs in the item's text.
 */
export interface LexiconStem<E = unknown> {
  readonly text: string;
  /** Watches whose anchor is this stem in the text (or title), in no order (an array: iterated for every item). */
  readonly watches: E[];
  stamp: number;
  /** First position in the current item (the next ones chain through the item's `nextStem`); valid while `stamp` is the item's. */
  first: number;
  last: number;
}

/** A folded word as the index knows it, with its stem and, for the current item, its positions. */
export interface LexiconWord<E = unknown> {
  readonly text: string;
  readonly stem: LexiconStem<E>;
  stamp: number;
  /** First position in the current item (the next ones chain through the item's `nextWord`); valid while `stamp` is the item's. */
  first: number;
  last: number;
  /** The watched prefixes this word starts with, cached for `prefixVersion`. */
  prefixes: readonly LexiconPrefix<E>[];
  prefixVersion: number;
}

/** A prefix some watch looks for (`festiv*`): the watches anchored on it, and whether the current item's text has a word starting with it. */
export interface LexiconPrefix<E = unknown> {
  readonly text: string;
  readonly watches: E[];
  stamp: number;
}

const NO_PREFIXES: readonly never[] = Object.freeze([]);

/** Past this many words, those no watch refers to are forgotten (names, typos and numbers keep coming). */
export const DEFAULT_MAX_WORDS = 300_000;

/**
 * The words and stems an index has met, each one object: an item's text is
 * read into them once (`stamp` and `positions`), so that a watch checks a
 * word by comparing a number, and the presearcher finds the watches of a
 * stem without a lookup. Only one item is read at a time: positions belong
 * to the item of the latest `nextStamp()`.
 */
export class Lexicon<E = unknown> {
  private readonly words = new Map<string, LexiconWord<E>>();
  private readonly stems = new Map<string, LexiconStem<E>>();
  private stamp = 0;

  constructor(private readonly maxWords = DEFAULT_MAX_WORDS) {}

  private buffers = { exact: [] as (LexiconWord<E> | undefined)[], nextWord: new Int32Array(256), nextStem: new Int32Array(256), words: [] as LexiconWord<E>[], stems: [] as LexiconStem<E>[] };

  /** Arrays for reading an item of `length` positions, reused from item to item. */
  scratch(length: number): { exact: (LexiconWord<E> | undefined)[]; nextWord: Int32Array; nextStem: Int32Array; words: LexiconWord<E>[]; stems: LexiconStem<E>[] } {
    if (this.buffers.nextWord.length < length) {
      const size = Math.max(length, this.buffers.nextWord.length * 2);
      this.buffers = { ...this.buffers, nextWord: new Int32Array(size), nextStem: new Int32Array(size) };
    }
    return this.buffers;
  }

  /** A new item is being read: earlier positions no longer count. */
  nextStamp(): number {
    return ++this.stamp;
  }

  stemOf(text: string): LexiconStem<E> {
    let stem = this.stems.get(text);
    if (stem === undefined) {
      stem = { text, watches: [], stamp: 0, first: -1, last: -1 };
      this.stems.set(text, stem);
    }
    return stem;
  }

  word(text: string): LexiconWord<E> {
    return this.words.get(text) ?? this.addWord(text);
  }

  private addWord(text: string): LexiconWord<E> {
    if (this.words.size >= this.maxWords) this.forget();
    const word: LexiconWord<E> = { text, stem: this.stemOf(stemFrenchWord(text)), stamp: 0, first: -1, last: -1, prefixes: NO_PREFIXES, prefixVersion: -1 };
    this.words.set(text, word);
    return word;
  }

  /** The word, kept (with its stem) until as many `unpin` calls: a watch refers to it. */
  pinWord(text: string): LexiconWord<E> {
    const word = this.word(text);
    this.pinnedWords.set(word, (this.pinnedWords.get(word) ?? 0) + 1);
    return word;
  }

  /** The stem, kept until as many `unpin` calls: a watch refers to it. */
  pinStem(text: string): LexiconStem<E> {
    const stem = this.stemOf(text);
    this.pinnedStems.set(stem, (this.pinnedStems.get(stem) ?? 0) + 1);
    return stem;
  }

  private readonly prefixes = new Map<string, { prefix: LexiconPrefix<E>; pins: number }>();
  /** How many watched prefixes there are of each length. */
  private readonly prefixLengths = new Map<number, number>();
  /** Bumped when a prefix is added or dropped: words then look up their prefixes again. */
  private prefixVersion = 0;

  /** Whether some watch looks for a prefix (else items skip the prefix step). */
  get hasPrefixes(): boolean {
    return this.prefixes.size > 0;
  }

  /** The prefix, kept until as many `unpin` calls. */
  pinPrefix(text: string): LexiconPrefix<E> {
    let held = this.prefixes.get(text);
    if (held === undefined) {
      held = { prefix: { text, watches: [], stamp: 0 }, pins: 0 };
      this.prefixes.set(text, held);
      this.prefixLengths.set(text.length, (this.prefixLengths.get(text.length) ?? 0) + 1);
      this.prefixVersion++;
    }
    held.pins++;
    return held.prefix;
  }

  /** The prefix if some watch holds it. */
  heldPrefix(text: string): LexiconPrefix<E> | undefined {
    return this.prefixes.get(text)?.prefix;
  }

  /** Marks the watched prefixes the word starts with as present in the current item, and returns them. */
  markPrefixes(word: LexiconWord<E>, stamp: number): readonly LexiconPrefix<E>[] {
    if (word.prefixVersion !== this.prefixVersion) {
      const found: LexiconPrefix<E>[] = [];
      for (const length of this.prefixLengths.keys()) {
        const held = length <= word.text.length ? this.prefixes.get(word.text.slice(0, length)) : undefined;
        if (held !== undefined) found.push(held.prefix);
      }
      word.prefixes = found.length > 0 ? found : NO_PREFIXES;
      word.prefixVersion = this.prefixVersion;
    }
    for (const prefix of word.prefixes) prefix.stamp = stamp;
    return word.prefixes;
  }

  /** A watch no longer refers to these words, stems and prefixes. */
  unpin(words: readonly LexiconWord<E>[], stems: readonly LexiconStem<E>[], prefixes: readonly LexiconPrefix<E>[] = []): void {
    for (const prefix of prefixes) {
      const held = this.prefixes.get(prefix.text)!;
      if (--held.pins > 0) continue;
      this.prefixes.delete(prefix.text);
      const count = this.prefixLengths.get(prefix.text.length)! - 1;
      if (count > 0) this.prefixLengths.set(prefix.text.length, count);
      else this.prefixLengths.delete(prefix.text.length);
      this.prefixVersion++;
    }
    for (const word of words) {
      const count = this.pinnedWords.get(word)! - 1;
      if (count > 0) this.pinnedWords.set(word, count);
      else this.pinnedWords.delete(word);
    }
    for (const stem of stems) {
      const count = this.pinnedStems.get(stem)! - 1;
      if (count > 0) this.pinnedStems.set(stem, count);
      else this.pinnedStems.delete(stem);
    }
  }

  private readonly pinnedWords = new Map<LexiconWord<E>, number>();
  private readonly pinnedStems = new Map<LexiconStem<E>, number>();

  /** Keeps only what watches refer to (and the stems of kept words, and stems with watches). */
  private forget(): void {
    this.words.clear();
    for (const word of this.pinnedWords.keys()) this.words.set(word.text, word);
    const kept = new Map<string, LexiconStem<E>>();
    for (const stem of this.stems.values()) if (stem.watches.length > 0 || this.pinnedStems.has(stem)) kept.set(stem.text, stem);
    for (const word of this.words.values()) kept.set(word.stem.text, word.stem);
    this.stems.clear();
    for (const [text, stem] of kept) this.stems.set(text, stem);
  }
}
