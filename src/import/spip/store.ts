import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.js';

/** What the key map records: a SPIP object type as the import names it. */
export type SpipKeyType = 'rubrique' | 'article' | 'forum' | 'auteur' | 'document' | 'logo_article' | 'logo_rubrique';

/** The Relais ids of the SPIP objects of a type imported before (all of them, or those of `spipIds`). */
export async function loadImportKeys(db: Executor, type: SpipKeyType, spipIds?: readonly number[]): Promise<Map<number, number>> {
  if (spipIds && spipIds.length === 0) return new Map();
  let query = db.selectFrom('spip_import_keys').select(['spip_id', 'relais_id']).where('spip_type', '=', type);
  if (spipIds) query = query.where('spip_id', 'in', [...spipIds]);
  const rows = await query.execute();
  return new Map(rows.map((r) => [Number(r.spip_id), Number(r.relais_id)]));
}

/** Records (or moves) what SPIP objects became. */
export async function saveImportKeys(db: Executor, type: SpipKeyType, entries: readonly (readonly [spipId: number, relaisId: number])[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < entries.length; i += 500) {
    await db.insertInto('spip_import_keys')
      .values(entries.slice(i, i + 500).map(([spipId, relaisId]) => ({ spip_type: type, spip_id: spipId, relais_id: relaisId, imported_at: at })))
      .onConflict((oc) => oc.columns(['spip_type', 'spip_id']).doUpdateSet((eb) => ({ relais_id: eb.ref('excluded.relais_id'), imported_at: eb.ref('excluded.imported_at') })))
      .execute();
  }
}

/** Which of these ids a table already uses. */
export async function findTakenIds(db: Executor, table: 'articles' | 'sections', ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/**
 * After rows were inserted with chosen ids, moves PostgreSQL's identity sequence past them (SQLite's
 * AUTOINCREMENT follows by itself), so the next article written in the back office gets a free id.
 */
export async function resyncIdSequence(db: Db, table: 'articles' | 'sections'): Promise<void> {
  if (db.dialect !== 'postgres') return;
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.table(table)}), 1))`.execute(db.kysely);
}

/** One old address and where it leads. */
export interface SpipRedirect {
  readonly oldAddress: string;
  readonly targetType: 'article' | 'section' | 'media' | 'url';
  readonly targetId: number | null;
  readonly targetUrl: string | null;
}

/** Adds or replaces redirects of old addresses. */
export async function saveSpipRedirects(db: Executor, redirects: readonly SpipRedirect[]): Promise<void> {
  for (let i = 0; i < redirects.length; i += 500) {
    await db.insertInto('spip_redirects')
      .values(redirects.slice(i, i + 500).map((r) => ({ old_address: r.oldAddress, target_type: r.targetType, target_id: r.targetId, target_url: r.targetUrl })))
      .onConflict((oc) => oc.column('old_address').doUpdateSet((eb) => ({
        target_type: eb.ref('excluded.target_type'), target_id: eb.ref('excluded.target_id'), target_url: eb.ref('excluded.target_url'),
      })))
      .execute();
  }
}

/** The redirect stored for an old address key (one lookup by primary key). */
export async function findSpipRedirect(db: Executor, oldAddress: string): Promise<SpipRedirect | undefined> {
  const row = await db.selectFrom('spip_redirects').selectAll().where('old_address', '=', oldAddress).executeTakeFirst();
  return row ? { oldAddress: row.old_address, targetType: row.target_type as SpipRedirect['targetType'], targetId: row.target_id, targetUrl: row.target_url } : undefined;
}

/** The redirects, by old address (the CLI's list). */
export async function listSpipRedirects(db: Executor): Promise<SpipRedirect[]> {
  const rows = await db.selectFrom('spip_redirects').selectAll().orderBy('old_address').execute();
  return rows.map((row) => ({ oldAddress: row.old_address, targetType: row.target_type as SpipRedirect['targetType'], targetId: row.target_id, targetUrl: row.target_url }));
}

/** Removes the redirect of an old address; returns whether there was one. */
export async function deleteSpipRedirect(db: Executor, oldAddress: string): Promise<boolean> {
  const result = await db.deleteFrom('spip_redirects').where('old_address', '=', oldAddress).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every old address the table holds. */
export async function listSpipRedirectKeys(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('spip_redirects').select('old_address').execute();
  return new Set(rows.map((r) => r.old_address));
}

/** How many old addresses redirect. */
export async function countSpipRedirects(db: Executor): Promise<number> {
  const row = await db.selectFrom('spip_redirects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
