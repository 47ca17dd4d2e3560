import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JobQueue, JobType } from '../../jobs/job.js';
import type { MailMessage } from '../../mail/mailer.js';
import { writeSiteSettings } from '../../site/settings-store.js';
import { DIALECTS } from '../../test-support/databases.js';
import { addTestUser, buildArticle, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { CONTRIBUTION_STATUSES, type ContributionStatus } from '../contribution.js';
import { createForumService } from '../service.js';
import { findContribution, insertContribution, type NewContribution } from '../store.js';
import { NotifyForumEventJob } from './forum-event.js';
import { registerForumMail } from './register-forum-mail.js';
import { createMailLinks } from './mail-link.js';
import { mailsForForumEvent, notifyForumEvent, type ForumNotifierDeps } from './notify-forum-event.js';

/** A queue that keeps what it is given: the mails a handler would send. */
function collectingQueue() {
  const sent: MailMessage[] = [];
  return { sent, async enqueue<P>(_type: JobType<P>, payload: P) { sent.push(payload as MailMessage); } };
}

for (const dialect of DIALECTS) {
  describe(`forum notifications, decided on the stored state (${dialect})`, () => {
    let site: TestSite;
    let articleId: number;
    let moderators: string[];
    let n = 0;
    const deps = (jobs = collectingQueue()): ForumNotifierDeps & { jobs: ReturnType<typeof collectingQueue> } => ({
      db: site.relais.db, jobs, now: site.relais.now, publicUrl: 'http://relais.test', links: createMailLinks(Buffer.alloc(32, 7), 'http://relais.test'),
    });
    const add = (overrides: Partial<NewContribution>) => insertContribution(site.relais.db.kysely, {
      articleId, parentId: null, threadId: null, authorName: `Auteur ${++n}`, email: `auteur${n}@exemple.fr`, body: `Texte secret ${n}`,
      status: 'published', ip: null, notifyReplies: true, isOrganisationAnswer: false, spamScore: 0, spamReasons: [], userId: null, ...overrides,
    }, site.relais.now());

    /** The forum service as `main.ts` wires it, over a queue whose `enqueue` is given. */
    const forumWith = (enqueue: JobQueue['enqueue'], mailEnabled: boolean) => registerForumMail({
      db: site.relais.db, now: site.relais.now, logger: site.relais.logger, publicUrl: 'http://relais.test', secretKey: site.relais.secretKey, mailEnabled,
      jobs: { handle() {}, async cancel() {}, async every() {}, async start() {}, async stop() {}, enqueue },
    }, createForumService({ db: site.relais.db, now: site.relais.now, tokenKey: Buffer.alloc(32) }));

    before(async () => {
      site = await startTestSite(dialect);
      articleId = (await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Marché de Noël' }))).id;
      const admin = await addTestUser(site, 'admin');
      moderators = [admin.email, (await addTestUser(site, 'moderator')).email];
      await site.relais.accounts.setUserDisabled(admin.id, (await addTestUser(site, 'moderator')).id, true);
      await addTestUser(site, 'editor');
    });
    after(() => site?.close());

    test('a message received reaches every active moderator, and nobody else; spam reaches no one', async () => {
      for (const status of CONTRIBUTION_STATUSES) {
        const c = await add({ status });
        const mails = await mailsForForumEvent(deps(), { kind: 'received', contributionId: c.id });
        const expected = status === 'proposed' || status === 'published' ? [...moderators].sort() : [];
        assert.deepEqual(mails.map((m) => m.to).sort(), expected, status);
      }
    });

    test('INVARIANT: outside moderators, no e-mail ever concerns or quotes a message that is not published', async () => {
      // Every pair (parent status, reply status), reply and parent both asking for mail.
      for (const parentStatus of CONTRIBUTION_STATUSES) {
        for (const replyStatus of CONTRIBUTION_STATUSES) {
          const parent = await add({ status: parentStatus });
          const reply = await add({ status: replyStatus, parentId: parent.id, threadId: parent.id });
          for (const id of [parent.id, reply.id]) {
            for (const mail of await mailsForForumEvent(deps(), { kind: 'published', contributionId: id })) {
              assert.ok(!moderators.includes(mail.to));
              // A mail names only published messages: the one it announces, and the one answered.
              if (mail.to === parent.email) assert.ok(parentStatus === 'published', `${parentStatus}/${replyStatus}`);
              if (mail.to === reply.email) assert.ok(replyStatus === 'published', `${parentStatus}/${replyStatus}`);
              if (mail.text.includes(reply.body)) assert.equal(replyStatus, 'published');
              if (mail.text.includes(parent.body)) assert.equal(parentStatus, 'published');
            }
          }
          const toParent = (await mailsForForumEvent(deps(), { kind: 'published', contributionId: reply.id })).filter((m) => m.to === parent.email);
          assert.equal(toParent.length, parentStatus === 'published' && replyStatus === 'published' ? 1 : 0, `${parentStatus}/${replyStatus}`);
        }
      }
    });

    test('an author who did not ask, or gave no address, gets nothing', async () => {
      for (const overrides of [{ notifyReplies: false }, { email: null, notifyReplies: false }]) {
        const parent = await add(overrides);
        const reply = await add({ parentId: parent.id, threadId: parent.id, notifyReplies: false });
        assert.deepEqual(await mailsForForumEvent(deps(), { kind: 'published', contributionId: parent.id }), []);
        assert.deepEqual(await mailsForForumEvent(deps(), { kind: 'published', contributionId: reply.id }), []);
      }
    });

    test('a publication is announced once, even when approved again or the job runs twice', async () => {
      const c = await add({});
      const queue = collectingQueue();
      await notifyForumEvent(deps(queue), { kind: 'published', contributionId: c.id });
      await notifyForumEvent(deps(queue), { kind: 'published', contributionId: c.id });
      assert.deepEqual(queue.sent.map((m) => m.to), [c.email]);
      assert.match(queue.sent[0]!.subject, /Votre message est en ligne sur « Marché de Noël »/);
    });

    test('a post queues its mail event after the commit when SMTP is set, and nothing at all without SMTP', async () => {
      for (const mailEnabled of [true, false]) {
        const queued: { name: string; payload: unknown }[] = [];
        const forum = forumWith(async (type, payload) => {
          queued.push({ name: type.name, payload });
        }, mailEnabled);
        const c = await forum.post({ articleId, parentId: null, authorName: 'Léa', email: '', body: `Avec ou sans SMTP ${mailEnabled}`, notifyReplies: false },
          { ip: null, userId: null }, 'pos');
        assert.deepEqual(queued, mailEnabled ? [
          { name: NotifyForumEventJob.name, payload: { kind: 'received', contributionId: c.id } },
          { name: NotifyForumEventJob.name, payload: { kind: 'published', contributionId: c.id } },
        ] : []);
      }
    });

    test('a queue that cannot even take the event leaves the post stored and acknowledged', async () => {
      const forum = forumWith(async () => {
        throw new Error('file des tâches indisponible');
      }, true);
      const c = await forum.post({ articleId, parentId: null, authorName: 'Léa', email: '', body: 'File en panne', notifyReplies: false }, { ip: null, userId: null }, 'pri');
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.body, 'File en panne');
    });

    test('moderators hear nothing one by one when the site wants a digest, or no mail', async () => {
      for (const choice of ['digest', 'none'] as const) {
        await writeSiteSettings(site.relais.db.kysely, { forumModeratorMail: choice });
        const c = await add({ status: 'proposed' as ContributionStatus });
        assert.deepEqual(await mailsForForumEvent(deps(), { kind: 'received', contributionId: c.id }), []);
      }
      await writeSiteSettings(site.relais.db.kysely, { forumModeratorMail: 'each' });
    });
  });
}
