import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { DialectName, Executor } from '../../db/database.js';
import type { VeilleItemsTable } from '../../db/schema.js';

/** An item row as stored. */
export type ItemRow = Selectable<VeilleItemsTable>;

/** The stored fields of an item (everything but its id, group and kept flag). */
export type ItemFields = Omit<Insertable<VeilleItemsTable>, 'id' | 'group_id' | 'kept'>;

/** A new item: its fields and the story group it joins. */
export type NewItem = ItemFields & { readonly group_id: number };

/** What the upsert needs to know of an item already stored under a key. */
export interface StoredItemState {
  readonly id: number;
  readonly contentHash: string;
  readonly title: string;
  readonly updatedAtSource: string | null;
}

/** The item a source stored under this same-item key, if any. */
export async function findItemByKey(db: Executor, sourceId: number, itemKey: string): Promise<StoredItemState | undefined> {
  const row = await db.selectFrom('veille_items').select(['id', 'content_hash', 'title', 'updated_at_source'])
    .where('source_id', '=', sourceId).where('item_key', '=', itemKey).executeTakeFirst();
  return row && { id: row.id, contentHash: row.content_hash, title: row.title, updatedAtSource: row.updated_at_source };
}

/** Stores a new item; returns its id. */
export async function insertItem(db: Executor, fields: NewItem): Promise<number> {
  const row = await db.insertInto('veille_items').values({ ...fields, kept: 0 }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a stored item's fields with those of its newer version (its group and kept flag stay). */
export async function updateItem(db: Executor, id: number, fields: Omit<ItemFields, 'source_id' | 'item_key' | 'created_at'>): Promise<void> {
  await db.updateTable('veille_items').set(fields).where('id', '=', id).execute();
}

/** Any number: the key of the PostgreSQL advisory lock that serialises story grouping. */
const GROUPING_LOCK_KEY = 7_352_006;

/**
 * Holds story grouping to one transaction at a time until the caller's transaction ends: two
 * workers storing the same story at once would otherwise each find no group and open one. On
 * PostgreSQL a transaction-level advisory lock; SQLite runs one writer at a time already.
 */
export async function lockStoryGrouping(db: Executor, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${GROUPING_LOCK_KEY})`.execute(db);
}

/** The lowest story group holding an item with this canonical link. */
export async function findGroupByLink(db: Executor, canonicalLink: string): Promise<number | undefined> {
  const row = await db.selectFrom('veille_items').select('group_id').where('canonical_link', '=', canonicalLink)
    .where('group_id', 'is not', null).orderBy('group_id').limit(1).executeTakeFirst();
  return row?.group_id ?? undefined;
}

/** The lowest story group holding an item with exactly this text. */
export async function findGroupByContentHash(db: Executor, contentHash: string): Promise<number | undefined> {
  const row = await db.selectFrom('veille_items').select('group_id').where('content_hash', '=', contentHash)
    .where('group_id', 'is not', null).orderBy('group_id').limit(1).executeTakeFirst();
  return row?.group_id ?? undefined;
}

/** Grouped items sharing at least one SimHash band with the given keys: the near-duplicate candidates. */
export async function findBandCandidates(db: Executor, bandKeys: readonly string[]): Promise<{ groupId: number; simhash: string }[]> {
  if (bandKeys.length === 0) return [];
  const rows = await db.selectFrom('veille_item_bands as b').innerJoin('veille_items as i', 'i.id', 'b.item_id')
    .select(['i.group_id', 'i.simhash']).distinct()
    .where('b.band_key', 'in', bandKeys).where('i.group_id', 'is not', null).where('i.simhash', 'is not', null)
    .execute();
  return rows.map((r) => ({ groupId: r.group_id!, simhash: r.simhash! }));
}

/** Replaces an item's SimHash band keys (`fresh`: it has none yet). */
export async function replaceItemBands(db: Executor, itemId: number, bandKeys: readonly string[], fresh = false): Promise<void> {
  if (!fresh) await db.deleteFrom('veille_item_bands').where('item_id', '=', itemId).execute();
  if (bandKeys.length === 0) return;
  await db.insertInto('veille_item_bands').values(bandKeys.map((band_key) => ({ band_key, item_id: itemId }))).execute();
}

/** Opens a new, empty story group. */
export async function createGroup(db: Executor, now: Date): Promise<number> {
  const row = await db.insertInto('veille_groups').values({ size: 0, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Counts one more item in a group's size. */
export async function countInGroup(db: Executor, groupId: number): Promise<void> {
  await db.updateTable('veille_groups').set((eb) => ({ size: eb('size', '+', 1) })).where('id', '=', groupId).execute();
}

/** A group's size as kept on its row. */
export async function groupSize(db: Executor, groupId: number): Promise<number | undefined> {
  const row = await db.selectFrom('veille_groups').select('size').where('id', '=', groupId).executeTakeFirst();
  return row?.size;
}

/** A source's items, newest first. */
export async function listSourceItems(db: Executor, sourceId: number): Promise<ItemRow[]> {
  return db.selectFrom('veille_items').selectAll().where('source_id', '=', sourceId)
    .orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
}

/** What the sources screen shows of an item: its title, link, date and the size of its story group. */
export interface SourceItemSummary {
  readonly id: number;
  readonly title: string;
  readonly link: string | null;
  readonly publishedAt: string | null;
  readonly groupSize: number | null;
}

/** A source's `limit` latest items, newest first, each with its story group's size. */
export async function listLatestSourceItems(db: Executor, sourceId: number, limit: number): Promise<SourceItemSummary[]> {
  const rows = await db.selectFrom('veille_items as i').leftJoin('veille_groups as g', 'g.id', 'i.group_id')
    .select(['i.id', 'i.title', 'i.link', 'i.published_at', 'g.size']).where('i.source_id', '=', sourceId)
    .orderBy('i.published_at', 'desc').orderBy('i.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, title: r.title, link: r.link, publishedAt: r.published_at, groupSize: r.size }));
}

/** The latest publication dates of a source's items, newest first: its rhythm. */
export async function recentPublicationDates(db: Executor, sourceId: number, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('veille_items').select('published_at').where('source_id', '=', sourceId)
    .where('published_at', 'is not', null).orderBy('published_at', 'desc').limit(limit).execute();
  return rows.map((r) => r.published_at!);
}

/** Marks an item kept (never purged) or not. */
export async function setItemKept(db: Executor, id: number, kept: boolean): Promise<void> {
  await db.updateTable('veille_items').set({ kept: kept ? 1 : 0 }).where('id', '=', id).execute();
}

/**
 * Deletes items stored before `before` that nobody kept; the groups they leave get their size
 * recounted, and emptied groups go. Returns how many items were deleted.
 */
export async function purgeItemsStoredBefore(db: Executor, before: Date): Promise<number> {
  const deleted = await db.deleteFrom('veille_items').where('created_at', '<', before.toISOString()).where('kept', '=', 0)
    .returning('group_id').execute();
  await recountGroups(db, deleted.map((r) => r.group_id));
  return deleted.length;
}

/**
 * Deletes every item of a source (kept or not), before the source itself goes: the foreign key's
 * ON DELETE CASCADE would drop them without recounting the story groups they leave.
 */
export async function deleteSourceItems(db: Executor, sourceId: number): Promise<number> {
  const deleted = await db.deleteFrom('veille_items').where('source_id', '=', sourceId).returning('group_id').execute();
  await recountGroups(db, deleted.map((r) => r.group_id));
  return deleted.length;
}

/** Sets each group's size to the items it still holds; an emptied group goes. */
async function recountGroups(db: Executor, groupIds: readonly (number | null)[]): Promise<void> {
  for (const groupId of new Set(groupIds.filter((g): g is number => g !== null))) {
    const { count } = await db.selectFrom('veille_items').select((eb) => eb.fn.countAll<number>().as('count'))
      .where('group_id', '=', groupId).executeTakeFirstOrThrow();
    if (Number(count) === 0) await db.deleteFrom('veille_groups').where('id', '=', groupId).execute();
    else await db.updateTable('veille_groups').set({ size: Number(count) }).where('id', '=', groupId).execute();
  }
}
