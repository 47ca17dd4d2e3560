import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { signedInClients, type SignedInClient } from '../test-support/admin-test-client.js';
import { toLocalInputValue } from '../i18n/format-date.js';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle, formBody, startTestSite, type TestSite } from '../test-support/test-site.js';
import { listArticlesForEditors, listSections } from './store.js';
import { listAuditEntries } from '../audit/store.js';
import { readArticleForumMode } from '../forum/store.js';

const ARTICLE_FORM = { title: '', slug: '', sectionId: '', lead: '', body: '', credits: '', status: 'draft', publishedAt: '', action: 'save' };

for (const dialect of DIALECTS) {
  describe(`back-office articles and sections (${dialect})`, () => {
    let site: TestSite;
    let editor: SignedInClient;
    let moderator: SignedInClient;
    let reader: SignedInClient;
    const articleCount = async () => (await listArticlesForEditors(site.relais.db.kysely, { limit: 1000, offset: 0 })).length;

    before(async () => {
      site = await startTestSite(dialect);
      ({ editor, moderator, reader } = await signedInClients(site, ['editor', 'moderator', 'reader']));
    });
    after(() => site.close());

    test('an editor creates an article through the form, it is public, and a new slug redirects the old one', async () => {
      const created = await editor.post('/ecrire/articles/nouveau', {
        ...ARTICLE_FORM, title: 'Fête de la musique', body: 'Concerts place de la mairie.', status: 'published',
      }, '/ecrire/articles/nouveau');
      assert.equal(created.statusCode, 303);
      const editUrl = created.headers.location!.split('?')[0]!;
      assert.match(editUrl, /^\/ecrire\/articles\/\d+$/);
      const page = await site.app.inject({ url: '/article/fete-de-la-musique' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Concerts place de la mairie/);
      const editPage = await editor.get(created.headers.location!);
      assert.match(editPage.body, /Article créé/);
      assert.match(editPage.body, /http:\/\/relais\.test\/article\/fete-de-la-musique/);

      const saved = await editor.post(editUrl, {
        ...ARTICLE_FORM, title: 'Fête de la musique', slug: 'fete-musique-2026', body: 'Concerts place de la mairie.', status: 'published',
      }, editUrl);
      assert.equal(saved.statusCode, 303);
      const old = await site.app.inject({ url: '/article/fete-de-la-musique' });
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, '/article/fete-musique-2026');
    });

    test('the article form chooses the article’s forum mode, the site default first; a change is audited, an unchanged one is not', async () => {
      const form = await editor.get('/ecrire/articles/nouveau');
      assert.match(form.body, /<label for="f-forumMode">Forum sous l’article<\/label>/);
      assert.match(form.body, /<option value(?:="")? selected>Par défaut du site \(modéré a priori\)<\/option><option value="pri">Modéré a priori<\/option><option value="pos">Modéré a posteriori<\/option><option value="abo">Sur abonnement<\/option><option value="non">Fermé<\/option>/);
      const created = await editor.post('/ecrire/articles/nouveau', { ...ARTICLE_FORM, title: 'Forum fermé', body: 'Texte.', status: 'published', forumMode: 'non' }, '/ecrire/articles/nouveau');
      const editUrl = created.headers.location!.split('?')[0]!;
      const id = Number(editUrl.split('/').pop());
      assert.equal(await site.relais.forum.modeOf(id), 'non');
      assert.match((await editor.get(editUrl)).body, /<option value="non" selected>Fermé<\/option>/);
      const modeChanges = async () => (await listAuditEntries(site.relais.db.kysely, { limit: 100, offset: 0 })).filter((e) => e.action === 'forum.mode.changed' && e.objectId === String(id)).length;
      assert.equal(await modeChanges(), 1);

      await editor.post(editUrl, { ...ARTICLE_FORM, title: 'Forum fermé', body: 'Texte modifié.', status: 'published', forumMode: 'non' }, editUrl);
      assert.equal(await modeChanges(), 1);
      await editor.post(editUrl, { ...ARTICLE_FORM, title: 'Forum fermé', body: 'Texte.', status: 'published', forumMode: 'pos' }, editUrl);
      assert.equal(await site.relais.forum.modeOf(id), 'pos');
      await editor.post(editUrl, { ...ARTICLE_FORM, title: 'Forum fermé', body: 'Texte.', status: 'published', forumMode: '' }, editUrl);
      assert.equal(await readArticleForumMode(site.relais.db.kysely, id), undefined);
      assert.equal(await modeChanges(), 3);

      const bad = await editor.post(editUrl, { ...ARTICLE_FORM, title: 'Forum fermé', body: 'Texte.', status: 'published', forumMode: 'ouvert' }, editUrl);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Choisissez un mode de forum dans la liste/);
      assert.equal(await readArticleForumMode(site.relais.db.kysely, id), undefined);
    });

    test('a preview shows the rendered article and saves nothing', async () => {
      const before = await articleCount();
      const response = await editor.post('/ecrire/articles/nouveau', {
        ...ARTICLE_FORM, title: 'Brocante du dimanche', body: 'Les exposants arrivent à sept heures.', action: 'preview',
      });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<iframe[^>]+srcdoc="[^"]*Les exposants arrivent/);
      assert.match(response.body, /value="Brocante du dimanche"/);
      assert.equal(await articleCount(), before);
    });

    test('a scheduled article stays off every public page until its date, then appears without restart', async () => {
      const at = new Date(Date.now() + 2 * 86400_000);
      const response = await editor.post('/ecrire/articles/nouveau', {
        ...ARTICLE_FORM, title: 'Conseil municipal de rentrée', body: 'Ordre du jour.', status: 'published',
        publishedAt: toLocalInputValue(at.toISOString(), 'Europe/Paris'),
      });
      assert.equal(response.statusCode, 303);
      assert.match(response.headers.location!, /ok=programme/);
      assert.match((await editor.get(response.headers.location!)).body, /Publication programmée le/);
      const visible = async () => {
        const [home, feed, sitemap, page] = await Promise.all(['/', '/feed.xml', '/sitemap.xml', '/article/conseil-municipal-de-rentree']
          .map((url) => site.app.inject({ url })));
        return [home!.body.includes('Conseil municipal de rentrée'), feed!.body.includes('Conseil municipal de rentrée'),
          sitemap!.body.includes('/article/conseil-municipal-de-rentree'), page!.statusCode === 200];
      };
      assert.deepEqual(await visible(), [false, false, false, false]);
      site.setNow(new Date(at.getTime() + 60_000));
      try {
        assert.deepEqual(await visible(), [true, true, true, true]);
      } finally {
        site.setNow(new Date());
      }
    });

    test('a moderator gets 403 on the article form and its POST; a reader sees the list but cannot post', async () => {
      assert.equal((await moderator.get('/ecrire/articles/nouveau')).statusCode, 403);
      const before = await articleCount();
      const posted = await moderator.post('/ecrire/articles/nouveau', { ...ARTICLE_FORM, title: 'Pas autorisé' });
      assert.equal(posted.statusCode, 403);
      const list = await reader.get('/ecrire/articles');
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /Écrire un nouvel article/);
      assert.equal((await reader.post('/ecrire/articles/nouveau', { ...ARTICLE_FORM, title: 'Pas autorisé' })).statusCode, 403);
      assert.equal((await reader.post('/ecrire/rubriques/nouvelle', { title: 'Pas autorisée', parentId: '', description: '' })).statusCode, 403);
      assert.equal(await articleCount(), before);
    });

    test('a POST without a CSRF token is refused and saves nothing', async () => {
      const before = await articleCount();
      await editor.get('/ecrire/articles/nouveau');
      const response = await site.app.inject({ method: 'POST', url: '/ecrire/articles/nouveau', ...formBody({ ...ARTICLE_FORM, title: 'Sans jeton' }, editor.cookie) });
      assert.equal(response.statusCode, 403);
      assert.equal(await articleCount(), before);
    });

    test('form errors keep the typed text and show the field message', async () => {
      const response = await editor.post('/ecrire/articles/nouveau', {
        ...ARTICLE_FORM, title: '', slug: 'Pas Valide!', body: 'Un texte <b>à garder</b>.', publishedAt: 'demain',
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /role="alert"/);
      assert.match(response.body, /Donnez un titre à l’article/);
      assert.match(response.body, /aria-describedby="f-slug-hint f-slug-error"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*aria-describedby="f-slug-hint f-slug-error"/);
      assert.match(response.body, /value="Pas Valide!"/);
      assert.match(response.body, /Un texte &lt;b>à garder&lt;\/b>\./);
    });

    test('an unknown section is a field error, not a server error', async () => {
      const response = await editor.post('/ecrire/articles/nouveau', { ...ARTICLE_FORM, title: 'Sans rubrique valable', sectionId: '999999' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Choisissez une rubrique dans la liste/);
    });

    test('publish, unpublish and delete with a confirmation step', async () => {
      const article = await site.relais.blog.createArticle({ userId: null }, buildArticle({ status: 'draft', publishedAt: undefined }));
      const base = `/ecrire/articles/${article.id}`;
      assert.equal((await editor.post(`${base}/publier`, {}, base)).statusCode, 303);
      assert.equal((await site.app.inject({ url: `/article/${article.slug}` })).statusCode, 200);
      assert.equal((await editor.post(`${base}/depublier`, {}, base)).statusCode, 303);
      assert.equal((await site.app.inject({ url: `/article/${article.slug}` })).statusCode, 404);
      const confirm = await editor.get(`${base}/supprimer`);
      assert.match(confirm.body, /Supprimer définitivement/);
      assert.equal((await editor.post(`${base}/supprimer`, {}, base)).statusCode, 303);
      assert.equal((await editor.get(base)).statusCode, 404);
    });

    test('the list filters by status and title', async () => {
      await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Marché de Noël 100 % local', status: 'proposed' }));
      const found = await reader.get('/ecrire/articles?statut=proposed&q=100%20%25');
      assert.match(found.body, /Marché de Noël 100 % local/);
      const other = await reader.get('/ecrire/articles?statut=archived&q=Noël');
      assert.doesNotMatch(other.body, /Marché de Noël/);
    });

    test('footer pages are edited with the same form', async () => {
      const page = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Mentions légales', slug: 'mentions-legales' }), 'page');
      const url = `/ecrire/pages/${page.id}`;
      const form = await editor.get(url);
      assert.doesNotMatch(form.body, /name="sectionId"/);
      const saved = await editor.post(url, { ...ARTICLE_FORM, title: 'Mentions légales', body: 'Éditeur : la mairie.', status: 'published' }, url);
      assert.equal(saved.statusCode, 303);
      assert.match((await site.app.inject({ url: '/page/mentions-legales' })).body, /Éditeur : la mairie\./);
    });

    test('sections: create, nest, reorder, and delete refused while it has sub-sections', async () => {
      const create = (title: string, parentId = '') => editor.post('/ecrire/rubriques/nouvelle', { title, parentId, description: '' }, '/ecrire/rubriques');
      assert.equal((await create('Vie locale')).statusCode, 303);
      assert.equal((await create('Culture')).statusCode, 303);
      const sections = await listSections(site.relais.db.kysely);
      const vie = sections.find((s) => s.title === 'Vie locale')!;
      const culture = sections.find((s) => s.title === 'Culture')!;
      assert.equal((await editor.post(`/ecrire/rubriques/${culture.id}/monter`, {}, '/ecrire/rubriques')).statusCode, 303);
      const order = (await listSections(site.relais.db.kysely)).filter((s) => s.parentId === null).map((s) => s.title);
      assert.ok(order.indexOf('Culture') < order.indexOf('Vie locale'));

      const nest = await editor.post(`/ecrire/rubriques/${culture.id}`, { title: 'Culture et loisirs', parentId: String(vie.id), description: '' }, '/ecrire/rubriques');
      assert.equal(nest.statusCode, 303);
      const cycle = await editor.post(`/ecrire/rubriques/${vie.id}`, { title: 'Vie locale', parentId: String(culture.id), description: '' }, '/ecrire/rubriques');
      assert.equal(cycle.statusCode, 400);
      const tree = await reader.get('/ecrire/rubriques');
      assert.match(tree.body, /Vie locale[\s\S]*<ul>[\s\S]*Culture et loisirs/);

      const refused = await editor.post(`/ecrire/rubriques/${vie.id}/supprimer`, {}, '/ecrire/rubriques');
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /contient des sous-rubriques/);
      assert.equal((await editor.post(`/ecrire/rubriques/${culture.id}/supprimer`, {}, '/ecrire/rubriques')).statusCode, 303);
      assert.equal((await listSections(site.relais.db.kysely)).some((s) => s.id === culture.id), false);
    });
  });
}
