import { foldTokens } from '../src/veille/match/fold-tokens.js';
import type { MatchableItem } from '../src/veille/match/matchable-item.js';
import { stemFrenchWord } from '../src/veille/match/stem-french-word.js';
import type { WatchQuery, WatchTerm } from '../src/veille/match/watch-query.js';

/** An item's words as a simple implementation keeps them: where each word and each stem occurs. */
interface ItemWords {
  readonly words: readonly string[];
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  readonly byStem: ReadonlyMap<string, readonly number[]>;
  readonly titleEnd: number;
}

function readItem(item: MatchableItem): ItemWords {
  const title = foldTokens(item.title);
  // Title, then a gap wider than any NEAR, then the text.
  const words = [...title, ...new Array<string>(60).fill(''), ...foldTokens(item.text)];
  const byWord = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  words.forEach((word, position) => {
    if (word === '') return;
    const stem = stemFrenchWord(word);
    (byWord.get(word) ?? byWord.set(word, []).get(word)!).push(position);
    (byStem.get(stem) ?? byStem.set(stem, []).get(stem)!).push(position);
  });
  return { words, byWord, byStem, titleEnd: title.length };
}

function spans(term: WatchTerm, item: ItemWords): [number, number][] {
  const end = term.field === 'title' ? item.titleEnd : item.words.length;
  if (term.field !== 'text' && term.field !== 'title') throw new Error('the naive loop of the bench reads the title and the text only');
  switch (term.kind) {
    case 'word':
      return (item.byStem.get(stemFrenchWord(term.word)) ?? []).filter((p) => p < end).map((p) => [p, p]);
    case 'phrase':
      return (item.byWord.get(term.words[0]!) ?? [])
        .filter((p) => p + term.words.length <= end && term.words.every((w, k) => item.words[p + k] === w))
        .map((p) => [p, p + term.words.length - 1]);
    case 'prefix':
      return [...item.byWord].filter(([w]) => w.startsWith(term.prefix)).flatMap(([, ps]) => ps.filter((p) => p < end).map((p): [number, number] => [p, p]));
  }
}

function evaluate(query: WatchQuery, item: ItemWords): boolean {
  switch (query.kind) {
    case 'word':
    case 'phrase':
    case 'prefix':
      return spans(query, item).length > 0;
    case 'near': {
      const left = query.left.flatMap((t) => spans(t, item));
      const right = query.right.flatMap((t) => spans(t, item));
      return left.some(([ls, le]) => right.some(([rs, re]) => (rs > le && rs - le - 1 <= query.distance) || (!query.ordered && ls > re && ls - re - 1 <= query.distance)));
    }
    case 'and': return query.children.every((c) => evaluate(c, item));
    case 'or': return query.children.some((c) => evaluate(c, item));
    case 'not': return !evaluate(query.child, item);
  }
}

/**
 * The loop a first implementation would write: read the item once into
 * maps of words and stems, then walk every watch's parsed tree. The bench's
 * second baseline (the first runs the engine's own compiled checks on every
 * watch, without the presearcher).
 */
export function naiveTreeLoop(queries: readonly WatchQuery[]): (item: MatchableItem) => number[] {
  return (item) => {
    const words = readItem(item);
    const matched: number[] = [];
    queries.forEach((query, id) => { if (evaluate(query, words)) matched.push(id); });
    return matched;
  };
}
