import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { RelayPagesTable } from '../../db/schema.js';

/** A relay page as stored (credentials still encrypted). */
export type PageRow = Selectable<RelayPagesTable>;

/** A new page's row; dates are set by `insertPage`. */
export type NewPageRow = Omit<Insertable<RelayPagesTable>, 'id' | 'created_at' | 'updated_at'>;

/** What an edit of a page may change. */
export type PageChange = Omit<Updateable<RelayPagesTable>, 'id' | 'network' | 'created_at' | 'updated_at'>;

/** Adds a page; undefined when its name is already taken. */
export async function insertPage(db: Executor, page: NewPageRow, now: Date): Promise<PageRow | undefined> {
  const at = now.toISOString();
  return db.insertInto('relay_pages').values({ ...page, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .returningAll().executeTakeFirst();
}

/** Changes a page's fields. */
export async function updatePage(db: Executor, id: number, change: PageChange, now: Date): Promise<void> {
  await db.updateTable('relay_pages').set({ ...change, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/** One page by id. */
export async function getPage(db: Executor, id: number): Promise<PageRow | undefined> {
  return db.selectFrom('relay_pages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every page, by network then name. */
export async function listPages(db: Executor): Promise<PageRow[]> {
  return db.selectFrom('relay_pages').selectAll().orderBy('network').orderBy('name').execute();
}

/** The pages of these names (in no particular order; missing names are simply absent). */
export async function findPagesByName(db: Executor, names: readonly string[]): Promise<PageRow[]> {
  if (names.length === 0) return [];
  return db.selectFrom('relay_pages').selectAll().where('name', 'in', names).execute();
}

/** Records a network call's outcome for the health screen: a success clears nothing, an error keeps its French reason. */
export async function recordPageHealth(db: Executor, id: number, outcome: { readonly ok: true } | { readonly ok: false; readonly error: string }, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.updateTable('relay_pages')
    .set(outcome.ok ? { last_success_at: at } : { last_error_at: at, last_error: outcome.error })
    .where('id', '=', id).execute();
}

/**
 * Stores credentials a network renewed (a new Bluesky session, X's rotated refresh token),
 * already sealed, only if the page still holds `from`, the ones the call started with: a
 * token typed in meanwhile, or a newer renewal by another process, is never overwritten.
 * Returns whether they were stored.
 */
export async function replacePageCredentials(db: Executor, id: number, from: string, to: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('relay_pages').set({ credentials: to, updated_at: now.toISOString() })
    .where('id', '=', id).where('credentials', '=', from).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a page with its variants. */
export async function deletePage(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('relay_pages').where('id', '=', id).execute();
}
