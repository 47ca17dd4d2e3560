import { compileWatchQuery, type CompiledWatchQuery } from './compile-watch-query.js';
import { Lexicon } from './lexicon.js';
import type { MatchableItem } from './matchable-item.js';
import { prepareItem, type ShortField } from './prepared-item.js';
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
  readonly compiled: CompiledWatchQuery<Entry>;
  readonly anchors: readonly Anchor[] | null;
  /** Being found under an anchor is a match (a plain word, or words joined by OR): no check needed. */
  readonly anchorSuffices: boolean;
  /** The `match` call that last took it as a candidate (so a watch is checked once per item). */
  seen: number;
}

type ShortGroup = Exclude<AnchorGroup, 'text'>;
const SHORT_GROUPS: readonly ShortGroup[] = ['author', 'site', 'lang', 'source'];

/** Watches by anchor value, with how many prefixes there are of each length (for short fields). */
class Postings {
  readonly byValue = new Map<string, Set<Entry>>();
  readonly prefixLengths = new Map<number, number>();

  add(value: string, entry: Entry, isPrefix: boolean): boolean {
    let set = this.byValue.get(value);
    const created = set === undefined;
    if (set === undefined) {
      this.byValue.set(value, (set = new Set()));
      if (isPrefix) this.prefixLengths.set(value.length, (this.prefixLengths.get(value.length) ?? 0) + 1);
    }
    set.add(entry);
    return created;
  }

  /** Returns whether the value has no watch left. */
  delete(value: string, entry: Entry, isPrefix: boolean): boolean {
    const set = this.byValue.get(value);
    if (set === undefined || !set.delete(entry) || set.size > 0) return false;
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
 *
 * @example
 * const index = createWatchIndex();
 * index.set(1, parseWatchQuery('budget primitif'));
 * index.set(2, parseWatchQuery('NOT budget'));
 * index.match({ title: 'Le budget', text: 'Le budget primitif est voté.' }); // [1]
 */
export function createWatchIndex(): WatchIndex {
  const lexicon = new Lexicon<Entry>();
  const entries = new Map<number, Entry>();
  const always = new Set<Entry>();
  const textPrefixes = new Postings();
  const shortStems = new Map<ShortGroup, Postings>(SHORT_GROUPS.map((g) => [g, new Postings()]));
  const shortPrefixes = new Map<ShortGroup, Postings>(SHORT_GROUPS.map((g) => [g, new Postings()]));
  // Bumped when a text prefix gains its first watch or loses its last: words then look up their prefixes again.
  let prefixVersion = 0;
  let calls = 0;

  function index(entry: Entry, adding: boolean): void {
    if (entry.anchors === null) {
      if (adding) always.add(entry);
      else always.delete(entry);
      return;
    }
    for (const anchor of entry.anchors) {
      const prefix = anchor.kind === 'prefix';
      if (anchor.group === 'text' && !prefix) {
        if (adding) lexicon.pinStem(anchor.value).watches.add(entry);
        else {
          const stem = lexicon.stemOf(anchor.value);
          stem.watches.delete(entry);
          lexicon.unpin([], [stem]);
        }
        continue;
      }
      const postings = anchor.group === 'text' ? textPrefixes : (prefix ? shortPrefixes : shortStems).get(anchor.group)!;
      const changed = adding ? postings.add(anchor.value, entry, prefix) : postings.delete(anchor.value, entry, prefix);
      if (changed && anchor.group === 'text') prefixVersion++;
    }
  }

  function takeShortField(field: ShortField, group: ShortGroup, take: (set: Set<Entry> | undefined) => void): void {
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
      const entry: Entry = { id, compiled: compileWatchQuery(query, lexicon), anchors: watchAnchors(query), anchorSuffices: isWordsOnly(query), seen: 0 };
      entries.set(id, entry);
      index(entry, true);
    },
    remove(id) {
      const entry = entries.get(id);
      if (entry === undefined) return;
      index(entry, false);
      lexicon.unpin(entry.compiled.words, entry.compiled.stems);
      entries.delete(id);
    },
    match(item) {
      const call = ++calls;
      const prepared = prepareItem(lexicon, item);
      const candidates: Entry[] = [];
      const matched: number[] = [];
      const take = (set: Set<Entry> | undefined) => {
        if (set === undefined) return;
        for (const entry of set) {
          if (entry.seen === call) continue;
          entry.seen = call;
          if (entry.anchorSuffices) matched.push(entry.id);
          else candidates.push(entry);
        }
      };
      for (let i = 0; i < prepared.stemCount; i++) {
        const stem = prepared.stems[i]!;
        if (stem.watches.size > 0) take(stem.watches);
      }
      if (textPrefixes.byValue.size > 0) {
        for (let i = 0; i < prepared.wordCount; i++) {
          const word = prepared.words[i]!;
          if (word.prefixVersion !== prefixVersion) {
            const hits: Set<Entry>[] = [];
            for (const length of textPrefixes.prefixLengths.keys()) {
              const set = length <= word.text.length ? textPrefixes.byValue.get(word.text.slice(0, length)) : undefined;
              if (set !== undefined) hits.push(set);
            }
            word.prefixHits = hits.length > 0 ? hits : null;
            word.prefixVersion = prefixVersion;
          }
          if (word.prefixHits !== null) for (const set of word.prefixHits) take(set);
        }
      }
      for (const group of SHORT_GROUPS) {
        if (shortStems.get(group)!.byValue.size > 0 || shortPrefixes.get(group)!.byValue.size > 0) takeShortField(prepared.short(group), group, take);
      }
      take(always);
      for (const entry of candidates) if (entry.compiled.matches(prepared)) matched.push(entry.id);
      return matched.sort((a, b) => a - b);
    },
    get size() {
      return entries.size;
    },
  };
}
