import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { VeilleWatchesTable } from '../../db/schema.js';
import { parseScope, type WatchScope } from './watch-scope.js';

/** A watch row as stored. */
export type WatchRow = Selectable<VeilleWatchesTable>;

/** What a user sets on a watch (alert settings aside, which the alerts screens change). */
export interface WatchFields {
  readonly name: string;
  readonly query: string;
  readonly scope: WatchScope;
}

/** What `loadWatchVersion` reads: changes when a watch is added, changed or removed. */
export interface WatchVersion {
  readonly count: number;
  readonly latest: string | null;
}

function scopeColumns(scope: WatchScope) {
  return {
    all_sources: scope.all ? 1 : 0,
    source_ids: JSON.stringify(scope.all ? [] : scope.sourceIds),
    source_kinds: JSON.stringify(scope.all ? [] : scope.sourceKinds),
  };
}

/** Stores a new watch owned by its creator (when there is one); returns it. */
export async function insertWatch(db: Executor, fields: WatchFields, createdBy: number | null, now: Date): Promise<WatchRow> {
  const at = now.toISOString();
  const row = await db.insertInto('veille_watches')
    .values({ name: fields.name, query: fields.query, ...scopeColumns(fields.scope), created_by: createdBy, created_at: at, updated_at: at, alert_email: 0 })
    .returningAll().executeTakeFirstOrThrow();
  if (createdBy !== null) await db.insertInto('veille_watch_owners').values({ watch_id: row.id, user_id: createdBy }).execute();
  return row;
}

/** Changes a watch's name, query and scope, bumping `updated_at` so every process reloads it. */
export async function updateWatch(db: Executor, id: number, fields: WatchFields, now: Date): Promise<WatchRow | undefined> {
  return db.updateTable('veille_watches')
    .set({ name: fields.name, query: fields.query, ...scopeColumns(fields.scope), updated_at: now.toISOString() })
    .where('id', '=', id).returningAll().executeTakeFirst();
}

/** Deletes a watch with its matches and notes; false when it did not exist. */
export async function deleteWatch(db: Executor, id: number): Promise<boolean> {
  const deleted = await db.deleteFrom('veille_watches').where('id', '=', id).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/** One watch by id. */
export async function getWatch(db: Executor, id: number): Promise<WatchRow | undefined> {
  return db.selectFrom('veille_watches').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every watch, by name. */
export async function listWatches(db: Executor): Promise<WatchRow[]> {
  return db.selectFrom('veille_watches').selectAll().orderBy('name').orderBy('id').execute();
}

/** A watch's scope as stored. */
export function watchScope(row: Pick<WatchRow, 'all_sources' | 'source_ids' | 'source_kinds'>): WatchScope {
  return parseScope(row.all_sources, row.source_ids, row.source_kinds);
}

/** A cheap fingerprint of the watches: a process compares it before matching and reloads when it moved. */
export async function loadWatchVersion(db: Executor): Promise<WatchVersion> {
  const row = await db.selectFrom('veille_watches')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('updated_at').as('latest')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), latest: row.latest ?? null };
}

/** Each watch's user-facing counts: matches in all, and those still new. */
export async function countMatchesByWatch(db: Executor): Promise<Map<number, { total: number; fresh: number }>> {
  const rows = await db.selectFrom('veille_matches').select((eb) => [
    'watch_id', eb.fn.countAll<number | string>().as('total'),
    eb.fn.sum<number | string>(eb.case().when('state', '=', 'new').then(1).else(0).end()).as('fresh'),
  ]).groupBy('watch_id').execute();
  return new Map(rows.map((r) => [r.watch_id, { total: Number(r.total), fresh: Number(r.fresh ?? 0) }]));
}

/** The owners' user ids of a watch. */
export async function listWatchOwners(db: Executor, watchId: number): Promise<number[]> {
  const rows = await db.selectFrom('veille_watch_owners').select('user_id').where('watch_id', '=', watchId).orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}

/** Replaces a watch's owners. */
export async function setWatchOwners(db: Executor, watchId: number, userIds: readonly number[]): Promise<void> {
  await db.deleteFrom('veille_watch_owners').where('watch_id', '=', watchId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length > 0) await db.insertInto('veille_watch_owners').values(unique.map((user_id) => ({ watch_id: watchId, user_id }))).execute();
}
