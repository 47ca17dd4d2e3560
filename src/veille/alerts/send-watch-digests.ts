import { SendMailJob } from '../../mail/mailer.js';
import { readSiteSettings } from '../../site/settings-store.js';
import { parisClock } from '../dashboard/paris-clock.js';
import type { AlertDeps } from './alert-deps.js';
import { digestMail } from './alert-mails.js';
import { listDigestEntries } from './alert-view-store.js';
import { claimDigestDay, listWatchesWithDigestBy, releaseDigestDay } from './digest-store.js';
import { listOwnerAddresses } from './store.js';

/**
 * The handler of the recurring `SendWatchDigestsJob`: for each watch whose digest hour (Paris
 * time) has come and whose digest has not gone out today, the stories with items matched since
 * the previous digest, to each owner. A day without anything new sends nothing (the period still
 * moves on). A digest is claimed per watch and day, so it goes once even with several workers;
 * one watch's failure is logged and never stops the others. Returns the mails queued.
 */
export async function sendWatchDigests(deps: Pick<AlertDeps, 'db' | 'jobs' | 'now' | 'publicUrl' | 'logger' | 'mailEnabled'>): Promise<number> {
  if (!deps.mailEnabled) return 0;
  const { db } = deps;
  const now = deps.now();
  const clock = parisClock(now);
  let queued = 0;
  let siteName: string | undefined;
  for (const watch of await listWatchesWithDigestBy(db.kysely, clock.hour)) {
    const claim = await claimDigestDay(db.kysely, watch.id, clock.day, now);
    if (!claim) continue;
    try {
      const entries = await listDigestEntries(db.kysely, watch.id, claim.since, now);
      if (entries.length === 0) continue;
      siteName ??= (await readSiteSettings(db.kysely)).siteName;
      for (const to of await listOwnerAddresses(db.kysely, watch.id)) {
        await deps.jobs.enqueue(SendMailJob, digestMail({ siteName, publicUrl: deps.publicUrl }, to, watch, clock.day, entries));
        queued += 1;
      }
    } catch (err) {
      await releaseDigestDay(db.kysely, watch.id, claim);
      deps.logger.error({ err, watchId: watch.id }, 'veille.digest.failed');
    }
  }
  return queued;
}
