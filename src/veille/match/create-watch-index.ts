import { compileWatchQuery, type CompiledWatchQuery } from './compile-watch-query.js';
import type { MatchableItem } from './matchable-item.js';
import { prepareItem, type FieldWords, type PreparedItem } from './prepared-item.js';
import { watchAnchors, type Anchor, type AnchorGroup } from './watch-anchors.js';
import type { WatchQuery } from './watch-query.js';

export type { WatchQuery } from './watch-query.js';

/** The watches, indexed for matching items as they arrive. */
export interface WatchIndex {
  /** Adds or replaces a watch; takes effect for the next `match`. */
  set(id: number, query: WatchQuery): void;
  /** Removes a watch (no-op when unknown). */
  remove(id: number): void;
  /** The ids of the watches the item matches, ascending. */
  match(item: MatchableItem): number[];
  /** How many watches are indexed. */
  readonly size: number;
}

interface Entry {
  readonly id: number;
  readonly matches: CompiledWatchQuery;
  readonly anchors: readonly Anchor[] | null;
  /** The `match` call that last took it as a candidate (so a watch is verified once per item). */
  seen: number;
}

/** Watches by anchor value, for one group of one kind, with how many prefixes there are of each length. */
interface Postings {
  readonly byValue: Map<string, Set<Entry>>;
  readonly prefixLengths: Map<number, number>;
}

const GROUPS: readonly AnchorGroup[] = ['text', 'author', 'site', 'lang', 'source'];

function wordsOfGroup(item: PreparedItem, group: AnchorGroup): FieldWords {
  return item[group];
}

/**
 * An empty watch index: the presearcher keeps each watch under its anchors
 * (see `watchAnchors`); an item looks up its own stems and word prefixes,
 * and only the watches found there — plus those without anchors — are
 * verified exactly on the item's words.
 *
 * @example
 * const index = createWatchIndex();
 * index.set(1, parseWatchQuery('budget primitif'));
 * index.set(2, parseWatchQuery('NOT budget'));
 * index.match({ title: 'Le budget', text: 'Le budget primitif est voté.' }); // [1]
 */
export function createWatchIndex(): WatchIndex {
  const entries = new Map<number, Entry>();
  const always = new Set<Entry>();
  const stems = new Map<AnchorGroup, Postings>();
  const prefixes = new Map<AnchorGroup, Postings>();
  let calls = 0;

  function postingsFor(anchor: Anchor): Postings {
    const table = anchor.kind === 'stem' ? stems : prefixes;
    let postings = table.get(anchor.group);
    if (postings === undefined) table.set(anchor.group, (postings = { byValue: new Map(), prefixLengths: new Map() }));
    return postings;
  }

  function unindex(entry: Entry): void {
    if (entry.anchors === null) {
      always.delete(entry);
      return;
    }
    for (const anchor of entry.anchors) {
      const postings = postingsFor(anchor);
      const set = postings.byValue.get(anchor.value);
      if (set === undefined || !set.delete(entry) || set.size > 0) continue;
      postings.byValue.delete(anchor.value);
      if (anchor.kind === 'prefix') {
        const count = postings.prefixLengths.get(anchor.value.length)! - 1;
        if (count === 0) postings.prefixLengths.delete(anchor.value.length);
        else postings.prefixLengths.set(anchor.value.length, count);
      }
    }
  }

  function index(entry: Entry): void {
    if (entry.anchors === null) {
      always.add(entry);
      return;
    }
    for (const anchor of entry.anchors) {
      const postings = postingsFor(anchor);
      let set = postings.byValue.get(anchor.value);
      if (set === undefined) {
        postings.byValue.set(anchor.value, (set = new Set()));
        if (anchor.kind === 'prefix') postings.prefixLengths.set(anchor.value.length, (postings.prefixLengths.get(anchor.value.length) ?? 0) + 1);
      }
      set.add(entry);
    }
  }

  return {
    set(id, query) {
      const previous = entries.get(id);
      if (previous !== undefined) unindex(previous);
      const entry: Entry = { id, matches: compileWatchQuery(query), anchors: watchAnchors(query), seen: 0 };
      entries.set(id, entry);
      index(entry);
    },
    remove(id) {
      const entry = entries.get(id);
      if (entry === undefined) return;
      unindex(entry);
      entries.delete(id);
    },
    match(item) {
      const call = ++calls;
      const prepared = prepareItem(item);
      const candidates: Entry[] = [];
      const take = (set: Set<Entry> | undefined) => {
        if (set === undefined) return;
        for (const entry of set) {
          if (entry.seen === call) continue;
          entry.seen = call;
          candidates.push(entry);
        }
      };
      for (const group of GROUPS) {
        const byStem = stems.get(group)?.byValue;
        const prefixPostings = prefixes.get(group);
        if (byStem === undefined && prefixPostings === undefined) continue;
        const words = wordsOfGroup(prepared, group);
        if (byStem !== undefined && byStem.size > 0) for (const stem of words.byStem.keys()) take(byStem.get(stem));
        if (prefixPostings === undefined || prefixPostings.byValue.size === 0) continue;
        for (const word of words.byExact.keys()) {
          for (const length of prefixPostings.prefixLengths.keys()) if (length <= word.length) take(prefixPostings.byValue.get(word.slice(0, length)));
        }
      }
      take(always);
      const matched: number[] = [];
      for (const entry of candidates) if (entry.matches(prepared)) matched.push(entry.id);
      return matched.sort((a, b) => a - b);
    },
    get size() {
      return entries.size;
    },
  };
}
