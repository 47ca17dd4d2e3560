import type { Db } from '../../db/database.js';
import type { JobQueue } from '../../jobs/job.js';
import type { Logger } from '../../logger.js';
import type { ForumService } from '../service.js';
import { NotifyForumEventJob, SendForumDigestJob } from './forum-event.js';
import { forumMailLinks } from './mail-link.js';
import { notifyForumEvent } from './notify-forum-event.js';
import { sendForumDigest } from './send-forum-digest.js';
import { withForumEvents } from './with-forum-events.js';

/** What forum e-mail is wired with in `main.ts`. */
export interface ForumMailDeps {
  readonly db: Db;
  readonly jobs: JobQueue;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly publicUrl: string;
  readonly secretKey: string;
  /** Whether `SMTP_URL` is set: without it no forum mail is even queued (it could only fail, again and again). */
  readonly mailEnabled: boolean;
}

/**
 * Declares the forum's mail jobs and returns the forum service that raises them. Queuing happens
 * right after each commit; if even that fails (database gone), the contribution stands and the
 * failure is logged: mail is never a reason to refuse or lose a message.
 */
export function registerForumMail(deps: ForumMailDeps, forum: ForumService): ForumService {
  const { jobs, logger } = deps;
  const notifier = { db: deps.db, jobs, now: deps.now, publicUrl: deps.publicUrl, links: forumMailLinks(deps.secretKey, deps.publicUrl) };
  jobs.handle(NotifyForumEventJob, (event) => notifyForumEvent(notifier, event));
  jobs.handle(SendForumDigestJob, async () => {
    if (deps.mailEnabled) await sendForumDigest(notifier);
  });
  if (!deps.mailEnabled) return forum;
  return withForumEvents(forum, async (event) => {
    try {
      await jobs.enqueue(NotifyForumEventJob, event);
    } catch (err) {
      logger.error({ err, event }, 'forum.notify.enqueue-failed');
    }
  });
}
