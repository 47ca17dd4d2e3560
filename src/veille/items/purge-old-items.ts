import type { Db } from '../../db/database.js';
import { defineJob } from '../../jobs/job.js';
import { readSetting } from '../../site/settings-store.js';
import { purgeItemsStoredBefore } from './store.js';

/** Daily: deletes watched items past the retention age, except those a user kept. */
export const PurgeOldItemsJob = defineJob<Record<string, never>>('veille.purge-old-items');

/** How often `PurgeOldItemsJob` runs. */
export const PURGE_OLD_ITEMS_INTERVAL_SECONDS = 86_400;

/** The setting holding the retention age in days. */
export const RETENTION_DAYS_SETTING = 'veille.retention_days';

/** Kept this long when the setting is absent or unreadable. */
export const DEFAULT_RETENTION_DAYS = 180;

/** Purges items stored more than the retention age (setting `veille.retention_days`, default 180) ago; returns how many. */
export async function purgeOldItems(db: Db, now: Date): Promise<number> {
  const setting = Number(await readSetting(db.kysely, RETENTION_DAYS_SETTING));
  const days = Number.isInteger(setting) && setting > 0 ? setting : DEFAULT_RETENTION_DAYS;
  return purgeItemsStoredBefore(db.kysely, new Date(now.getTime() - days * 86_400_000));
}
