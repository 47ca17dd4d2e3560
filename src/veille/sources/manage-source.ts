import { addAuditEntry } from '../../audit/store.js';
import type { Db } from '../../db/database.js';
import { deleteSourceItems, lockStoryGrouping } from '../items/store.js';
import { deleteSource, enableSource, pauseSource, type SourceRow } from './store.js';

/** A change a user makes to a watched source from the back office. */
export type SourceChange = 'pause' | 'enable' | 'delete';

const AUDIT_ACTIONS: Readonly<Record<SourceChange, string>> = Object.freeze({
  pause: 'veille.source.paused', enable: 'veille.source.enabled', delete: 'veille.source.deleted',
});

/**
 * Pauses, re-enables or deletes a source and records who did it, in one transaction. Deleting
 * removes the source's items first under the story-grouping lock, so every group keeps its size.
 */
export async function changeSource(db: Db, source: SourceRow, change: SourceChange, userId: number, now: Date): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    switch (change) {
      case 'pause':
        await pauseSource(trx, source.id);
        break;
      case 'enable':
        await enableSource(trx, source.id, now);
        break;
      case 'delete':
        await lockStoryGrouping(trx, db.dialect);
        await deleteSourceItems(trx, source.id);
        await deleteSource(trx, source.id);
        break;
      default: {
        const unknown: never = change;
        throw new Error(`unknown change ${String(unknown)}`);
      }
    }
    await addAuditEntry(trx, { userId, action: AUDIT_ACTIONS[change], objectType: 'veille_source', objectId: source.id, summary: source.title || source.url }, now);
  });
}
