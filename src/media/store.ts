import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import { escapeLike } from '../db/escape-like.js';
import type { MediaItemsTable } from '../db/schema.js';
import type { MediaFile, MediaItem, MediaKind, MediaTexts, MediaVariant } from './media-item.js';

export type { MediaFile, MediaTexts };

const COLUMNS = ['id', 'kind', 'mime', 'extension', 'hash', 'storage_key', 'byte_size', 'width', 'height', 'variants',
  'title', 'alt', 'decorative', 'caption', 'credit', 'created_by', 'created_at', 'updated_at', 'needs_review'] as const;

function toItem(row: Pick<Selectable<MediaItemsTable>, (typeof COLUMNS)[number]>): MediaItem {
  return Object.freeze({
    id: row.id, kind: row.kind, mime: row.mime, extension: row.extension, hash: row.hash, storageKey: row.storage_key,
    byteSize: Number(row.byte_size), width: row.width, height: row.height,
    variants: Object.freeze(JSON.parse(row.variants) as MediaVariant[]),
    title: row.title, alt: row.alt, decorative: row.decorative === 1, caption: row.caption, credit: row.credit,
    createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at, needsReview: row.needs_review === 1,
  });
}

function fileColumns(file: MediaFile) {
  return {
    kind: file.kind, mime: file.mime, extension: file.extension, hash: file.hash, storage_key: file.storageKey,
    byte_size: file.byteSize, width: file.width, height: file.height, variants: JSON.stringify(file.variants),
  } satisfies Partial<Insertable<MediaItemsTable>>;
}

/** Adds an item; returns its id. */
export async function insertMediaItem(db: Executor, file: MediaFile, texts: MediaTexts, createdBy: number | null, now: Date): Promise<number> {
  const at = now.toISOString();
  const row = await db.insertInto('media_items').values({
    ...fileColumns(file), title: texts.title, alt: texts.alt, decorative: texts.decorative ? 1 : 0, caption: texts.caption,
    credit: texts.credit, created_by: createdBy, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One item by id. */
export async function findMediaItem(db: Executor, id: number): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media_items').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/** The items with these ids (those that exist), for drawing `<imgN>` shortcuts and illustrations. */
export async function findMediaItems(db: Executor, ids: readonly number[]): Promise<MediaItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('media_items').select(COLUMNS).where('id', 'in', [...ids]).execute();
  return rows.map(toItem);
}

/** The item stored from the same bytes, if any. */
export async function findMediaByHash(db: Executor, hash: string): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media_items').select(COLUMNS).where('hash', '=', hash).executeTakeFirst();
  return row ? toItem(row) : undefined;
}

/** The library screen's filter: words searched in title, alternative and credit; one kind or both. */
export interface MediaFilter {
  readonly search?: string;
  readonly kind?: MediaKind;
}

function filtered(db: Executor, filter: MediaFilter) {
  let query = db.selectFrom('media_items');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const search = filter.search?.trim().toLowerCase();
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    query = query.where(sql<boolean>`(lower(title) like ${pattern} escape '\\' or lower(alt) like ${pattern} escape '\\' or lower(credit) like ${pattern} escape '\\')`);
  }
  return query;
}

/** A page of the library, newest first. */
export async function listMediaItems(db: Executor, filter: MediaFilter & { limit: number; offset: number }): Promise<MediaItem[]> {
  const rows = await filtered(db, filter).select(COLUMNS).orderBy('created_at', 'desc').orderBy('id', 'desc')
    .limit(filter.limit).offset(filter.offset).execute();
  return rows.map(toItem);
}

