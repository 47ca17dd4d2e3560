import type { Lexicon, LexiconPrefix, LexiconStem, LexiconWord } from './lexicon.js';
import type { PreparedItem, ShortField, ShortFieldName } from './prepared-item.js';
import { stemFrenchWord } from './stem-french-word.js';
import type { NearQuery, WatchQuery, WatchTerm, WordTerm } from './watch-query.js';

/** A watch compiled against a lexicon: its check, and the words and stems it holds on to. */
export interface CompiledWatchQuery<E = unknown> {
  readonly matches: (item: PreparedItem<E>) => boolean;
  readonly words: readonly LexiconWord<E>[];
  readonly stems: readonly LexiconStem<E>[];
  readonly prefixes: readonly LexiconPrefix<E>[];
}

type Check<E> = (item: PreparedItem<E>) => boolean;
/** Pushes `[start, end]` (inclusive) of each occurrence of the term to `spans`. */
type Spans<E> = (item: PreparedItem<E>, spans: number[]) => void;

/** Where compiled checks get their words and stems: pinned in the lexicon at once, and listed for `unpin`. */
class Context<E> {
  readonly words: LexiconWord<E>[] = [];
  readonly stems: LexiconStem<E>[] = [];
  readonly prefixes: LexiconPrefix<E>[] = [];
  constructor(private readonly lexicon: Lexicon<E>) {}

  prefix(text: string): LexiconPrefix<E> {
    const prefix = this.lexicon.pinPrefix(text);
    this.prefixes.push(prefix);
    return prefix;
  }

  word(text: string): LexiconWord<E> {
    const word = this.lexicon.pinWord(text);
    this.words.push(word);
    return word;
  }

  stem(word: string): LexiconStem<E> {
    const stem = this.lexicon.pinStem(stemFrenchWord(word));
    this.stems.push(stem);
    return stem;
  }
}

function shortFieldOf<E>(item: PreparedItem<E>, field: ShortFieldName): ShortField {
  return item.short(field);
}

/** Starts of the phrase in a short field. */
function shortPhraseStarts(words: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, k) => words[i + k] === w)) starts.push(i);
  return starts;
}

function shortFieldSpans<E>(term: WatchTerm, field: ShortFieldName): Spans<E> {
  switch (term.kind) {
    case 'word': {
      const stem = stemFrenchWord(term.word);
      return (item, spans) => shortFieldOf(item, field).stems.forEach((s, i) => { if (s === stem) spans.push(i, i); });
    }
    case 'phrase':
      return (item, spans) => { for (const start of shortPhraseStarts(shortFieldOf(item, field).words, term.words)) spans.push(start, start + term.words.length - 1); };
    case 'prefix':
      return (item, spans) => shortFieldOf(item, field).words.forEach((w, i) => { if (w !== '' && w.startsWith(term.prefix)) spans.push(i, i); });
    default: {
      const unknown: never = term;
      return unknown;
    }
  }
}

/** Positions of a phrase in the item's text below `end`, checked word by word against the lexicon's objects. */
function textPhraseSpans<E>(phrase: readonly LexiconWord<E>[], title: boolean): Spans<E> {
  const first = phrase[0]!;
  const last = phrase.length - 1;
  return (item, spans) => {
    if (first.stamp !== item.stamp) return;
    const end = title ? item.titleEnd : item.length;
    for (let start = first.first; start >= 0; start = item.nextWord[start]!) {
      if (start + last >= end) return;
      let k = 1;
      while (k <= last && item.exact[start + k] === phrase[k]) k++;
      if (k > last) spans.push(start, start + last);
    }
  };
}

function termSpans<E>(term: WatchTerm, context: Context<E>): Spans<E> {
  if (term.field !== 'text' && term.field !== 'title') return shortFieldSpans(term, term.field);
  const title = term.field === 'title';
  switch (term.kind) {
    case 'word': {
      const stem = context.stem(term.word);
      return (item, spans) => {
        if (stem.stamp !== item.stamp) return;
        for (let p = stem.first; p >= 0 && (!title || p < item.titleEnd); p = item.nextStem[p]!) spans.push(p, p);
      };
    }
    case 'phrase': {
      const phrase = term.words.map((w) => context.word(w));
      return textPhraseSpans(phrase, title);
    }
    case 'prefix': {
      const prefix = term.prefix;
      const present = context.prefix(prefix);
      return (item, spans) => {
        if (present.stamp !== item.stamp) return;
        for (let i = 0; i < item.wordCount; i++) {
          const word = item.words[i]!;
          if (!word.text.startsWith(prefix)) continue;
          for (let p = word.first; p >= 0 && (!title || p < item.titleEnd); p = item.nextWord[p]!) spans.push(p, p);
        }
      };
    }
    default: {
      const unknown: never = term;
      return unknown;
    }
  }
}

