import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../test-support/databases.js';
import { addTestUser, buildArticle, cookiesFrom, csrfTokenIn, formBody, signIn, startTestSite, type TestSite } from '../test-support/test-site.js';
import { readSiteSettings } from '../site/settings-store.js';
import { saveSiteSettings } from '../site/save-site-settings.js';
import { listContributionsForModeration } from './store.js';
import { advance, hiddenValue, postForumMessage } from './testdata/forum-test-helpers.js';

for (const dialect of DIALECTS) {
  describe(`forum sur abonnement on ${dialect}`, () => {
    let site: TestSite;
    let slug: string;
    let ip = 0;
    const nextIp = () => `198.51.100.${++ip}`;
    const contributions = () => listContributionsForModeration(site.relais.db.kysely, { limit: 100, offset: 0 });
    const visitorNamed = async (name: string) => {
      const account = await addTestUser(site, 'visitor');
      await site.relais.db.kysely.updateTable('users').set({ name }).where('id', '=', account.id).execute();
      return { ...account, cookie: await signIn(site, account) };
    };

    before(async () => {
      site = await startTestSite(dialect);
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Réunion de quartier' }));
      slug = article.slug;
      await site.relais.forum.setArticleMode({ userId: null }, article.id, 'abo');
    });
    after(() => site?.close());

    test('an anonymous visitor gets a sign-in notice returning to the forum, and "Créer un compte" only when allowed', async () => {
      const page = await site.app.inject({ method: 'GET', url: `/article/${slug}` });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /class="forum-form"/);
      assert.ok(page.body.includes(`href="/connexion?retour=${encodeURIComponent(`/article/${slug}#forum`)}"`), 'sign-in link back to the forum');
      assert.doesNotMatch(page.body, /href="\/inscription"/);

      const settings = await readSiteSettings(site.relais.db.kysely);
      await saveSiteSettings(site.relais.db, null, { ...settings, visitorSignup: 'oui' }, site.relais.now());
      try {
        assert.match((await site.app.inject({ method: 'GET', url: `/article/${slug}` })).body, /href="\/inscription">Créer un compte/);
      } finally {
        await saveSiteSettings(site.relais.db, null, settings, site.relais.now());
      }
    });

    test('a signed-in visitor posts under the account\'s name and address, whatever the form says', async () => {
      const member = await visitorNamed('Nadia <b>$&</b> Martin');
      const page = await site.app.inject({ method: 'GET', url: `/article/${slug}`, headers: { cookie: member.cookie } });
      assert.match(page.body, /class="forum-form"/);
      assert.match(page.body, /Vous écrivez sous le nom de votre compte : <strong>Nadia &lt;b&gt;\$&amp;&lt;\/b&gt; Martin<\/strong>/);
      assert.match(page.body, /Connecté·e : Nadia &lt;b&gt;\$&amp;&lt;\/b&gt; Martin<\/span>/);
      assert.doesNotMatch(page.body, /id="f-nom"/);
      assert.doesNotMatch(page.body, /Pour écrire dans ce forum réservé/);

      const sent = await postForumMessage(site, slug, { nom: 'Quelqu’un d’autre', email: 'autre@exemple.test', texte: 'Je viendrai à la réunion.' }, { ip: nextIp(), cookie: member.cookie });
      assert.equal(sent.statusCode, 303);
      const stored = (await contributions()).find((c) => c.body === 'Je viendrai à la réunion.');
      assert.ok(stored);
      assert.deepEqual([stored.authorName, stored.email, stored.userId], ['Nadia <b>$&</b> Martin', member.email, member.id]);
    });

    test('an anonymous post (session ended while typing) is refused and its text comes back with the notice', async () => {
      const member = await visitorNamed('Louis Garnier');
      const page = await site.app.inject({ method: 'GET', url: `/article/${slug}`, headers: { cookie: member.cookie }, remoteAddress: nextIp() });
      const cookie = cookiesFrom(page, member.cookie);
      // Signed out in another tab: the session is gone, the form's tokens are still there.
      const out = await site.app.inject({ method: 'POST', url: '/deconnexion', ...formBody({ _csrf: csrfTokenIn(page.body) }, cookie) });
      assert.equal(out.statusCode, 303);
      const before = (await contributions()).length;
      advance(site, 4000);
      const text = 'Un long message écrit avec soin & gardé <précieusement>.';
      const refused = await site.app.inject({
        method: 'POST', url: '/forum/envoyer',
        ...formBody({ _csrf: hiddenValue(page.body, '_csrf'), jeton: hiddenValue(page.body, 'jeton'), article: hiddenValue(page.body, 'article'), texte: text, action: 'envoyer' }, cookie),
      });
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /Votre message n’a pas été envoyé/);
      assert.ok(refused.body.includes('Un long message écrit avec soin &amp; gardé &lt;précieusement>.'), 'the typed text is in the page');
      assert.match(refused.body, /<textarea[^>]*name="texte"/);
      assert.match(refused.body, /target="_blank"[^>]*>Connectez-vous \(dans un nouvel onglet\)/);
      assert.equal((await contributions()).length, before, 'nothing was posted');
    });

    test('the reply page of a members-only forum asks an anonymous visitor to sign in', async () => {
      const published = (await contributions()).find((c) => c.body === 'Je viendrai à la réunion.');
      assert.ok(published);
      const moderator = await addTestUser(site, 'moderator');
      await site.relais.forum.moderate({ userId: moderator.id }, published.id, 'approve');
      const reply = await site.app.inject({ method: 'GET', url: `/forum/repondre/${published.id}` });
      assert.equal(reply.statusCode, 200);
      assert.ok(reply.body.includes(`/connexion?retour=${encodeURIComponent(`/forum/repondre/${published.id}`)}`));
      assert.doesNotMatch(reply.body, /class="forum-form"/);
    });
  });
}