/** How many items the filter keeps. */
export async function countMediaItems(db: Executor, filter: MediaFilter): Promise<number> {
  const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Saves an editor's texts; they have been looked at, so the item no longer needs review. */
export async function updateMediaTexts(db: Executor, id: number, texts: MediaTexts, now: Date): Promise<void> {
  await db.updateTable('media_items').set({
    title: texts.title, alt: texts.alt, decorative: texts.decorative ? 1 : 0, caption: texts.caption, credit: texts.credit,
    needs_review: 0, updated_at: now.toISOString(),
  }).where('id', '=', id).execute();
}

/** Puts a new file under an item (its texts and uses stay). */
export async function replaceMediaFile(db: Executor, id: number, file: MediaFile, now: Date): Promise<void> {
  await db.updateTable('media_items').set({ ...fileColumns(file), updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Records the renditions the job made, unless the file was replaced meanwhile; returns whether it did. */
export async function setMediaVariants(db: Executor, id: number, hash: string, variants: readonly MediaVariant[]): Promise<boolean> {
  const result = await db.updateTable('media_items').set({ variants: JSON.stringify(variants) })
    .where('id', '=', id).where('hash', '=', hash).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks an item whose text alternative a person must still write (1) or has written (0). */
export async function setMediaNeedsReview(db: Executor, id: number, needsReview: boolean): Promise<void> {
  await db.updateTable('media_items').set({ needs_review: needsReview ? 1 : 0 }).where('id', '=', id).execute();
}

/** The ids among these whose text alternative is still to be reviewed. */
export async function listMediaNeedingReview(db: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('media_items').select('id').where('id', 'in', [...ids]).where('needs_review', '=', 1).execute();
  return rows.map((r) => r.id);
}

/** Deletes an item's row (its uses go with it; an article's illustration becomes none). */
export async function deleteMediaItem(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('media_items').where('id', '=', id).execute();
}

/** Where an item is used: `object_type` and id, role (`body`, `logo`), and the object's title. */
export interface MediaUse {
  readonly objectType: string;
  readonly objectId: number;
  readonly role: string;
  readonly title: string;
}

/** Every use of an item, with the article's title. */
export async function listMediaUses(db: Executor, mediaId: number): Promise<MediaUse[]> {
  const rows = await db.selectFrom('media_uses')
    .leftJoin('articles', (join) => join.onRef('articles.id', '=', 'media_uses.object_id').on('media_uses.object_type', '=', 'article'))
    .select(['media_uses.object_type', 'media_uses.object_id', 'media_uses.role', 'articles.title'])
    .where('media_uses.media_id', '=', mediaId)
    .orderBy('media_uses.object_id').orderBy('media_uses.role').execute();
  return rows.map((r) => Object.freeze({ objectType: r.object_type, objectId: r.object_id, role: r.role, title: r.title ?? `${r.object_type} ${r.object_id}` }));
}

/** How many places use each of these items (absent: none). */
export async function countMediaUses(db: Executor, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('media_uses').select(['media_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('media_id', 'in', [...ids]).groupBy('media_id').execute();
  return new Map(rows.map((r) => [r.media_id, Number(r.n)]));
}

/**
 * Records the media an object uses now (its earlier uses replaced: all of them, or only those of
 * `roles` when given, so that uses recorded by someone else survive). Ids of items that do not
 * exist are skipped: a shortcut to a deleted item uses nothing.
 */
export async function replaceObjectMediaUses(db: Executor, objectType: string, objectId: number, uses: readonly { mediaId: number; role: string }[], roles?: readonly string[]): Promise<void> {
  let earlier = db.deleteFrom('media_uses').where('object_type', '=', objectType).where('object_id', '=', objectId);
  if (roles !== undefined) earlier = earlier.where('role', 'in', roles);
  await earlier.execute();
  if (uses.length === 0) return;
  const existing = new Set((await db.selectFrom('media_items').select('id').where('id', 'in', uses.map((u) => u.mediaId)).execute()).map((r) => r.id));
  const unique = new Map(uses.filter((u) => existing.has(u.mediaId)).map((u) => [`${u.mediaId}:${u.role}`, u]));
  if (unique.size === 0) return;
  await db.insertInto('media_uses')
    .values([...unique.values()].map((u) => ({ media_id: u.mediaId, object_type: objectType, object_id: objectId, role: u.role })))
    .execute();
}
