import type { Executor } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { createWatchIndex, type WatchIndex } from '../match/create-watch-index.js';
import { parseWatchQuery } from '../match/parse-watch-query.js';
import type { MatchToRecord, ItemToMatch } from './match-store.js';
import { listWatches, loadWatchVersion, watchScope, type WatchVersion } from './store.js';
import { toMatchableItem } from './to-matchable-item.js';
import { coversSource, type WatchScope } from './watch-scope.js';

/** The watches in memory, indexed for matching, kept in step with the database. */
export interface WatchMatcher {
  /**
   * Reloads the watches that changed since the last look (a cheap version read first: another
   * process may have added, changed or removed one). Call before matching.
   */
  sync(): Promise<void>;
  /** The (watch, item) pairs among these items, each within its watch's sources. */
  match(items: readonly ItemToMatch[]): MatchToRecord[];
  /** How many watches are indexed. */
  readonly size: number;
}

interface Loaded {
  readonly updatedAt: string;
  readonly scope: WatchScope;
}

/** A matcher over the stored watches, empty until its first `sync()`. */
export function createWatchMatcher(db: Executor, logger?: Pick<Logger, 'warn'>): WatchMatcher {
  const index: WatchIndex = createWatchIndex();
  const loaded = new Map<number, Loaded>();
  let version: WatchVersion | undefined;
  let syncing: Promise<void> | undefined;

  async function reload(): Promise<void> {
    const current = await loadWatchVersion(db);
    if (version && current.count === version.count && current.latest === version.latest) return;
    const rows = await listWatches(db);
    const seen = new Set<number>();
    for (const row of rows) {
      seen.add(row.id);
      if (loaded.get(row.id)?.updatedAt === row.updated_at) continue;
      try {
        index.set(row.id, parseWatchQuery(row.query));
        loaded.set(row.id, { updatedAt: row.updated_at, scope: watchScope(row) });
      } catch (error) {
        // Saved queries were parsed on save: only a change in the language can make one unreadable.
        index.remove(row.id);
        loaded.delete(row.id);
        logger?.warn({ err: error, watchId: row.id }, 'veille.watch.unreadable');
      }
    }
    for (const id of [...loaded.keys()]) {
      if (!seen.has(id)) { index.remove(id); loaded.delete(id); }
    }
    version = current;
  }

  return {
    async sync() {
      // Concurrent polls share one reload instead of each reading every watch.
      syncing ??= reload().finally(() => { syncing = undefined; });
      await syncing;
    },
    match(items) {
      const found: MatchToRecord[] = [];
      for (const item of items) {
        for (const watchId of index.match(toMatchableItem(item))) {
          const scope = loaded.get(watchId)?.scope;
          if (scope && coversSource(scope, { id: item.sourceId, kind: item.sourceKind })) found.push({ watchId, itemId: item.id, groupId: item.groupId });
        }
      }
      return found;
    },
    get size() { return index.size; },
  };
}
