import { SendMailJob } from '../../mail/mailer.js';
import { readSiteSettings } from '../../site/settings-store.js';
import type { AlertDeps } from './alert-deps.js';
import { instantAlertMail } from './alert-mails.js';
import { findAlertView } from './alert-view-store.js';
import { excerptForAlert } from './excerpt-for-alert.js';
import { claimAlertEmail, listOwnerAddresses, releaseAlertEmail } from './store.js';

/**
 * The handler of `SendAlertEmailJob`: claims the alert's e-mail (so it goes once, whichever
 * worker runs it), then queues one `SendMailJob` per owner; a down SMTP server delays the mails
 * and loses none. If they cannot be queued the claim is given back and the job retried.
 */
export async function sendAlertEmail(deps: Pick<AlertDeps, 'db' | 'jobs' | 'now' | 'publicUrl'>, alertId: number): Promise<number> {
  const { db } = deps;
  const view = await findAlertView(db.kysely, alertId);
  if (!view || !(await claimAlertEmail(db.kysely, alertId, deps.now()))) return 0;
  try {
    const owners = await listOwnerAddresses(db.kysely, view.watch.id);
    const ctx = { siteName: (await readSiteSettings(db.kysely)).siteName, publicUrl: deps.publicUrl };
    const excerpt = excerptForAlert(view);
    for (const to of owners) await deps.jobs.enqueue(SendMailJob, instantAlertMail(ctx, to, view, excerpt));
    return owners.length;
  } catch (error) {
    await releaseAlertEmail(db.kysely, alertId);
    throw error;
  }
}
