import type { DialectName, Executor } from '../../db/database.js';
import { foldWords } from '../normalize/fold-words.js';
import type { NormalizedItem } from '../normalize/normalized-item.js';
import { sameItemKey } from '../dedupe/same-item-key.js';
import { simhashBands } from '../dedupe/simhash-bands.js';
import { simhashOfWords } from '../dedupe/simhash.js';
import { MIN_SIMHASH_WORDS } from '../dedupe/story-grouper.js';
import { chooseStoryGroup } from './choose-story-group.js';
import { simhashToHex } from './simhash-hex.js';
import { storableText } from './storable-text.js';
import { findItemByKey, insertItem, replaceItemBands, updateItem } from './store.js';

/** What storing one item did: a new row, a changed one, or nothing. */
export type StoreItemOutcome = 'new' | 'updated' | 'unchanged';

/**
 * Upserts one normalised item of a source under its same-item key (an item seen again is updated,
 * never duplicated) and, when it is new, places it in a story group across sources. Run it in a
 * transaction of its own: grouping holds a lock until the transaction ends. `onNew` hears the id of
 * a new item (polling hands them to the watches once the transaction is over).
 */
export async function storeItem(
  db: Executor, dialect: DialectName, sourceId: number, item: NormalizedItem, now: Date, onNew?: (itemId: number) => void,
): Promise<StoreItemOutcome> {
  const itemKey = storableText(sameItemKey(item));
  const words = foldWords(item.plainText);
  const hash = words.length >= MIN_SIMHASH_WORDS ? simhashOfWords(words) : undefined;
  const bandKeys = hash ? simhashBands(hash).map((value, band) => `${band}:${value}`) : [];
  const fields = {
    guid: storableText(item.guid),
    link: item.link ?? null,
    canonical_link: item.canonicalLink ?? null,
    title: storableText(item.title),
    author: nullable(item.author),
    published_at: item.published ?? null,
    updated_at_source: item.updated ?? null,
    summary: nullable(item.summary),
    content: nullable(item.content),
    plain_text: storableText(item.plainText),
    language: item.language ?? null,
    categories: JSON.stringify(item.categories),
    enclosures: JSON.stringify(item.enclosures),
    content_hash: item.contentHash,
    simhash: hash ? simhashToHex(hash) : null,
    updated_at: now.toISOString(),
  };
  const stored = await findItemByKey(db, sourceId, itemKey);
  if (stored) {
    if (stored.contentHash === item.contentHash && stored.title === fields.title && stored.updatedAtSource === fields.updated_at_source) {
      return 'unchanged';
    }
    await updateItem(db, stored.id, fields);
    await replaceItemBands(db, stored.id, bandKeys);
    return 'updated';
  }
  // Every title-only entry has the hash of '': it must not make them one story (as StoryGrouper does).
  const contentHash = item.plainText === '' ? undefined : item.contentHash;
  const groupId = await chooseStoryGroup(db, dialect, { canonicalLink: item.canonicalLink, contentHash, simhash: hash, bandKeys }, now);
  const itemId = await insertItem(db, { ...fields, source_id: sourceId, item_key: itemKey, created_at: now.toISOString(), group_id: groupId });
  await replaceItemBands(db, itemId, bandKeys, true);
  onNew?.(itemId);
  return 'new';
}

function nullable(text: string | undefined): string | null {
  return text === undefined ? null : storableText(text);
}
