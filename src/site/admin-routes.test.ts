import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { readSiteSettings } from './settings-store.js';

const SETTINGS = { siteName: 'Ville de Trélazé', tagline: 'Infos pratiques', language: 'fr', timeZone: 'Indian/Reunion', defaultForumMode: 'pos', forumModeratorMail: 'digest', forumIpRetentionDays: '14' };

for (const dialect of DIALECTS) {
  describe(`back-office dashboard, settings, journal and help (${dialect})`, () => {
    let site: TestSite;
    let admin: SignedInClient;
    let editor: SignedInClient;
    let reader: SignedInClient;

    before(async () => {
      site = await startTestSite(dialect);
      ({ admin, editor, reader } = await signedInClients(site, ['admin', 'editor', 'reader']));
    });
    after(() => site.close());

    test('a reader sees the dashboard with counts and scheduled publications', async () => {
      await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Vœux du maire', publishedAt: new Date(Date.now() + 86400_000) }));
      const page = await reader.get('/ecrire/');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Publications programmées[\s\S]*Vœux du maire/);
      assert.doesNotMatch(page.body, /Écrire un nouvel article/);
      assert.equal((await reader.get('/ecrire/aide')).statusCode, 200);
    });

    test('the dashboard counts forum messages per status; a moderator’s counts lead to the queue, a reader’s do not', async () => {
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle());
      const post = (body: string) => site.relais.forum.post(
        { articleId: article.id, parentId: null, authorName: 'Habitant', email: '', body, notifyReplies: false }, { ip: null, userId: null }, 'pri');
      await post('Premier');
      await post('Second');
      const rejected = await post('Troisième');
      await site.relais.forum.moderate({ userId: null }, rejected.id, 'reject');
      const forReader = (await reader.get('/ecrire/')).body;
      assert.match(forReader, /Messages du forum[\s\S]*<span class="stat-number">2<\/span> à valider[\s\S]*<span class="stat-number">1<\/span> refusé</);
      assert.doesNotMatch(forReader, /href="\/ecrire\/forum\?statut=/);
      const { moderator } = await signedInClients(site, ['moderator']);
      assert.match((await moderator.get('/ecrire/')).body, /<a href="\/ecrire\/forum\?statut=proposed"><span class="stat-number">2<\/span> à valider<\/a>/);
    });

    test('an administrator changes a setting and the public home shows it at once', async () => {
      assert.doesNotMatch((await site.app.inject({ url: '/' })).body, /Ville de Trélazé/);
      assert.equal((await editor.get('/ecrire/reglages')).statusCode, 403);
      assert.equal((await editor.post('/ecrire/reglages', SETTINGS)).statusCode, 403);
      const saved = await admin.post('/ecrire/reglages', SETTINGS);
      assert.equal(saved.statusCode, 303);
      assert.match((await site.app.inject({ url: '/' })).body, /Ville de Trélazé/);
      const form = await admin.get('/ecrire/reglages?ok=enregistre');
      assert.match(form.body, /<option value="Indian\/Reunion" selected/);
      assert.match(form.body, /Réglages enregistrés/);
    });

    test('an unknown time zone is refused and the typed values stay', async () => {
      const response = await admin.post('/ecrire/reglages', { ...SETTINGS, siteName: 'Nom tapé', timeZone: 'Mars/Olympus' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Choisissez un fuseau horaire/);
      assert.match(response.body, /value="Nom tapé"/);
    });

    test('the forum e-mail frequency and the IP retention are saved; a retention out of range is refused', async () => {
      const form = await admin.get('/ecrire/reglages');
      assert.match(form.body, /<option value="digest" selected/);
      assert.match(form.body, /value="14"[^>]*name="forumIpRetentionDays"|name="forumIpRetentionDays"[^>]*value="14"/);
      assert.equal((await readSiteSettings(site.relais.db.kysely)).forumIpRetentionDays, '14');
      for (const days of ['0', '400', 'trente', '']) {
        const response = await admin.post('/ecrire/reglages', { ...SETTINGS, forumIpRetentionDays: days });
        assert.equal(response.statusCode, 400, days);
        assert.match(response.body, /Indiquez un nombre de jours entre 1 et 365/);
      }
      const unknown = await admin.post('/ecrire/reglages', { ...SETTINGS, forumModeratorMail: 'toutes-les-heures' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /Choisissez une fréquence dans la liste/);
    });

    test('the journal lists the changes for administrators only', async () => {
      assert.equal((await editor.get('/ecrire/journal')).statusCode, 403);
      const journal = await admin.get('/ecrire/journal');
      assert.equal(journal.statusCode, 200);
      assert.match(journal.body, /Réglages du site modifiés/);
      assert.match(journal.body, /Article créé/);
      assert.match(journal.body, /nom : Ville de Trélazé/);
    });

    test('a confirmation notice only ever shows fixed messages', async () => {
      const page = await admin.get('/ecrire/reglages?ok=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
      assert.doesNotMatch(page.body, /alert\(1\)/);
    });
  });
}
