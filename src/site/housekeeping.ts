import { purgeExpiredAccountTokens } from '../accounts/store.js';
import type { Db } from '../db/database.js';
import { purgeRateLimits } from '../http/rate-limit-store.js';
import { defineJob } from '../jobs/job.js';
import { eraseExpiredForumAddresses } from '../forum/privacy/erase-expired-addresses.js';

/** Hourly: forgets expired sessions, reset links, old rate-limit windows and old forum IP addresses (collect the minimum, keep it briefly). */
export const HousekeepingJob = defineJob<Record<string, never>>('site.housekeeping');

export const HOUSEKEEPING_INTERVAL_SECONDS = 3600;

/** The housekeeping work itself; idempotent. */
export async function runHousekeeping(db: Db, now: Date): Promise<void> {
  await purgeExpiredAccountTokens(db.kysely, now);
  await purgeRateLimits(db.kysely, new Date(now.getTime() - 86400_000));
  await eraseExpiredForumAddresses(db.kysely, now);
}
