import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { signedInClients } from '../test-support/admin-test-client.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { advance, hiddenValue, postForumMessage } from './testdata/forum-test-helpers.js';
import { listContributionsForModeration } from './store.js';

for (const dialect of DIALECTS) {
  describe(`public forum on ${dialect}`, () => {
    let site: TestSite;
    let slug: string;
    let articleId: number;
    let ip = 0;
    const nextIp = () => `203.0.113.${++ip}`;
    const latest = async () => (await listContributionsForModeration(site.relais.db.kysely, { limit: 1, offset: 0 }))[0]!;

    before(async () => {
      site = await startTestSite(dialect);
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle());
      slug = article.slug;
      articleId = article.id;
    });
    after(() => site?.close());

    test('shows the heading, the a priori notice and the form with fresh tokens, never cached', async () => {
      const first = await site.app.inject({ method: 'GET', url: `/article/${slug}` });
      assert.equal(first.statusCode, 200);
      assert.match(first.body, /Un message, un commentaire \?/);
      assert.match(first.body, /n’apparaîtra qu’après avoir été validée/);
      assert.match(first.body, /Qui êtes-vous \?/);
      assert.match(first.body, /<code>\{\{…\}\}<\/code>/);
      assert.doesNotMatch(first.body, /relais:forum-tokens/);
      advance(site, 1000);
      const second = await site.app.inject({ method: 'GET', url: `/article/${slug}` });
      assert.notEqual(hiddenValue(first.body, 'jeton'), hiddenValue(second.body, 'jeton'));
    });

    test('a plain submission stores the message as proposed and says it awaits validation; it stays hidden', async () => {
      const response = await postForumMessage(site, slug, { nom: 'Camille', texte: 'Marqueur-attente {{gras}}' }, { ip: nextIp() });
      assert.equal(response.statusCode, 303);
      const thanks = await site.app.inject({ method: 'GET', url: response.headers.location as string });
      assert.match(thanks.body, /en attente de validation/);
      const c = await latest();
      assert.equal(c.status, 'proposed');
      assert.equal(c.body, 'Marqueur-attente {{gras}}');
      const page = await site.app.inject({ method: 'GET', url: `/article/${slug}` });
      assert.doesNotMatch(page.body, /Marqueur-attente/);
    });

    test('previews the message rendered, keeping every field, without storing it', async () => {
      const before = (await latest()).id;
      const response = await postForumMessage(site, slug, { nom: 'Dominique', email: 'd@exemple.fr', texte: 'Aperçu {{important}}', prevenir: '1', action: 'previsualiser' }, { ip: nextIp() });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Votre message tel qu’il apparaîtra/);
      assert.match(response.body, /<strong>important<\/strong>/);
      assert.match(response.body, /value="Dominique"/);
      assert.match(response.body, /value="d@exemple.fr"/);
      assert.match(response.body, />Aperçu \{\{important\}\}<\/textarea>/);
      assert.match(response.body, /id="f-prevenir" name="prevenir" value="1" checked/);
      assert.equal((await latest()).id, before);
    });

    test('points at the missing fields, keeping the text', async () => {
      const response = await postForumMessage(site, slug, { nom: '', texte: 'Mon texte gardé', action: 'envoyer' }, { ip: nextIp() });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /role="alert"/);
      assert.match(response.body, /<a href="#f-nom">/);
      assert.match(response.body, /aria-describedby="f-nom-error" aria-invalid="true"/);
      assert.match(response.body, />Mon texte gardé<\/textarea>/);
    });

    test('refuses a message sent within 3 seconds, or after 12 hours, keeping the text', async () => {
      const soon = await postForumMessage(site, slug, { nom: 'Robot', texte: 'Trop rapide' }, { ip: nextIp(), waitMs: 1000 });
      assert.equal(soon.statusCode, 400);
      assert.match(soon.body, /trop vite/);
      assert.match(soon.body, />Trop rapide<\/textarea>/);
      const late = await postForumMessage(site, slug, { nom: 'Lent', texte: 'Trop tard' }, { ip: nextIp(), waitMs: 13 * 3600_000 });
      assert.equal(late.statusCode, 400);
      assert.match(late.body, /expiré/);
      assert.match(late.body, />Trop tard<\/textarea>/);
    });

    test('refuses a message over 20,000 characters, keeping it', async () => {
      const long = 'a'.repeat(20_001);
      const response = await postForumMessage(site, slug, { nom: 'Long', texte: long }, { ip: nextIp() });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /ne doit pas dépasser 20/);
      assert.ok(response.body.includes(`>${long}</textarea>`));
    });

    test('keeps a honeypot message as spam while thanking the robot as usual', async () => {
      const response = await postForumMessage(site, slug, { nom: 'Bot', texte: 'Achetez', site_web: 'http://spam.example' }, { ip: nextIp() });
      assert.equal(response.statusCode, 303);
      assert.equal((await latest()).status, 'spam');
    });

    test('limits an address to 5 messages in 10 minutes, keeping the sixth text', async () => {
      const address = '198.51.100.99';
      for (let i = 0; i < 5; i++) assert.equal((await postForumMessage(site, slug, { nom: 'Zélé', texte: `Message ${i}` }, { ip: address })).statusCode, 303);
      const sixth = await postForumMessage(site, slug, { nom: 'Zélé', texte: 'Le sixième' }, { ip: address });
      assert.equal(sixth.statusCode, 429);
      assert.match(sixth.body, /réessayez dans/);
      assert.match(sixth.body, />Le sixième<\/textarea>/);
    });

    test('refuses a post without the CSRF token, storing nothing but giving the text back with a fresh token', async () => {
      const before = (await latest()).id;
      const response = await site.app.inject({ method: 'POST', url: '/forum/envoyer', payload: `article=${articleId}&nom=Claude&texte=Un+long+message+gard%C3%A9`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /Votre session a expiré/);
      assert.match(response.body, /value="Claude"/);
      assert.match(response.body, />Un long message gardé<\/textarea>/);
      assert.ok(hiddenValue(response.body, '_csrf').length > 10);
      assert.equal((await latest()).id, before);
    });

    test('refuses a form of more than 64 KB even when its text is under the character limit, keeping the text', async () => {
      const before = (await latest()).id;
      const text = 'é'.repeat(12_000);
      const response = await postForumMessage(site, slug, { nom: 'Bavard', texte: text }, { ip: nextIp() });
      assert.equal(response.statusCode, 413);
      assert.match(response.body, /le forum accepte au plus 64 Ko/);
      assert.ok(response.body.includes(`>${text}</textarea>`));
      assert.equal((await latest()).id, before);
    });

    test('a posteriori: online at once, threaded replies indented, oldest first, hostile text harmless', async () => {
      await site.relais.forum.setArticleMode({ userId: null }, articleId, 'pos');
      const root = await postForumMessage(site, slug, { nom: 'Alice', texte: 'Racine <script>alert(1)</script> [x->javascript:alert(1)]' }, { ip: nextIp() });
      assert.match(root.headers.location as string, /etat=en-ligne/);
      const thanks = await site.app.inject({ method: 'GET', url: root.headers.location as string });
      assert.match(thanks.body, /est en ligne/);
      const rootId = (await latest()).id;
      const replyForm = await site.app.inject({ method: 'GET', url: `/forum/repondre/${rootId}` });
      assert.match(replyForm.body, /Répondre à Alice/);
      const reply = await postForumMessage(site, slug, { nom: 'Bruno', texte: 'Réponse à Alice', parent: String(rootId) }, { ip: nextIp(), from: `/forum/repondre/${rootId}` });
      assert.equal(reply.statusCode, 303);
      const page = (await site.app.inject({ method: 'GET', url: `/article/${slug}` })).body;
      assert.match(page, /modéré a posteriori/);
      assert.ok(page.indexOf('Racine') < page.indexOf('Réponse à Alice'));
      assert.match(page, new RegExp(`id="message${rootId}"[\\s\\S]*<ul class="forum-replies"><li class="forum-message" id="message${rootId + 1}"`));
      assert.doesNotMatch(page, /<script>alert/);
      assert.doesNotMatch(page, /href="javascript:/);
      assert.match(page, /Répondre à ce message/);
    });

    test('keeps control characters and direction marks as typed, except the NUL character no database can store', async () => {
      const texte = 'Cloche\u0007 échap\u001b[31m rouge \u202Einversé\u202C zéro\u200Blargeur \u0000fin';
      const response = await postForumMessage(site, slug, { nom: 'Ctrl\u0000', texte }, { ip: nextIp() });
      assert.equal(response.statusCode, 303);
      const stored = await latest();
      assert.equal(stored.body, texte.replace('\u0000', ''));
      assert.equal(stored.authorName, 'Ctrl');
    });

    test('closed: no form, the approved messages stay visible; posting is refused', async () => {
      await site.relais.forum.setArticleMode({ userId: null }, articleId, 'non');
      const page = (await site.app.inject({ method: 'GET', url: `/article/${slug}` })).body;
      assert.match(page, /est fermé/);
      assert.match(page, /Réponse à Alice/);
      assert.doesNotMatch(page, /class="forum-form"/);
      assert.doesNotMatch(page, /Répondre à ce message/);
    });

    test('sur abonnement: anonymous visitors get a sign-in link, signed-in ones the form', async () => {
      await site.relais.forum.setArticleMode({ userId: null }, articleId, 'abo');
      const anonymous = (await site.app.inject({ method: 'GET', url: `/article/${slug}` })).body;
      assert.match(anonymous, /connectez-vous/);
      assert.doesNotMatch(anonymous, /class="forum-form"/);
      const { editor } = await signedInClients(site, ['editor']);
      const member = await postForumMessage(site, slug, { nom: 'Élu', texte: 'Membre' }, { ip: nextIp(), cookie: editor.cookie });
      assert.equal(member.statusCode, 303);
      const c = await latest();
      assert.equal(c.userId, editor.id);
      await site.relais.forum.setArticleMode({ userId: null }, articleId, null);
    });
  });
}
