import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listAuditEntries } from '../audit/store.js';
import { DIALECTS } from '../test-support/databases.js';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { buildArticle, cookiesFrom, csrfTokenIn, formBody, startTestSite, type TestSite } from '../test-support/test-site.js';
import type { Role } from '../accounts/user.js';
import { findContribution } from './store.js';

for (const dialect of DIALECTS) {
  describe(`forum moderation back office on ${dialect}`, () => {
    let site: TestSite;
    let as: Record<Exclude<Role, 'visitor'>, SignedInClient>;
    let articleId: number;
    let n = 0;
    const propose = (body: string) => site.relais.forum.post(
      { articleId, parentId: null, authorName: `Auteur ${++n}`, email: `auteur${n}@exemple.fr`, body, notifyReplies: false },
      { ip: `192.0.2.${n}`, userId: null }, 'pri');

    before(async () => {
      site = await startTestSite(dialect);
      articleId = (await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Travaux de la place' }))).id;
      as = await signedInClients(site, ['admin', 'moderator', 'editor', 'reader']);
    });
    after(() => site?.close());

    test('lists proposed messages newest first with article, rendered text, name, e-mail, time and address', async () => {
      await propose('Premier {{message}}');
      await propose('Second message');
      const page = await as.moderator.get('/ecrire/forum');
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.indexOf('Second message') < page.body.indexOf('Premier'));
      assert.match(page.body, /<strong>message<\/strong>/);
      assert.match(page.body, /Travaux de la place/);
      assert.match(page.body, /auteur1@exemple\.fr/);
      assert.match(page.body, /192\.0\.2\.1/);
      assert.match(page.body, /À valider \(2\)/);
      await propose('Premier {{message}}');
      assert.match((await as.moderator.get('/ecrire/forum')).body, /Signaux de spam.*identique/);
      assert.match(page.body, /href="\/ecrire\/forum" aria-current="page">Forum</);
    });

    test('is refused to editors and readers, and sends anonymous visitors to sign in', async () => {
      assert.equal((await as.editor.get('/ecrire/forum')).statusCode, 403);
      assert.equal((await as.reader.get('/ecrire/forum')).statusCode, 403);
      assert.equal((await site.app.inject({ method: 'GET', url: '/ecrire/forum' })).statusCode, 303);
      assert.doesNotMatch((await as.editor.get('/ecrire/')).body, /href="\/ecrire\/forum"/);
    });

    test('approves, rejects and marks as spam, with counts and filters following, audited', async () => {
      const a = await propose('À publier');
      const r = await propose('À refuser');
      const s = await propose('À classer');
      const approve = await as.admin.post(`/ecrire/forum/${a.id}/approve`, { retour: 'proposed' }, '/ecrire/forum');
      assert.equal(approve.statusCode, 303);
      assert.equal(approve.headers.location, '/ecrire/forum?statut=proposed&ok=approve');
      await as.moderator.post(`/ecrire/forum/${r.id}/reject`, {}, '/ecrire/forum');
      await as.moderator.post(`/ecrire/forum/${s.id}/spam`, {}, '/ecrire/forum');
      assert.equal((await findContribution(site.relais.db.kysely, a.id))?.status, 'published');
      assert.equal((await findContribution(site.relais.db.kysely, r.id))?.status, 'rejected');
      assert.equal((await findContribution(site.relais.db.kysely, s.id))?.status, 'spam');
      const published = await as.moderator.get('/ecrire/forum?statut=published');
      assert.match(published.body, /À publier/);
      assert.doesNotMatch(published.body, /À refuser/);
      assert.match(published.body, /Dépublier/);
      assert.match(published.body, /Spam \(1\)/);
      const audit = await listAuditEntries(site.relais.db.kysely, { limit: 3, offset: 0 });
      assert.deepEqual(audit.map((e) => e.action), ['forum.contribution.spam', 'forum.contribution.reject', 'forum.contribution.approve']);
      assert.equal(audit[0]!.userId, as.moderator.id);
    });

    test('narrows the queue to one article, counts included, and keeps the filter after an action', async () => {
      const other = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Marché de Noël' }));
      const c = await site.relais.forum.post(
        { articleId: other.id, parentId: null, authorName: 'Noé', email: '', body: 'Sur le marché', notifyReplies: false }, { ip: '192.0.2.200', userId: null }, 'pri');
      const page = await as.moderator.get(`/ecrire/forum?statut=proposed&article=${other.id}`);
      assert.match(page.body, /Sur le marché/);
      assert.doesNotMatch(page.body, /Second message/);
      assert.match(page.body, /À valider \(1\)/);
      assert.match(page.body, /Messages de l’article « Marché de Noël » seulement/);
      const done = await as.moderator.post(`/ecrire/forum/${c.id}/approve`, { retour: 'proposed', article: String(other.id) }, '/ecrire/forum');
      assert.equal(done.headers.location, `/ecrire/forum?statut=proposed&article=${other.id}&ok=approve`);
      assert.equal((await as.moderator.get('/ecrire/forum?article=999999')).statusCode, 404);
      const all = await as.moderator.get('/ecrire/forum?statut=published&article=');
      assert.equal(all.statusCode, 200);
      assert.match(all.body, /Sur le marché/);
      assert.match(all.body, new RegExp(`<option value="${other.id}">Marché de Noël \\(1 message\\)</option>`));
      assert.match((await as.moderator.get(`/ecrire/forum?article=${other.id}`)).body, new RegExp(`<option value="${other.id}" selected>`));
    });

    test('answers as the organisation: the message and the marked answer are published at once, threaded', async () => {
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Horaires de la mairie' }));
      const c = await site.relais.forum.post(
        { articleId: article.id, parentId: null, authorName: 'Inès', email: '', body: 'Question-horaires', notifyReplies: false }, { ip: '192.0.2.201', userId: null }, 'pri');
      const done = await as.moderator.post(`/ecrire/forum/${c.id}/reponse`, { texte: 'Réponse-officielle {{lundi}}', retour: 'proposed' }, '/ecrire/forum');
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/ecrire/forum?statut=proposed&ok=answer');
      const page = (await site.app.inject({ method: 'GET', url: `/article/${article.slug}` })).body;
      assert.match(page, /Question-horaires[\s\S]*<ul class="forum-replies"><li class="forum-message organisation"[\s\S]*réponse de l’organisation[\s\S]*Réponse-officielle <strong>lundi<\/strong>/);
      assert.equal((await as.editor.post(`/ecrire/forum/${c.id}/reponse`, { texte: 'non' }, '/ecrire/articles')).statusCode, 403);
    });

    test('refuses an action without the CSRF token, by an editor, or that the status does not allow', async () => {
      const c = await propose('Protégé');
      const noToken = await site.app.inject({ method: 'POST', url: `/ecrire/forum/${c.id}/approve`, ...formBody({}, as.moderator.cookie) });
      assert.equal(noToken.statusCode, 403);
      assert.equal((await as.editor.post(`/ecrire/forum/${c.id}/approve`, {}, '/ecrire/articles')).statusCode, 403);
      assert.equal((await as.moderator.post(`/ecrire/forum/${c.id}/unpublish`, {}, '/ecrire/forum')).statusCode, 409);
      assert.equal((await as.moderator.post(`/ecrire/forum/${c.id}/delete`, {}, '/ecrire/forum')).statusCode, 404);
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.status, 'proposed');
    });

    test('pages a long queue, 30 messages a page, newest first, the filters kept', async () => {
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Consultation longue' }));
      const ids: number[] = [];
      for (let i = 1; i <= 31; i++) {
        ids.push((await site.relais.forum.post({ articleId: article.id, parentId: null, authorName: 'Lecteur', email: '', body: `long-${i}-fin`, notifyReplies: false },
          { ip: null, userId: null }, 'pri')).id);
      }
      const first = await as.moderator.get(`/ecrire/forum?statut=proposed&article=${article.id}`);
      assert.equal((first.body.match(/class="moderation-item"/g) ?? []).length, 30);
      assert.match(first.body, new RegExp(`href="/ecrire/forum\\?statut=proposed&amp;article=${article.id}&amp;page=2">Page suivante`));
      assert.doesNotMatch(first.body, /long-1-fin/);
      const second = await as.moderator.get(`/ecrire/forum?statut=proposed&article=${article.id}&page=2`);
      assert.equal((second.body.match(/class="moderation-item"/g) ?? []).length, 1);
      assert.match(second.body, /long-1-fin/);
      assert.match(second.body, new RegExp(`name="page_ids" value="${ids[0]}"`));
    });

    test('answers an impossible move with a plain-French 409 page that changes nothing', async () => {
      const c = await propose('Déjà refusé');
      await site.relais.forum.moderate({ userId: null }, c.id, 'reject');
      for (const action of ['reject', 'unpublish']) {
        const response = await as.moderator.post(`/ecrire/forum/${c.id}/${action}`, { retour: 'rejected' }, '/ecrire/forum');
        assert.equal(response.statusCode, 409);
        assert.match(response.body, /<h1 class="page-title">Action impossible<\/h1>/);
        assert.match(response.body, /rien n'a été modifié/);
        assert.doesNotMatch(response.body, /ForumConflictError|forum_transition|\.ts\b/);
      }
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.status, 'rejected');
    });

    test('refuses every moderation POST without the form token: nothing changes', async () => {
      const c = await propose('Sans jeton');
      const attempts = [
        [`/ecrire/forum/${c.id}/approve`, {}], [`/ecrire/forum/${c.id}/spam`, {}], [`/ecrire/forum/${c.id}/reponse`, { texte: 'Réponse' }],
        [`/ecrire/forum/${c.id}/modifier`, { action: 'save', nom: 'X', email: '', texte: 'Changé' }],
        ['/ecrire/forum/selection', { selection: String(c.id), action_groupee: 'reject' }],
      ] as const;
      for (const [url, fields] of attempts) {
        const response = await site.app.inject({ method: 'POST', url, ...formBody({ ...fields }, as.moderator.cookie) });
        assert.equal(response.statusCode, 403, url);
        assert.match(response.body, /Formulaire expiré/);
      }
      const after = await findContribution(site.relais.db.kysely, c.id);
      assert.deepEqual([after?.status, after?.body], ['proposed', 'Sans jeton']);
    });

    test('refuses the queue’s actions to editors and readers, and sends anonymous visitors to sign in', async () => {
      const c = await propose('Réservé');
      for (const client of [as.editor, as.reader]) {
        for (const [url, fields] of [[`/ecrire/forum/${c.id}/approve`, {}], ['/ecrire/forum/selection', { selection: String(c.id), action_groupee: 'approve' }]] as const) {
          assert.equal((await client.post(url, { ...fields }, '/ecrire/')).statusCode, 403, url);
        }
      }
      const login = await site.app.inject({ method: 'GET', url: '/ecrire/login' });
      const anonymous = await site.app.inject({ method: 'POST', url: `/ecrire/forum/${c.id}/approve`, ...formBody({ _csrf: csrfTokenIn(login.body) }, cookiesFrom(login)) });
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/ecrire\/login/);
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.status, 'proposed');
    });
  });
}
