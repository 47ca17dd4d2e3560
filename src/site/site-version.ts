import type { Executor } from '../db/database.js';

/**
 * Bumps the change counter that page caches compare against. Call it inside the same
 * transaction as any write that changes what a public page shows, so every process
 * (web, CLI, worker) sees the change at its next request.
 */
export async function bumpSiteVersion(db: Executor): Promise<void> {
  await db.updateTable('site_state').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
}

/** Reads the change counter (one indexed row). */
export async function readSiteVersion(db: Executor): Promise<number> {
  const row = await db.selectFrom('site_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.version);
}
