import type { FieldWords, PreparedItem } from './prepared-item.js';
import { stemFrenchWord } from './stem-french-word.js';
import type { NearQuery, WatchField, WatchQuery, WatchTerm } from './watch-query.js';

/** Whether a prepared item satisfies a watch query. */
export type CompiledWatchQuery = (item: PreparedItem) => boolean;

/** Where a field's words are, and the end (exclusive) of the positions it covers. */
function wordsOf(field: WatchField, item: PreparedItem): FieldWords {
  switch (field) {
    case 'text':
    case 'title':
      return item.text;
    case 'author':
    case 'site':
    case 'lang':
    case 'source':
      return item[field];
    default: {
      const unknown: never = field;
      return unknown;
    }
  }
}

function endOf(field: WatchField, item: PreparedItem): number {
  return field === 'title' ? item.titleEnd : Number.POSITIVE_INFINITY;
}

/** Pushes `[start, end]` (inclusive) of each occurrence of the term to `spans`. */
type SpanCollector = (item: PreparedItem, spans: number[]) => void;

function phraseAt(words: FieldWords, phrase: readonly string[], start: number): boolean {
  for (let k = 1; k < phrase.length; k++) if (words.exact[start + k] !== phrase[k]) return false;
  return true;
}

function compileTerm(term: WatchTerm): CompiledWatchQuery {
  const field = term.field;
  switch (term.kind) {
    case 'word': {
      const stem = stemFrenchWord(term.word);
      return (item) => {
        const positions = wordsOf(field, item).byStem.get(stem);
        return positions !== undefined && positions[0]! < endOf(field, item);
      };
    }
    case 'phrase': {
      const phrase = term.words;
      const last = phrase.length - 1;
      return (item) => {
        const words = wordsOf(field, item);
        const starts = words.byExact.get(phrase[0]!);
        if (starts === undefined) return false;
        const end = endOf(field, item);
        for (const start of starts) {
          if (start + last >= end) return false;
          if (phraseAt(words, phrase, start)) return true;
        }
        return false;
      };
    }
    case 'prefix': {
      const prefix = term.prefix;
      return (item) => {
        const end = endOf(field, item);
        for (const [word, positions] of wordsOf(field, item).byExact) if (positions[0]! < end && word.startsWith(prefix)) return true;
        return false;
      };
    }
    default: {
      const unknown: never = term;
      return unknown;
    }
  }
}

function collectSpans(term: WatchTerm): SpanCollector {
  const field = term.field;
  switch (term.kind) {
    case 'word': {
      const stem = stemFrenchWord(term.word);
      return (item, spans) => {
        const end = endOf(field, item);
        for (const position of wordsOf(field, item).byStem.get(stem) ?? []) if (position < end) spans.push(position, position);
      };
    }
    case 'phrase': {
      const phrase = term.words;
      const last = phrase.length - 1;
      return (item, spans) => {
        const words = wordsOf(field, item);
        const end = endOf(field, item);
        for (const start of words.byExact.get(phrase[0]!) ?? []) if (start + last < end && phraseAt(words, phrase, start)) spans.push(start, start + last);
      };
    }
    case 'prefix': {
      const prefix = term.prefix;
      return (item, spans) => {
        const end = endOf(field, item);
        for (const [word, positions] of wordsOf(field, item).byExact) {
          if (!word.startsWith(prefix)) continue;
          for (const position of positions) if (position < end) spans.push(position, position);
        }
      };
    }
    default: {
      const unknown: never = term;
      return unknown;
    }
  }
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

function compileNear(near: NearQuery): CompiledWatchQuery {
  const left = near.left.map(collectSpans);
  const right = near.right.map(collectSpans);
  return (item) => {
    const a: number[] = [];
    for (const collect of left) collect(item, a);
    if (a.length === 0) return false;
    const b: number[] = [];
    for (const collect of right) collect(item, b);
    return b.length > 0 && spansNear(a, b, near.distance, near.ordered);
  };
}

/**
 * Turns a parsed query into a function of a prepared item, evaluated exactly:
 * the engine calls it on the candidates its index selected.
 *
 * @example
 * compileWatchQuery(parseWatchQuery('budget -annexe'))(prepareItem({ title: '', text: 'Les budgets' })); // true
 */
export function compileWatchQuery(query: WatchQuery): CompiledWatchQuery {
  switch (query.kind) {
    case 'word':
    case 'phrase':
    case 'prefix':
      return compileTerm(query);
    case 'near':
      return compileNear(query);
    case 'and': {
      const children = query.children.map(compileWatchQuery);
      return (item) => {
        for (const child of children) if (!child(item)) return false;
        return true;
      };
    }
    case 'or': {
      const children = query.children.map(compileWatchQuery);
      return (item) => {
        for (const child of children) if (child(item)) return true;
        return false;
      };
    }
    case 'not': {
      const child = compileWatchQuery(query.child);
      return (item) => !child(item);
    }
    default: {
      const unknown: never = query;
      return unknown;
    }
  }
}
