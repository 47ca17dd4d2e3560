import { compileWatchQuery, type CompiledWatchQuery } from './compile-watch-query.js';
import { Lexicon, type LexiconStem } from './lexicon.js';
import type { MatchableItem } from './matchable-item.js';
import { prepareItem, type ShortField } from './prepared-item.js';
import { watchAnchors, type Anchor, type AnchorGroup } from './watch-anchors.js';
import { stemFrenchWord } from './stem-french-word.js';
import type { WatchQuery, WordTerm } from './watch-query.js';

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
  /** The exact check (held here, not behind `compiled`: one load fewer per candidate). */
  readonly matches: CompiledWatchQuery<Entry>['matches'];
  readonly compiled: CompiledWatchQuery<Entry>;
  readonly anchors: readonly Anchor[] | null;
  /** Being found under an anchor is a match (a plain word, or words joined by OR): no check needed. */
  readonly anchorSuffices: boolean;
  /**
   * Stems of plain words a top-level AND requires (its anchor's aside): a
   * candidate lacking one is dropped on the spot, before its check (most
   * false candidates of an AND end here, at the cost of one memory read).
   */
  readonly gates: readonly LexiconStem<Entry>[];
  /** The `match` call that last took it as a candidate (so a watch is checked once per item). */
  seen: number;
}

type ShortGroup = Exclude<AnchorGroup, 'text'>;
const SHORT_GROUPS: readonly ShortGroup[] = ['author', 'site', 'lang', 'source'];

/** Removes one entry from an unordered list (the last one takes its place). */
function removeFrom(list: Entry[], entry: Entry): boolean {
  const at = list.indexOf(entry);
  if (at < 0) return false;
  list[at] = list[list.length - 1]!;
  list.pop();
  return true;
}

/** Watches by anchor value, with how many prefixes there are of each length (for short fields). */
class Postings {
  readonly byValue = new Map<string, Entry[]>();
  readonly prefixLengths = new Map<number, number>();

  add(value: string, entry: Entry, isPrefix: boolean): boolean {
    let list = this.byValue.get(value);
    const created = list === undefined;
    if (list === undefined) {
      this.byValue.set(value, (list = []));
      if (isPrefix) this.prefixLengths.set(value.length, (this.prefixLengths.get(value.length) ?? 0) + 1);
    }
    list.push(entry);
    return created;
  }

  /** Returns whether the value has no watch left. */
  delete(value: string, entry: Entry, isPrefix: boolean): boolean {
    const list = this.byValue.get(value);
    if (list === undefined || !removeFrom(list, entry) || list.length > 0) return false;
    this.byValue.delete(value);
    if (isPrefix) {
      const count = this.prefixLengths.get(value.length)! - 1;
      if (count === 0) this.prefixLengths.delete(value.length);
      else this.prefixLengths.set(value.length, count);
    }
    return true;
  }
}

function isWordsOnly(query: WatchQuery): boolean {
  return (query.kind === 'word' && query.field === 'text') || (query.kind === 'or' && query.children.every(isWordsOnly));
}

/**
 * An empty watch index. The presearcher keeps each watch under its
 * anchors (see `watchAnchors`); an item is read once into the index's
 * lexicon, its stems and word prefixes lead to the watches anchored there,
 * and only those — plus the watches without anchors — are checked exactly.
 * `maxWords` bounds the lexicon (words no watch refers to are forgotten
 * past it; tests set it low).
 *
 * @example
 * const index = createWatchIndex();
 * index.set(1, parseWatchQuery('budget primitif'));
 * index.set(2, parseWatchQuery('NOT budget'));
 * index.match({ title: 'Le budget', text: 'Le budget primitif est voté.' }); // [1]
 */
