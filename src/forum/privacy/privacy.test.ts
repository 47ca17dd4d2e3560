import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listAuditEntries } from '../../audit/store.js';
import { writeSiteSettings } from '../../site/settings-store.js';
import { runHousekeeping } from '../../site/housekeeping.js';
import { bumpSiteVersion } from '../../site/site-version.js';
import { signedInClients, type SignedInClient } from '../../test-support/admin-test-client.js';
import { DIALECTS } from '../../test-support/databases.js';
import { buildArticle, cookiesFrom, formBody, startTestSite, type TestSite } from '../../test-support/test-site.js';
import type { ContributionStatus } from '../contribution.js';
import { forumMailLinks } from '../notifications/mail-link.js';
import { findContribution, insertContribution, type NewContribution } from '../store.js';
import { hiddenValue } from '../testdata/forum-test-helpers.js';
import type { AddressExport } from './forum-privacy.js';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`forum RGPD tools on ${dialect}`, () => {
    let site: TestSite;
    let as: Record<'moderator' | 'editor', SignedInClient>;
    let article: { id: number; slug: string; title: string };
    let n = 0;
    /** Stores a contribution as it would be after posting and moderation (the page cache told, as the service does). */
    async function add(overrides: Partial<NewContribution>, at = site.relais.now()) {
      const c = await insertContribution(site.relais.db.kysely, {
        articleId: article.id, parentId: null, threadId: null, authorName: `Auteur ${++n}`, email: null, body: `Message ${n}`,
        status: 'published', ip: `192.0.2.${n}`, notifyReplies: false, isOrganisationAnswer: false, spamScore: 0, spamReasons: [], userId: null, ...overrides,
      }, at);
      await bumpSiteVersion(site.relais.db.kysely);
      return c;
    }
    const articlePage = async () => (await site.app.inject({ url: `/article/${article.slug}` })).body;

    before(async () => {
      site = await startTestSite(dialect);
      const created = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Budget participatif' }));
      article = { id: created.id, slug: created.slug, title: created.title };
      as = await signedInClients(site, ['moderator', 'editor']);
    });
    after(() => site?.close());

    test('the hourly housekeeping erases client addresses older than the retention setting, and only those', async () => {
      const start = new Date('2026-03-01T10:00:00Z');
      const old = await add({}, start);
      const recent = await add({}, new Date(start.getTime() + 25 * DAY));
      await runHousekeeping(site.relais.db, new Date(start.getTime() + 31 * DAY));
      assert.equal((await findContribution(site.relais.db.kysely, old.id))?.ip, null);
      assert.equal((await findContribution(site.relais.db.kysely, recent.id))?.ip, recent.ip);
      assert.ok(recent.ip);
      await writeSiteSettings(site.relais.db.kysely, { forumIpRetentionDays: '5' });
      await runHousekeeping(site.relais.db, new Date(start.getTime() + 31 * DAY));
      assert.equal((await findContribution(site.relais.db.kysely, recent.id))?.ip, null);
      await writeSiteSettings(site.relais.db.kysely, { forumIpRetentionDays: '30' });
    });

    test('a moderator exports as JSON every message tied to an address, whatever its status; others are refused', async () => {
      const statuses: ContributionStatus[] = ['published', 'proposed', 'rejected', 'spam'];
      const mine = [];
      for (const status of statuses) mine.push(await add({ status, email: n % 2 ? 'Lou@Exemple.fr' : 'lou@exemple.fr', body: `Texte de Lou ${status}`, notifyReplies: true }));
      await add({ email: 'autre@exemple.fr', body: 'Texte de quelqu’un d’autre' });
      assert.equal((await as.editor.get('/ecrire/forum/donnees')).statusCode, 403);
      assert.match((await as.moderator.get('/ecrire/forum')).body, /href="\/ecrire\/forum\/donnees"/);
      const page = await as.moderator.get('/ecrire/forum/donnees');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /supprime définitivement ces messages/);

      const response = await as.moderator.post('/ecrire/forum/donnees/export', { email: ' LOU@exemple.fr ' }, '/ecrire/forum/donnees');
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-disposition']), /attachment; filename="forum-donnees-\d{4}-\d{2}-\d{2}\.json"/);
      assert.equal(response.headers['cache-control'], 'no-store');
      const data = JSON.parse(response.body) as AddressExport;
      assert.equal(data.adresse, 'lou@exemple.fr');
      assert.deepEqual(data.messages.map((m) => m.id), mine.map((c) => c.id));
      assert.deepEqual(data.messages.map((m) => m.statut), ['publié', 'en attente de validation', 'refusé', 'classé comme spam']);
      const first = data.messages[0]!;
      assert.equal(first.article, 'Budget participatif');
      assert.equal(first.adresse_article, `http://relais.test/article/${article.slug}`);
      assert.equal(first.texte, 'Texte de Lou published');
      assert.equal(first.adresse_ip, mine[0]!.ip);
      assert.equal(first.envoye_le, mine[0]!.createdAt);
      assert.equal(first.prevenir_des_reponses, true);
      assert.doesNotMatch(response.body, /quelqu’un d’autre/);
      const [logged] = await listAuditEntries(site.relais.db.kysely, { limit: 1, offset: 0 });
      assert.equal(logged?.action, 'forum.privacy.exported');
      assert.equal(logged?.userId, as.moderator.id);
      assert.doesNotMatch(JSON.stringify(logged), /lou@/i);

      const invalid = await as.moderator.post('/ecrire/forum/donnees/export', { email: 'pas-une-adresse' }, '/ecrire/forum/donnees');
      assert.equal(invalid.statusCode, 400);
      assert.match(invalid.body, /n’est pas valide/);
      assert.equal((await as.editor.post('/ecrire/forum/donnees/export', { email: 'lou@exemple.fr' }, '/ecrire/')).statusCode, 403);
    });

    test('erasure asks first, then deletes every message of the address, keeps others’ answers, and journals no address', async () => {
      const target = await add({ email: 'sam@exemple.fr', body: 'Texte de Sam à effacer' });
      await add({ email: 'SAM@exemple.fr', status: 'proposed', body: 'Autre texte de Sam' });
      const answer = await add({ email: 'voisin@exemple.fr', body: 'Réponse du voisin', parentId: target.id, threadId: target.id });
      assert.match(await articlePage(), /Texte de Sam à effacer/);

      const asked = await as.moderator.post('/ecrire/forum/donnees/effacer', { email: 'sam@exemple.fr' }, '/ecrire/forum/donnees');
      assert.equal(asked.statusCode, 200);
      assert.match(asked.body, /2 messages envoyés avec l’adresse sam@exemple\.fr seront supprimés définitivement/);
      assert.ok(await findContribution(site.relais.db.kysely, target.id), 'nothing erased before confirmation');

      const done = await as.moderator.post('/ecrire/forum/donnees/effacer', { email: 'sam@exemple.fr', confirme: '1' }, '/ecrire/forum/donnees');
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/ecrire/forum/donnees?ok=efface');
      const left = await site.relais.db.kysely.selectFrom('forum_contributions').select('id').where('email', 'in', ['sam@exemple.fr', 'SAM@exemple.fr']).execute();
      assert.deepEqual(left, []);
      assert.equal((await findContribution(site.relais.db.kysely, answer.id))?.parentId, null);
      const page = await articlePage();
      assert.doesNotMatch(page, /Texte de Sam/);
      assert.match(page, /Réponse du voisin/);
      const [entry] = await listAuditEntries(site.relais.db.kysely, { limit: 1, offset: 0 });
      assert.equal(entry?.action, 'forum.privacy.erased');
      assert.match(entry!.summary, /2 messages supprimés/);
      assert.doesNotMatch(JSON.stringify(entry), /sam@/i);
    });

    test('an author removes their published message through the signed link: asked first, then gone from the page at once', async () => {
      const c = await add({ email: 'alex@exemple.fr', notifyReplies: true, body: 'Texte d’Alex à retirer' });
      assert.match(await articlePage(), /Texte d’Alex à retirer/);
      const links = forumMailLinks(site.relais.secretKey, 'http://relais.test');
      const path = links.url('retirer', { contributionId: c.id, email: 'alex@exemple.fr' }).slice('http://relais.test'.length);
      for (const bad of [path.replace(/s=(.)/, (_m, ch: string) => `s=${ch === 'A' ? 'B' : 'A'}`),
        links.url('desabonner', { contributionId: c.id, email: 'alex@exemple.fr' }).slice('http://relais.test'.length).replace('desabonner', 'retirer')]) {
        const refused = await site.app.inject({ url: bad });
        assert.equal(refused.statusCode, 400);
        assert.match(refused.body, /Ce lien n’est pas valide/);
      }
      const page = await site.app.inject({ url: path });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Cette suppression est définitive/);
      assert.ok(await findContribution(site.relais.db.kysely, c.id), 'opening the link removes nothing');
      const s = new URL(`http://x${path}`).searchParams.get('s')!;
      const tampered = await site.app.inject({ method: 'POST', url: '/forum/retirer', ...formBody({ _csrf: hiddenValue(page.body, '_csrf'), m: String(c.id), s: s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A') }, cookiesFrom(page)) });
      assert.equal(tampered.statusCode, 400);
      const removed = await site.app.inject({ method: 'POST', url: '/forum/retirer', ...formBody({ _csrf: hiddenValue(page.body, '_csrf'), m: String(c.id), s }, cookiesFrom(page)) });
      assert.equal(removed.statusCode, 200);
      assert.match(removed.body, /Message supprimé/);
      assert.equal(await findContribution(site.relais.db.kysely, c.id), undefined);
      assert.doesNotMatch(await articlePage(), /Texte d’Alex/);
      assert.equal((await site.app.inject({ url: path })).statusCode, 400, 'a used link finds nothing');
    });
  });
}
