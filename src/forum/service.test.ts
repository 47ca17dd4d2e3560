import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listAuditEntries } from '../audit/store.js';
import { readSetting } from '../site/settings-store.js';
import { siteVersionReader } from '../site/site-version.js';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { ValidationError, RateLimitError, NotFoundError } from '../errors.js';
import { ForumConflictError } from './forum-conflict-error.js';
import type { ContributionInput } from './service.js';
import { countContributionsByStatus, findContribution, listPublishedContributions } from './store.js';

const message = (articleId: number, overrides: Partial<ContributionInput> = {}): ContributionInput => ({
  articleId, parentId: null, authorName: 'Camille', email: '', body: 'Bonjour {{à tous}}', notifyReplies: false, ...overrides,
});

for (const dialect of DIALECTS) {
  describe(`forum service on ${dialect}`, () => {
    let site: TestSite;
    let articleId: number;
    let readVersion: () => Promise<number>;
    let ipCounter = 0;
    const poster = () => ({ ip: `192.0.2.${++ipCounter}`, userId: null });

    before(async () => {
      site = await startTestSite(dialect);
      articleId = (await site.relais.blog.createArticle({ userId: null }, buildArticle())).id;
      readVersion = siteVersionReader(site.relais.db);
    });
    after(() => site?.close());

    test('stores a message intact as proposed in a priori mode, without touching the site version', async () => {
      const version = await readVersion();
      const body = '<script>alert(1)</script>\u202Eabc {{gras}}';
      const c = await site.relais.forum.post(message(articleId, { body, email: ' camille@exemple.fr ' }), poster(), 'pri');
      assert.equal(c.status, 'proposed');
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.body, body);
      assert.equal(c.email, 'camille@exemple.fr');
      assert.equal(await readVersion(), version);
    });

    test('publishes at once in a posteriori mode and bumps the site version', async () => {
      const version = await readVersion();
      const c = await site.relais.forum.post(message(articleId), poster(), 'pos');
      assert.equal(c.status, 'published');
      assert.equal(await readVersion(), version + 1);
    });

    test('keeps a honeypot message as spam', async () => {
      const c = await site.relais.forum.post(message(articleId), { ...poster(), honeypot: true }, 'pos');
      assert.equal(c.status, 'spam');
    });

    test('sends obvious spam (many links) straight to spam, keeping it, and scores a duplicate text', async () => {
      const links = Array.from({ length: 6 }, (_, i) => `[offre ${i}->https://spam${i}.example]`).join(' ');
      const spam = await site.relais.forum.post(message(articleId, { body: links }), poster(), 'pos');
      assert.equal(spam.status, 'spam');
      assert.deepEqual(spam.spamReasons, ['6 liens']);
      await site.relais.forum.post(message(articleId, { body: 'Texte répété' }), poster(), 'pri');
      const again = await site.relais.forum.post(message(articleId, { body: 'Texte répété' }), poster(), 'pri');
      assert.equal(again.status, 'proposed');
      assert.equal(again.spamScore, 3);
      assert.match(again.spamReasons.join(), /identique/);
    });

    test('finds a duplicate of a long text, and follows a moderator’s correction of the first one', async () => {
      const long = `${'Un très long message. '.repeat(400)}Fin.`;
      await site.relais.forum.post(message(articleId, { body: long }), poster(), 'pri');
      assert.match((await site.relais.forum.post(message(articleId, { body: long }), poster(), 'pri')).spamReasons.join(), /identique/);
      const first = await site.relais.forum.post(message(articleId, { body: 'Avant correction' }), poster(), 'pri');
      await site.relais.forum.edit({ userId: null }, first.id, { authorName: first.authorName, email: '', body: 'Après correction' });
      assert.deepEqual((await site.relais.forum.post(message(articleId, { body: 'Avant correction' }), poster(), 'pri')).spamReasons, []);
      assert.match((await site.relais.forum.post(message(articleId, { body: 'Après correction' }), poster(), 'pri')).spamReasons.join(), /identique/);
    });

    test('refuses a missing name, a bad e-mail, an empty or oversized message', async () => {
      await assert.rejects(site.relais.forum.post(message(articleId, { authorName: ' ', email: 'pas-une-adresse', body: '' }), poster(), 'pri'),
        (e: unknown) => e instanceof ValidationError && Object.keys(e.fields).sort().join() === 'email,nom,texte');
      await assert.rejects(site.relais.forum.post(message(articleId, { body: 'x'.repeat(20_001) }), poster(), 'pri'),
        (e: unknown) => e instanceof ValidationError && /20\u202f?000|20 000/.test(e.fields.texte ?? ''));
    });

    test('refuses posting to a closed forum', async () => {
      await assert.rejects(site.relais.forum.post(message(articleId), poster(), 'non'), ForumConflictError);
    });

    test('threads a reply under a published message only', async () => {
      const root = await site.relais.forum.post(message(articleId), poster(), 'pos');
      const reply = await site.relais.forum.post(message(articleId, { parentId: root.id }), poster(), 'pos');
      const second = await site.relais.forum.post(message(articleId, { parentId: reply.id }), poster(), 'pos');
      assert.equal(reply.threadId, root.id);
      assert.equal(second.threadId, root.id);
      const hidden = await site.relais.forum.post(message(articleId), poster(), 'pri');
      await assert.rejects(site.relais.forum.post(message(articleId, { parentId: hidden.id }), poster(), 'pri'), NotFoundError);
    });

    test('limits posting per address', async () => {
      const ip = { ip: '198.51.100.7', userId: null };
      for (let i = 0; i < 5; i++) await site.relais.forum.post(message(articleId), ip, 'pri');
      await assert.rejects(site.relais.forum.post(message(articleId), ip, 'pri'), RateLimitError);
    });

    test('moderates through the allowed transitions, audited, bumping the version when public pages change', async () => {
      const { forum } = site.relais;
      const c = await forum.post(message(articleId), poster(), 'pri');
      let version = await readVersion();
      assert.equal((await forum.moderate({ userId: null }, c.id, 'approve')).status, 'published');
      assert.equal(await readVersion(), ++version);
      assert.ok((await listPublishedContributions(site.relais.db.kysely, articleId)).some((p) => p.id === c.id));
      assert.equal((await forum.moderate({ userId: null }, c.id, 'unpublish')).status, 'proposed');
      assert.equal(await readVersion(), ++version);
      await assert.rejects(forum.moderate({ userId: null }, c.id, 'unpublish'), ForumConflictError);
      assert.equal((await forum.moderate({ userId: null }, c.id, 'reject')).status, 'rejected');
      assert.equal((await forum.moderate({ userId: null }, c.id, 'spam')).status, 'spam');
      await assert.rejects(forum.moderate({ userId: null }, 999_999, 'approve'), NotFoundError);
      const audit = await listAuditEntries(site.relais.db.kysely, { limit: 4, offset: 0 });
      assert.deepEqual(audit.map((a) => a.action), ['forum.contribution.spam', 'forum.contribution.reject', 'forum.contribution.unpublish', 'forum.contribution.approve']);
      const counts = await countContributionsByStatus(site.relais.db.kysely);
      assert.ok(counts.spam >= 2 && counts.proposed >= 1 && counts.published >= 1);
    });

    test('follows the site default mode unless the article has its own', async () => {
      assert.equal(await readSetting(site.relais.db.kysely, 'forum.default_mode'), undefined);
      assert.equal(await site.relais.forum.modeOf(articleId), 'pri');
      await site.relais.forum.setArticleMode({ userId: null }, articleId, 'non');
      assert.equal(await site.relais.forum.modeOf(articleId), 'non');
      await site.relais.forum.setArticleMode({ userId: null }, articleId, null);
      assert.equal(await site.relais.forum.modeOf(articleId), 'pri');
    });
  });
}
