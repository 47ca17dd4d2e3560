import type { Executor } from '../db/database.js';

/**
 * Bumps the change counter that page caches compare against. Call it inside the same
 * transaction as any write that changes what a public page shows, so every process
 * (web, CLI, worker) sees the change at its next request.
 */
export async function bumpSiteVersion(db: Executor): Promise<void> {
  await db.updateTable('site_state').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
}

/**
 * A reader of the change counter for one database, its query compiled once: every public page
 * view runs it, so it skips the query builder.
 */
export function siteVersionReader(db: Executor): () => Promise<number> {
  const query = db.selectFrom('site_state').select('version').where('id', '=', 1).compile();
  return async () => {
    const { rows } = await db.executeQuery(query);
    if (!rows[0]) throw new Error('site_state row missing');
    return Number(rows[0].version);
  };
}