export function createWatchIndex(options: { readonly maxWords?: number } = {}): WatchIndex {
  const lexicon = new Lexicon<Entry>(options.maxWords);
  const entries = new Map<number, Entry>();
  const always: Entry[] = [];
  const shortStems = new Map<ShortGroup, Postings>(SHORT_GROUPS.map((g) => [g, new Postings()]));
  const shortPrefixes = new Map<ShortGroup, Postings>(SHORT_GROUPS.map((g) => [g, new Postings()]));
  let calls = 0;

  function index(entry: Entry, adding: boolean): void {
    if (entry.anchors === null) {
      if (adding) always.push(entry);
      else removeFrom(always, entry);
      return;
    }
    for (const anchor of entry.anchors) {
      const prefix = anchor.kind === 'prefix';
      if (anchor.group === 'text' && !prefix) {
        if (adding) lexicon.pinStem(anchor.value).watches.push(entry);
        else {
          const stem = lexicon.stemOf(anchor.value);
          removeFrom(stem.watches, entry);
          lexicon.unpin([], [stem]);
        }
        continue;
      }
      if (anchor.group === 'text') {
        if (adding) lexicon.pinPrefix(anchor.value).watches.push(entry);
        else {
          const held = lexicon.heldPrefix(anchor.value)!;
          removeFrom(held.watches, entry);
          lexicon.unpin([], [], [held]);
        }
        continue;
      }
      const postings = (prefix ? shortPrefixes : shortStems).get(anchor.group)!;
      if (adding) postings.add(anchor.value, entry, prefix);
      else postings.delete(anchor.value, entry, prefix);
    }
  }

  function takeShortField(field: ShortField, group: ShortGroup, take: (list: readonly Entry[] | undefined) => void): void {
    const stems = shortStems.get(group)!;
    const prefixes = shortPrefixes.get(group)!;
    if (stems.byValue.size > 0) for (const stem of field.stems) take(stems.byValue.get(stem));
    if (prefixes.byValue.size > 0) {
      for (const word of field.words) for (const length of prefixes.prefixLengths.keys()) if (length <= word.length) take(prefixes.byValue.get(word.slice(0, length)));
    }
  }

  return {
    set(id, query) {
      this.remove(id);
      const compiled = compileWatchQuery(query, lexicon);
      const anchors = watchAnchors(query);
      const gates = query.kind !== 'and' ? [] : query.children
        .filter((c): c is WordTerm => c.kind === 'word' && c.field === 'text')
        .map((c) => stemFrenchWord(c.word))
        .filter((stem) => !anchors?.some((a) => a.kind === 'stem' && a.group === 'text' && a.value === stem))
        .map((stem) => lexicon.pinStem(stem));
      const entry: Entry = { id, matches: compiled.matches, compiled, gates, anchors, anchorSuffices: isWordsOnly(query), seen: 0 };
      entries.set(id, entry);
      index(entry, true);
    },
    remove(id) {
      const entry = entries.get(id);
      if (entry === undefined) return;
      index(entry, false);
      lexicon.unpin(entry.compiled.words, entry.compiled.stems, entry.compiled.prefixes);
      lexicon.unpin([], entry.gates);
      entries.delete(id);
    },
    match(item) {
      const call = ++calls;
      const prepared = prepareItem(lexicon, item);
      const candidates: Entry[] = [];
      const matched: number[] = [];
      const take = (list: readonly Entry[] | undefined) => {
        if (list === undefined) return;
        for (let i = 0; i < list.length; i++) {
          const entry = list[i]!;
          if (entry.seen === call) continue;
          entry.seen = call;
          if (entry.anchorSuffices) matched.push(entry.id);
          else candidates.push(entry);
        }
      };
      for (let i = 0; i < prepared.stemCount; i++) {
        const stem = prepared.stems[i]!;
        if (stem.watches.length > 0) take(stem.watches);
      }
      if (lexicon.hasPrefixes) {
        for (let i = 0; i < prepared.wordCount; i++) {
          for (const prefix of prepared.words[i]!.prefixes) if (prefix.watches.length > 0) take(prefix.watches);
        }
      }
      for (const group of SHORT_GROUPS) {
        if (shortStems.get(group)!.byValue.size > 0 || shortPrefixes.get(group)!.byValue.size > 0) takeShortField(prepared.short(group), group, take);
      }
      take(always);
      const stamp = prepared.stamp;
      candidates: for (const entry of candidates) {
        for (const gate of entry.gates) if (gate.stamp !== stamp) continue candidates;
        if (entry.matches(prepared)) matched.push(entry.id);
      }
      return matched.sort((a, b) => a - b);
    },
    get size() {
      return entries.size;
    },
  };
}
