import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listAuditEntries } from '../audit/store.js';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle, formBody, startTestSite, type TestSite } from '../test-support/test-site.js';
import { writeForumLimits } from './forum-limits.js';
import { findContribution } from './store.js';

for (const dialect of DIALECTS) {
  describe(`editing a forum message in the back office on ${dialect}`, () => {
    let site: TestSite;
    let as: Record<'admin' | 'moderator' | 'editor', SignedInClient>;
    let article: { id: number; slug: string };
    const post = (body: string, mode: 'pri' | 'pos' = 'pri') => site.relais.forum.post(
      { articleId: article.id, parentId: null, authorName: 'Camille', email: 'camille@exemple.fr', body, notifyReplies: false },
      { ip: null, userId: null }, mode);

    before(async () => {
      site = await startTestSite(dialect);
      article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Budget participatif' }));
      as = await signedInClients(site, ['admin', 'moderator', 'editor']);
    });
    after(() => site?.close());

    test('shows the message in a form reached from the queue, its article named', async () => {
      const c = await post('Texte {{initial}}');
      const queue = await as.moderator.get('/ecrire/forum');
      assert.match(queue.body, new RegExp(`href="/ecrire/forum/${c.id}/modifier\\?retour=proposed"`));
      const form = await as.moderator.get(`/ecrire/forum/${c.id}/modifier?retour=proposed`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<h1>Modifier le message n° \d+<\/h1>/);
      assert.match(form.body, /value="Camille"/);
      assert.match(form.body, /value="camille@exemple\.fr"/);
      assert.match(form.body, /<textarea[^>]*name="texte"[^>]*>Texte \{\{initial\}\}<\/textarea>/);
      assert.match(form.body, /Budget participatif/);
      assert.equal((await as.moderator.get('/ecrire/forum/999999/modifier')).statusCode, 404);
    });

    test('previews through the forum renderer without saving anything', async () => {
      const c = await post('Avant aperçu');
      const preview = await as.moderator.post(`/ecrire/forum/${c.id}/modifier`,
        { action: 'preview', nom: 'Camille D.', email: '', texte: 'Après {{gras}} <script>alert(1)</script>', retour: 'proposed' }, '/ecrire/forum');
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /<div class="forum-text">[^]*Après <strong>gras<\/strong>/);
      assert.doesNotMatch(preview.body, /<script>alert/);
      assert.match(preview.body, /<textarea[^>]*>Après \{\{gras\}\} &lt;script>alert\(1\)&lt;\/script><\/textarea>/);
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.body, 'Avant aperçu');
    });

    test('saves name, e-mail and text, keeps the status, audits the change and returns to the list it came from', async () => {
      const c = await post('Texte à corriger');
      const saved = await as.moderator.post(`/ecrire/forum/${c.id}/modifier`,
        { action: 'save', nom: '  Camille D.  ', email: '', texte: 'Texte corrigé', retour: 'proposed', article: String(article.id) }, '/ecrire/forum');
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/ecrire/forum?statut=proposed&article=${article.id}&ok=edit`);
      const after = await findContribution(site.relais.db.kysely, c.id);
      assert.deepEqual([after?.authorName, after?.email, after?.body, after?.status], ['Camille D.', null, 'Texte corrigé', 'proposed']);
      const [entry] = await listAuditEntries(site.relais.db.kysely, { limit: 1, offset: 0 });
      assert.deepEqual([entry?.action, entry?.objectType, entry?.objectId, entry?.userId], ['forum.contribution.edited', 'forum_contribution', String(c.id), as.moderator.id]);
      assert.match((await as.moderator.get(saved.headers.location as string)).body, /Message modifié\./);
      const journal = (await as.admin.get('/ecrire/journal')).body;
      assert.match(journal, new RegExp(`Message du forum modifié[^]*Message du forum n° ${c.id}`));
    });

    test('a correction to a published message shows at once on the cached article page', async () => {
      const c = await post('Version en ligne', 'pos');
      const first = await site.app.inject({ method: 'GET', url: `/article/${article.slug}` });
      assert.match(first.body, /Version en ligne/);
      await as.moderator.post(`/ecrire/forum/${c.id}/modifier`, { action: 'save', nom: 'Camille', email: 'camille@exemple.fr', texte: 'Version corrigée' }, '/ecrire/forum');
      const second = await site.app.inject({ method: 'GET', url: `/article/${article.slug}` });
      assert.match(second.body, /Version corrigée/);
      assert.doesNotMatch(second.body, /Version en ligne/);
    });

    test('an invalid correction comes back as typed with its messages, and nothing is saved', async () => {
      const c = await post('Intact');
      const bad = await as.moderator.post(`/ecrire/forum/${c.id}/modifier`,
        { action: 'save', nom: ' ', email: 'pas-une-adresse', texte: 'Nouveau texte' }, '/ecrire/forum');
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Le formulaire contient 2 erreurs/);
      assert.match(bad.body, /value="pas-une-adresse"/);
      assert.match(bad.body, />Nouveau texte<\/textarea>/);
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.body, 'Intact');
    });

    test('holds a correction to the site’s length limit, unless the message was already longer', async () => {
      const older = await post('o'.repeat(300));
      const short = await post('Court');
      await writeForumLimits(site.relais.db.kysely, { maxMessageLength: 100 });
      try {
        const tooLong = await as.moderator.post(`/ecrire/forum/${short.id}/modifier`, { action: 'save', nom: 'Camille', email: '', texte: 'x'.repeat(150) }, '/ecrire/forum');
        assert.equal(tooLong.statusCode, 400);
        assert.match(tooLong.body, /ne doit pas dépasser 100 caractères/);
        const preview = await as.moderator.post(`/ecrire/forum/${short.id}/modifier`, { action: 'preview', nom: 'Camille', email: '', texte: 'x'.repeat(150) }, '/ecrire/forum');
        assert.match(preview.body, /ne doit pas dépasser 100 caractères/);
        const fixed = await as.moderator.post(`/ecrire/forum/${older.id}/modifier`, { action: 'save', nom: 'Camille', email: '', texte: 'o'.repeat(290) }, '/ecrire/forum');
        assert.equal(fixed.statusCode, 303);
        assert.equal((await findContribution(site.relais.db.kysely, older.id))?.body.length, 290);
      } finally {
        await writeForumLimits(site.relais.db.kysely, { maxMessageLength: 20_000 });
      }
    });

    test('is refused without the form token, to editors, and sends anonymous visitors to sign in', async () => {
      const c = await post('Protégé');
      const fields = { action: 'save', nom: 'Pirate', email: '', texte: 'Modifié' };
      assert.equal((await site.app.inject({ method: 'POST', url: `/ecrire/forum/${c.id}/modifier`, ...formBody(fields, as.moderator.cookie) })).statusCode, 403);
      assert.equal((await as.editor.post(`/ecrire/forum/${c.id}/modifier`, fields)).statusCode, 403);
      assert.equal((await as.editor.get(`/ecrire/forum/${c.id}/modifier`)).statusCode, 403);
      const anonymous = await site.app.inject({ method: 'GET', url: `/ecrire/forum/${c.id}/modifier` });
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/ecrire\/login/);
      assert.equal((await findContribution(site.relais.db.kysely, c.id))?.body, 'Protégé');
    });
  });
}
