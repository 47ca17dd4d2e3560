import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SendMailJob } from '../../mail/mailer.js';
import { writeSiteSettings } from '../../site/settings-store.js';
import { DIALECTS } from '../../test-support/databases.js';
import { startSmtpPeer, type SmtpPeer } from '../../test-support/smtp-peer.js';
import { addTestUser, buildArticle, formBody, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { advance, postForumMessage } from '../testdata/forum-test-helpers.js';
import { findContribution } from '../store.js';
import { SendForumDigestJob } from './forum-event.js';
import { readMail, type ReadMail } from './testdata/read-mail.js';

type Mail = ReadMail & { readonly to: readonly string[] };

/** Whether a mail went to this address (SMTP may change the case of the domain). */
const isTo = (mail: Mail, address: string) => mail.to.some((to) => to.toLowerCase() === address);

for (const dialect of DIALECTS) {
  describe(`forum e-mail over a real SMTP peer on ${dialect}`, () => {
    let smtp: SmtpPeer;
    let site: TestSite;
    let article: { id: number; slug: string };
    let moderators: string[];
    let n = 0;

    const all = (): Mail[] => smtp.received.map((m) => ({ ...readMail(m.raw), to: m.to }));
    async function waitUntil(done: () => boolean, timeoutMs = 20_000): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (!done()) {
        if (Date.now() > end) throw new Error('condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    /** Waits until `count` received mails match, then returns them. */
    async function waitFor(count: number, match: (mail: Mail) => boolean, timeoutMs = 20_000): Promise<Mail[]> {
      await waitUntil(() => all().filter(match).length >= count, timeoutMs);
      return all().filter(match);
    }
    /** Gives queued jobs time to run, for tests that check a mail does not come. */
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));
    const post = (body: string, options: { email?: string; notify?: boolean; parentId?: number; mode?: 'pri' | 'pos' } = {}) =>
      site.relais.forum.post(
        { articleId: article.id, parentId: options.parentId ?? null, authorName: `Auteur ${++n}`, email: options.email ?? '', body, notifyReplies: options.notify ?? false },
        { ip: `198.51.100.${n}`, userId: null }, options.mode ?? 'pri');
    const approve = (id: number) => site.relais.forum.moderate({ userId: null }, id, 'approve');
    const linkIn = (mail: Mail, path: string) => new RegExp(`http://relais\\.test(/forum/${path}\\?m=\\d+&s=[\\w-]+)`).exec(mail.text)?.[1];

    before(async () => {
      smtp = await startSmtpPeer();
      site = await startTestSite(dialect, { SMTP_URL: smtp.url });
      // The production back-off (a minute, doubling) shortened, so a retry shows within a test.
      site.relais.jobs.handle(SendMailJob, (message) => site.relais.mailer.send(message), { maxAttempts: 8, retryDelaySeconds: 1 });
      await site.relais.jobs.start();
      const created = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Fête de la musique' }));
      article = { id: created.id, slug: created.slug };
      const admin = await addTestUser(site, 'admin');
      moderators = [admin.email, (await addTestUser(site, 'moderator')).email].sort();
      await site.relais.accounts.setUserDisabled(admin.id, (await addTestUser(site, 'moderator')).id, true);
      await addTestUser(site, 'editor');
    });
    after(async () => {
      await site?.close();
      await smtp?.close();
    });

    test('each active moderator gets one e-mail per new message: article, author, text as plain words, link to the queue', async () => {
      const c = await post('Bonjour {{à tous}}, [le programme->https://exemple.fr] marqueur-A1');
      const mails = await waitFor(2, (m) => m.text.includes('marqueur-A1'));
      assert.deepEqual(mails.flatMap((m) => m.to).sort(), moderators);
      const mail = mails[0]!;
      assert.equal(mail.subject, '[Ma commune] Nouveau message sur « Fête de la musique »');
      assert.match(mail.text, new RegExp(`Auteur : Auteur ${n}`));
      assert.match(mail.text, /Bonjour à tous, le programme marqueur-A1/);
      assert.ok(mail.text.includes(`http://relais.test/ecrire/forum?statut=proposed&article=${article.id}`));
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.status, 'proposed');
    });

    test('an author who asked hears of the publication, with a signed one-click unsubscribe (RFC 8058) and a removal link', async () => {
      const c = await post('Mon avis marqueur-B1', { email: 'Camille@Exemple.fr', notify: true });
      await waitFor(2, (m) => m.text.includes('marqueur-B1'));
      assert.equal(all().filter((m) => isTo(m, 'camille@exemple.fr')).length, 0, 'nothing to the author before publication');
      await approve(c.id);
      const [mail] = await waitFor(1, (m) => isTo(m, 'camille@exemple.fr'));
      assert.equal(mail!.subject, '[Ma commune] Votre message est en ligne sur « Fête de la musique »');
      assert.ok(mail!.text.includes(`http://relais.test/article/${article.slug}#message${c.id}`));
      const unsubscribe = linkIn(mail!, 'desabonner');
      assert.ok(unsubscribe && linkIn(mail!, 'retirer'));
      assert.equal(mail!.headers.get('list-unsubscribe'), `<http://relais.test${unsubscribe}>`);
      assert.equal(mail!.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    });

    test('INVARIANT over SMTP: an answer reaches the author of the message only once published; rejected and spam answers never', async () => {
      const parent = await post('Question sur le parking marqueur-P', { email: 'dominique@exemple.fr', notify: true, mode: 'pos' });
      await waitFor(1, (m) => m.to.includes('dominique@exemple.fr')); // "en ligne" (a posteriori)
      const rejected = await post('Réponse refusée marqueur-SECRET-R', { parentId: parent.id, email: 'x@exemple.fr', notify: true });
      const spam = await post('Réponse spam marqueur-SECRET-S', { parentId: parent.id });
      const later = await post('Réponse validée marqueur-R3', { parentId: parent.id });
      await waitFor(2, (m) => m.text.includes('marqueur-R3'));
      await site.relais.forum.moderate({ userId: null }, rejected.id, 'reject');
      await site.relais.forum.moderate({ userId: null }, spam.id, 'spam');
      assert.equal(all().filter((m) => m.to.includes('dominique@exemple.fr')).length, 1, 'a proposed answer tells the author nothing');
      await approve(later.id);
      const [reply] = await waitFor(1, (m) => m.to.includes('dominique@exemple.fr') && m.text.includes('marqueur-R3'));
      assert.equal(reply!.subject, '[Ma commune] Nouvelle réponse à votre message sur « Fête de la musique »');
      await site.relais.forum.answerAsOrganisation({ userId: null, name: 'La mairie' }, parent.id, 'Le parking ouvre lundi marqueur-ORG');
      const [org] = await waitFor(1, (m) => m.to.includes('dominique@exemple.fr') && m.text.includes('marqueur-ORG'));
      assert.match(org!.text, /La mairie \(réponse de l’organisation\) a répondu/);
      await settle();
      for (const mail of all().filter((m) => !m.to.every((to) => moderators.includes(to)))) {
        assert.doesNotMatch(mail.text, /marqueur-SECRET/, `mail to ${mail.to.join()} quotes an unpublished answer`);
      }
      assert.equal(all().filter((m) => m.to.includes('x@exemple.fr')).length, 0);
    });

    test('the one-click POST stops the mails without a CSRF token; opening the link changes nothing; a tampered link gets a plain page', async () => {
      const parent = await post('Encore une question marqueur-U', { email: 'sacha@exemple.fr', notify: true, mode: 'pos' });
      const [mail] = await waitFor(1, (m) => m.to.includes('sacha@exemple.fr'));
      const link = linkIn(mail!, 'desabonner')!;
      const tampered = link.replace(/s=(.)/, (_m, c: string) => `s=${c === 'A' ? 'B' : 'A'}`);
      const refused = await site.app.inject({ url: tampered });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Ce lien n’est pas valide/);
      assert.doesNotMatch(refused.body, /Error|at .*\.js|\/work\//);
      assert.equal((await site.app.inject({ method: 'POST', url: tampered, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode, 400);
      const page = await site.app.inject({ url: link });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Ne plus recevoir de courriel/);
      assert.equal((await findContribution(site.relais.db.kysely, parent.id))?.notifyReplies, true, 'GET changes nothing');
      // As a mail client sends it: multipart/form-data, no cookie, no token.
      const boundary = 'relais-test';
      const oneClick = await site.app.inject({
        method: 'POST', url: link, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      });
      assert.equal(oneClick.statusCode, 200);
      assert.match(oneClick.body, /Désabonnement enregistré/);
      assert.equal((await findContribution(site.relais.db.kysely, parent.id))?.notifyReplies, false);
      const answer = await post('Une réponse après désabonnement marqueur-U2', { parentId: parent.id, mode: 'pos' });
      await waitFor(2, (m) => m.text.includes('marqueur-U2'));
      await settle();
      assert.equal(all().filter((m) => m.to.includes('sacha@exemple.fr')).length, 1, `no mail about answer ${answer.id}`);
      // The exemption is this route's only: another form without a token is still refused.
      assert.equal((await site.app.inject({ method: 'POST', url: '/forum/retirer', ...formBody({ m: String(parent.id) }) })).statusCode, 403);
    });

    test('a refusing SMTP server loses nothing: the message is stored and acknowledged at once, its e-mails go out on a retry', async () => {
      smtp.refuse(true);
      try {
        const response = await postForumMessage(site, article.slug, { nom: 'Alix', email: '', texte: 'Envoyé pendant la panne marqueur-SMTP' });
        assert.equal(response.statusCode, 303);
        const stored = await site.relais.db.kysely.selectFrom('forum_contributions').select('status').where('body', 'like', '%marqueur-SMTP%').execute();
        assert.deepEqual(stored.map((r) => r.status), ['proposed']);
        await waitUntil(() => smtp.refusals() >= 2);
        assert.equal(all().filter((m) => m.text.includes('marqueur-SMTP')).length, 0);
      } finally {
        smtp.refuse(false);
      }
      advance(site, 10 * 60_000); // SQLite retries on the business clock; PostgreSQL's back-off is a second here
      const mails = await waitFor(2, (m) => m.text.includes('marqueur-SMTP'), 30_000);
      assert.deepEqual(mails.flatMap((m) => m.to).sort(), moderators);
    });

    test('with the daily digest, moderators get one summary: the new messages, the spam counted but never quoted', async () => {
      await site.relais.jobs.enqueue(SendForumDigestJob, {}); // closes the period so far (setting "each": nothing sent)
      await settle();
      await writeSiteSettings(site.relais.db.kysely, { forumModeratorMail: 'digest' });
      try {
        advance(site, 1000);
        await post('Pour le résumé marqueur-D1');
        await site.relais.forum.post({ articleId: article.id, parentId: null, authorName: 'Robot', email: '', body: 'Promo marqueur-D2', notifyReplies: false },
          { ip: '198.51.100.250', userId: null, honeypot: true }, 'pri');
        advance(site, 1000);
        await settle();
        assert.equal(all().filter((m) => m.text.includes('marqueur-D1')).length, 0, 'no mail one by one');
        await site.relais.jobs.enqueue(SendForumDigestJob, {});
        const digests = await waitFor(2, (m) => m.text.includes('marqueur-D1'));
        assert.deepEqual(digests.flatMap((m) => m.to).sort(), moderators);
        assert.equal(digests[0]!.subject, '[Ma commune] Forum : 1 nouveau message en 24 heures');
        assert.match(digests[0]!.text, /Classés automatiquement comme spam : 1 /);
        assert.ok(all().every((m) => !m.text.includes('marqueur-D2')));
      } finally {
        await writeSiteSettings(site.relais.db.kysely, { forumModeratorMail: 'each' });
      }
    });
  });
}