/** A presence check: the same answer as "has spans", without collecting them for the common cases. */
function termCheck<E>(term: WatchTerm, context: Context<E>): Check<E> {
  if (term.kind === 'word' && (term.field === 'text' || term.field === 'title')) {
    const stem = context.stem(term.word);
    return term.field === 'text' ? (item) => stem.stamp === item.stamp : (item) => stem.stamp === item.stamp && stem.first < item.titleEnd;
  }
  if (term.field === 'text' && term.kind === 'prefix') {
    const prefix = context.prefix(term.prefix);
    return (item) => prefix.stamp === item.stamp;
  }
  const spans = termSpans(term, context);
  const found: number[] = [];
  return (item) => {
    found.length = 0;
    spans(item, found);
    return found.length > 0;
  };
}

/** True when some span of `a` and some span of `b` do not overlap and have at most `distance` words between them (`a` first when ordered). */
export function spansNear(a: readonly number[], b: readonly number[], distance: number, ordered: boolean): boolean {
  for (let i = 0; i < a.length; i += 2) {
    const aStart = a[i]!;
    const aEnd = a[i + 1]!;
    for (let j = 0; j < b.length; j += 2) {
      const bStart = b[j]!;
      const bEnd = b[j + 1]!;
      if (bStart > aEnd && bStart - aEnd - 1 <= distance) return true;
      if (!ordered && aStart > bEnd && aStart - bEnd - 1 <= distance) return true;
    }
  }
  return false;
}

function nearCheck<E>(near: NearQuery, context: Context<E>): Check<E> {
  const left = near.left.map((t) => termSpans(t, context));
  const right = near.right.map((t) => termSpans(t, context));
  const a: number[] = [];
  const b: number[] = [];
  return (item) => {
    a.length = 0;
    for (const spans of left) spans(item, a);
    if (a.length === 0) return false;
    b.length = 0;
    for (const spans of right) spans(item, b);
    return b.length > 0 && spansNear(a, b, near.distance, near.ordered);
  };
}

function check<E>(query: WatchQuery, context: Context<E>): Check<E> {
  switch (query.kind) {
    case 'word':
    case 'phrase':
    case 'prefix':
      return termCheck(query, context);
    case 'near':
      return nearCheck(query, context);
    case 'and': {
      // Plain words of the text are checked first, from one array of stems: the most common shape, and the cheapest test.
      const stems = query.children.filter((c) => c.kind === 'word' && c.field === 'text').map((c) => context.stem((c as WordTerm).word));
      const others = query.children.filter((c) => !(c.kind === 'word' && c.field === 'text')).map((c) => check(c, context));
      return (item) => {
        const stamp = item.stamp;
        for (let i = 0; i < stems.length; i++) if (stems[i]!.stamp !== stamp) return false;
        for (let i = 0; i < others.length; i++) if (!others[i]!(item)) return false;
        return true;
      };
    }
    case 'or': {
      const children = query.children.map((c) => check(c, context));
      return (item) => {
        for (const child of children) if (child(item)) return true;
        return false;
      };
    }
    case 'not': {
      const child = check(query.child, context);
      return (item) => !child(item);
    }
    default: {
      const unknown: never = query;
      return unknown;
    }
  }
}

/**
 * Turns a parsed query into an exact check of an item prepared with the
 * same lexicon (the engine runs it on the candidates its index selected).
 * The words and stems it refers to are returned so the lexicon keeps them.
 *
 * @example
 * const lexicon = new Lexicon();
 * const { matches } = compileWatchQuery(parseWatchQuery('budget -annexe'), lexicon);
 * matches(prepareItem(lexicon, { title: '', text: 'Les budgets' })); // true
 */
export function compileWatchQuery<E>(query: WatchQuery, lexicon: Lexicon<E>): CompiledWatchQuery<E> {
  const context = new Context(lexicon);
  const matches = check(query, context);
  return { matches, words: context.words, stems: context.stems, prefixes: context.prefixes };
}
