import type { Db } from '../../db/database.js';
import type { JobQueue } from '../../jobs/job.js';
import { SendMailJob, type MailMessage } from '../../mail/mailer.js';
import { readSiteSettings } from '../../site/settings-store.js';
import type { ForumEvent } from './forum-event.js';
import { moderatorMail, publishedMail, replyMail, type MailContext } from './forum-mails.js';
import type { MailLinks } from './mail-link.js';
import { claimPublicationNotice, findMailableContribution, releasePublicationNotice, listModeratorAddresses, type MailableContribution } from './store.js';

/** What the forum's notifier needs. */
export interface ForumNotifierDeps {
  readonly db: Db;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly now: () => Date;
  readonly publicUrl: string;
  readonly links: MailLinks;
}

const wantsMail = (c: MailableContribution | undefined): c is MailableContribution & { email: string } =>
  c !== undefined && c.status === 'published' && c.notifyReplies && c.email !== null && !c.isOrganisationAnswer;

/**
 * The e-mails one forum event calls for, decided on the contribution as it is now.
 *
 * The invariant: apart from moderators, nobody is ever mailed about a message that is not
 * published. An author hears of a reply only once the reply is published (at approval, never at
 * posting), and only while their own message is published and they still want the mails.
 */
export async function mailsForForumEvent(deps: ForumNotifierDeps, event: ForumEvent): Promise<MailMessage[]> {
  const { db } = deps;
  const c = await findMailableContribution(db.kysely, event.contributionId);
  if (!c) return [];
  const settings = await readSiteSettings(db.kysely);
  const ctx: MailContext = { siteName: settings.siteName, publicUrl: deps.publicUrl, links: deps.links };
  if (event.kind === 'received') {
    // Spam is never announced one by one (the digest counts it); organisation answers come from moderators.
    if (settings.forumModeratorMail !== 'each' || c.isOrganisationAnswer || (c.status !== 'proposed' && c.status !== 'published')) return [];
    return (await listModeratorAddresses(db.kysely)).map((to) => moderatorMail(ctx, to, c));
  }
  if (c.status !== 'published') return [];
  const mails: MailMessage[] = [];
  if (wantsMail(c)) mails.push(publishedMail(ctx, c));
  const parent = c.parentId === null ? undefined : await findMailableContribution(db.kysely, c.parentId);
  // Nobody is told of their own answer to themselves.
  if (wantsMail(parent) && parent.email.toLowerCase() !== c.email?.toLowerCase()) mails.push(replyMail(ctx, parent, c));
  return mails;
}

/**
 * The job handler: each e-mail becomes its own `SendMailJob`, so a down SMTP server delays mail
 * and loses none. A publication is announced once: claimed first, released if the mails could
 * not be queued (the job is then retried).
 */
export async function notifyForumEvent(deps: ForumNotifierDeps, event: ForumEvent): Promise<void> {
  const id = event.contributionId;
  if (event.kind === 'published' && !(await claimPublicationNotice(deps.db.kysely, id, deps.now()))) return;
  try {
    for (const mail of await mailsForForumEvent(deps, event)) await deps.jobs.enqueue(SendMailJob, mail);
  } catch (error) {
    if (event.kind === 'published') await releasePublicationNotice(deps.db.kysely, id);
    throw error;
  }
}
