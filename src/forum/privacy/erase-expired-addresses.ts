import type { Executor } from '../../db/database.js';
import { DEFAULT_SETTINGS, readSiteSettings } from '../../site/settings-store.js';
import { eraseClientAddressesBefore } from './store.js';

/**
 * RGPD: a forum message's client address serves abuse handling only, so it is erased once older
 * than the site's retention setting (30 days by default). Run by the hourly housekeeping.
 */
export async function eraseExpiredForumAddresses(db: Executor, now: Date): Promise<number> {
  const days = Number((await readSiteSettings(db)).forumIpRetentionDays);
  // A setting that does not parse keeps the default rather than erasing everything, or nothing.
  const retention = Number.isSafeInteger(days) && days >= 1 ? days : Number(DEFAULT_SETTINGS.forumIpRetentionDays);
  return eraseClientAddressesBefore(db, new Date(now.getTime() - retention * 86_400_000));
}
