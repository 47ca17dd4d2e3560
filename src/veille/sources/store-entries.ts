import type { Db } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import type { AdapterEntry } from '../adapters/source-adapter.js';
import { storeItem } from '../items/store-item.js';
import type { EntrySource } from '../normalize/entry-source.js';
import { normalizeItem } from '../normalize/normalize-item.js';
import type { FeedEntry } from '../parse/parsed-feed.js';

/** How many of a batch's entries were new and how many changed. */
export interface StoredCounts {
  readonly newItems: number;
  readonly updatedItems: number;
}

/**
 * Normalises and stores a poll's entries, each in a transaction of its own (`storeItem`: same
 * item updated, not duplicated; a new one placed in its story group). An entry's own declared
 * language (a social network's) comes before the source's. One bad entry is logged and skipped,
 * never stopping the batch. The ids of the new items then go to `onItemsStored` (the watches match
 * them), whose failure is logged and never fails the poll.
 */
export async function storeEntries(
  deps: {
    readonly db: Db;
    readonly logger?: Pick<Logger, 'warn'> | undefined;
    readonly onItemsStored?: ((itemIds: readonly number[]) => Promise<unknown>) | undefined;
  },
  sourceId: number,
  entries: readonly (FeedEntry | AdapterEntry)[],
  source: EntrySource,
  now: Date,
): Promise<StoredCounts> {
  let newItems = 0;
  let updatedItems = 0;
  const newIds: number[] = [];
  for (const entry of entries) {
    try {
      const language = 'language' in entry && entry.language !== undefined ? entry.language : source.language;
      const item = normalizeItem(entry, language === undefined ? source : { ...source, language }, { now });
      const outcome = await deps.db.kysely.transaction().execute((trx) => storeItem(trx, deps.db.dialect, sourceId, item, now, (id) => newIds.push(id)));
      if (outcome === 'new') newItems++;
      if (outcome === 'updated') updatedItems++;
    } catch (error) {
      deps.logger?.warn({ err: error, sourceId }, 'veille.item.failed');
    }
  }
  if (newIds.length > 0 && deps.onItemsStored) {
    await deps.onItemsStored(newIds).catch((error: unknown) => deps.logger?.warn({ err: error, sourceId }, 'veille.match.failed'));
  }
  return { newItems, updatedItems };
}
