import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../http/app.js';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { DIALECTS } from '../test-support/databases.js';
import { startRelayTestKit, type RelayTestKit } from './testdata/relay-test-kit.js';

const TOKEN = 'jeton-tres-secret-de-la-page-4321';

for (const dialect of DIALECTS) {
  describe(`relay back office on ${dialect}`, () => {
    let kit: RelayTestKit;
    let app: FastifyInstance;
    let as: Record<'admin' | 'editor' | 'reader', SignedInClient>;
    before(async () => {
      kit = await startRelayTestKit(dialect, 120);
      // The site's own relay, with the test network instead of the installed ones.
      app = await buildApp({ ...kit.site.relais, relay: kit.relay });
      as = await signedInClients({ ...kit.site, app }, ['admin', 'editor', 'reader']);
    });
    after(async () => {
      await app.close();
      await kit.close();
    });

    test('an administrator adds a page; its token is never shown back, only its last four characters', async () => {
      const added = await as.admin.post('/ecrire/relais/pages/ajouter', {
        network: 'mastodon', name: 'jeunesse', audience: 'Jeunesse', instance: 'https://mastodon.exemple.fr', token: TOKEN,
        hashtags: 'jeunesse', useTitle: '1', useLead: '1', useLink: '1', utmTags: '1', active: '1',
      }, '/ecrire/relais/pages/ajouter');
      assert.equal(added.statusCode, 303);
      const list = await as.admin.get('/ecrire/relais/pages');
      assert.match(list.body, /jeunesse/);
      assert.match(list.body, /@relais@fake\.example/);
      const id = /\/ecrire\/relais\/pages\/(\d+)"/.exec(list.body)![1];
      const form = await as.admin.get(`/ecrire/relais/pages/${id}`);
      assert.match(form.body, /Enregistré \(…4321\)/);
      for (const page of [list, form]) assert.ok(!page.body.includes(TOKEN));
      assert.equal((await as.editor.get('/ecrire/relais/pages/ajouter')).statusCode, 403);
    });

    test('an editor composes from an article and submits; a text too long is refused with the network’s count', async () => {
      const article = await kit.addArticle('Forum des métiers 🎓', 'Rencontrez 40 entreprises au gymnase.');
      const composed = await as.editor.post('/ecrire/relais/composer', { article: String(article.id), pages: String((await kit.site.relais.db.kysely.selectFrom('relay_pages').select('id').executeTakeFirstOrThrow()).id) }, '/ecrire/relais/composer');
      assert.equal(composed.statusCode, 303);
      const variant = await kit.site.relais.db.kysely.selectFrom('relay_variants').selectAll().where('article_id', '=', article.id).executeTakeFirstOrThrow();
      const page = await as.editor.get(`/ecrire/relais/publications/${variant.id}`);
      assert.match(page.body, /data-limit="120"/);
      assert.match(page.body, /data-url-weight="23"/);
      assert.match(page.body, /relay-counter\.[0-9a-f]+\.js/);

      const tooLong = await as.editor.post(`/ecrire/relais/publications/${variant.id}/enregistrer`, { text: 'é'.repeat(121), at: '' }, `/ecrire/relais/publications/${variant.id}`);
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /121 caractères comptés par le réseau pour 120 au plus/);
      const fits = await as.editor.post(`/ecrire/relais/publications/${variant.id}/enregistrer`, { text: 'Forum des métiers https://www.ville-exemple.fr/article/forum-des-metiers-avec-une-adresse-longue', at: '' }, `/ecrire/relais/publications/${variant.id}`);
      assert.equal(fits.statusCode, 303);
      assert.equal((await as.editor.post(`/ecrire/relais/publications/${variant.id}/soumettre`, {}, `/ecrire/relais/publications/${variant.id}`)).statusCode, 303);

      const refused = await as.editor.post(`/ecrire/relais/publications/${variant.id}/approuver`, {}, `/ecrire/relais/publications/${variant.id}`);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /seuls les administrateurs/);
      assert.equal((await as.reader.get(`/ecrire/relais/publications/${variant.id}`)).statusCode, 200);
      assert.equal((await as.reader.post(`/ecrire/relais/publications/${variant.id}/approuver`, {}, '/ecrire/relais')).statusCode, 403);
      const noToken = await app.inject({ method: 'POST', url: `/ecrire/relais/publications/${variant.id}/approuver`, headers: { cookie: as.admin.cookie } });
      assert.equal(noToken.statusCode, 403);

      assert.equal((await as.admin.post(`/ecrire/relais/publications/${variant.id}/approuver`, {}, `/ecrire/relais/publications/${variant.id}`)).statusCode, 303);
      const calendar = await as.reader.get('/ecrire/relais/calendrier');
      assert.match(calendar.body, new RegExp(`/ecrire/relais/publications/${variant.id}"`));
      assert.match((await as.reader.get('/ecrire/relais/calendrier?vue=mois')).body, /Programmée/);
    });

    test('a post written from scratch gets one draft per chosen page, with each page’s hashtags and emoji rule', async () => {
      const pageId = (await kit.site.relais.db.kysely.selectFrom('relay_pages').select('id').where('name', '=', 'jeunesse').executeTakeFirstOrThrow()).id;
      const composed = await as.editor.post('/ecrire/relais/composer', { from: 'text', article: '', text: 'Piscine fermée lundi 🏊 pour travaux.', pages: String(pageId) }, '/ecrire/relais/composer');
      assert.equal(composed.statusCode, 303);
      const variant = await kit.site.relais.db.kysely.selectFrom('relay_variants').selectAll().where('article_id', 'is', null).executeTakeFirstOrThrow();
      // The page was added without « Émojis autorisés »: its version loses the emoji.
      assert.equal(variant.text, 'Piscine fermée lundi pour travaux.\n\n#jeunesse');
      assert.equal(variant.state, 'draft');
    });

    test('a failed post shows its reason in plain words and a retry button that sends it again', async () => {
      await kit.relay.publishDue(); // what earlier tests approved
      const article = await kit.addArticle('Collecte de sang');
      const [drafted] = await kit.relay.draftFromArticle({ userId: null, role: 'admin' }, article.slug, ['jeunesse']);
      await kit.relay.approve({ userId: null, role: 'admin' }, drafted!.variant.id);
      kit.network.failNext('rejected');
      await kit.relay.publishDue();
      const failed = await as.admin.get(`/ecrire/relais/publications/${drafted!.variant.id}`);
      assert.match(failed.body, /La publication a échoué :<\/strong> Le réseau a répondu : rejected\./);
      assert.match(failed.body, /Relancer la publication/);
      assert.match((await as.reader.get('/ecrire/relais?etat=failed')).body, /Le réseau a répondu : rejected\./);
      assert.equal((await as.admin.post(`/ecrire/relais/publications/${drafted!.variant.id}/relancer`, {}, `/ecrire/relais/publications/${drafted!.variant.id}`)).statusCode, 303);
      const before = kit.network.posts.length;
      assert.deepEqual((await kit.relay.publishDue()).map((o) => o.outcome), ['published']);
      assert.equal(kit.network.posts.length, before + 1);
    });
  });
}
