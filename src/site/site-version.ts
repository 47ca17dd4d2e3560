import type { Db, Executor } from '../db/database.js';

/**
 * Bumps the change counter that page caches compare against. Call it inside the same
 * transaction as any write that changes what a public page shows, so every process
 * (web, CLI, worker) sees the change at its next request.
 */
export async function bumpSiteVersion(db: Executor): Promise<void> {
  await db.updateTable('site_state').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
}

/** A reader of the change counter, its statement prepared once: every public page view runs it. */
export function siteVersionReader(db: Pick<Db, 'preparedRead'>): () => Promise<number> {
  const read = db.preparedRead<{ version: number | string }>('select version from site_state where id = 1');
  return async () => {
    const row = await read();
    if (!row) throw new Error('site_state row missing');
    return Number(row.version);
  };
}
