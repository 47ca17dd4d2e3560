import type { Db } from '../db/database.js';
import { addAuditEntry } from '../audit/store.js';
import { FORUM_LIMIT_FIELDS } from './limits-form.js';
import { readForumLimits, writeForumLimits, type ForumLimits } from './forum-limits.js';

/** Saves the limits that changed and records who changed what, in one transaction; returns how many changed. */
export async function saveForumLimits(db: Db, actorId: number | null, next: ForumLimits, now: Date): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const current = await readForumLimits(trx);
    const changed = (Object.keys(FORUM_LIMIT_FIELDS) as (keyof ForumLimits)[]).filter((name) => current[name] !== next[name]);
    if (changed.length === 0) return 0;
    await writeForumLimits(trx, Object.fromEntries(changed.map((name) => [name, next[name]])));
    await addAuditEntry(trx, {
      userId: actorId, action: 'forum.limits.updated', objectType: 'settings', objectId: 'forum',
      summary: changed.map((name) => `${FORUM_LIMIT_FIELDS[name].label} : ${next[name]}`).join(' ; '),
    }, now);
    return changed.length;
  });
}
