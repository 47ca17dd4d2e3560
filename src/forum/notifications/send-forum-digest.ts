import { SendMailJob } from '../../mail/mailer.js';
import { readSetting, readSiteSettings, writeSetting } from '../../site/settings-store.js';
import { FORUM_DIGEST_INTERVAL_SECONDS } from './forum-event.js';
import { digestMail } from './forum-mails.js';
import type { ForumNotifierDeps } from './notify-forum-event.js';
import { listModeratorAddresses, summariseReceivedMessages } from './store.js';

/** Where the previous digest stopped: the next one starts there, so no message is counted twice or missed. */
const DIGEST_MARK = 'forum.digest_until';

/**
 * The daily digest for moderators (when the site asks for one): the messages received since the
 * previous digest that still matter (to validate, or online a posteriori), and the number set aside
 * as spam. Nothing is sent on a day without messages. The period always moves on, whatever the
 * setting, so switching to the digest does not replay weeks of messages.
 */
export async function sendForumDigest(deps: ForumNotifierDeps): Promise<number> {
  const { db } = deps;
  const until = deps.now();
  const mark = await readSetting(db.kysely, DIGEST_MARK);
  const since = mark === undefined ? new Date(until.getTime() - FORUM_DIGEST_INTERVAL_SECONDS * 1000) : new Date(mark);
  const settings = await readSiteSettings(db.kysely);
  let sent = 0;
  if (settings.forumModeratorMail === 'digest') {
    const { waiting, spam } = await summariseReceivedMessages(db.kysely, since, until);
    if (waiting.length > 0 || spam > 0) {
      const ctx = { siteName: settings.siteName, publicUrl: deps.publicUrl, links: deps.links };
      for (const to of await listModeratorAddresses(db.kysely)) {
        await deps.jobs.enqueue(SendMailJob, digestMail(ctx, to, waiting, spam));
        sent += 1;
      }
    }
  }
  await writeSetting(db.kysely, DIGEST_MARK, until.toISOString());
  return sent;
}
