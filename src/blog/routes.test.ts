import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { bumpSiteVersion } from '../site/site-version.js';

const CLI = { userId: null };
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

for (const dialect of DIALECTS) {
  describe(`public site on ${dialect}`, () => {
    let site: TestSite;
    before(async () => { site = await startTestSite(dialect); });
    after(() => site.close());

    const get = (url: string) => site.app.inject({ method: 'GET', url });

    test('keeps drafts and future articles off every public page, feed and sitemap until their time comes', async () => {
      const section = await site.relais.blog.createSection(CLI, { title: 'Vie locale', parentId: null, description: '' });
      const start = new Date();
      site.setNow(start);
      const draft = await site.relais.blog.createArticle(CLI, buildArticle({ title: 'Brouillon secret', status: 'draft', sectionId: section.id }));
      const future = await site.relais.blog.createArticle(CLI, buildArticle({
        title: 'Annonce programmée', sectionId: section.id, publishedAt: new Date(start.getTime() + 3600_000),
      }));
      const publicUrls = ['/', `/rubrique/${section.slug}`, '/feed.xml', '/atom.xml', `/rubrique/${section.slug}/feed.xml`, '/sitemap.xml'];
      for (const url of publicUrls) {
        const body = (await get(url)).body;
        assert.ok(!body.includes('Brouillon secret') && !body.includes(draft.slug), `draft leaked on ${url}`);
        assert.ok(!body.includes('Annonce programmée') && !body.includes(future.slug), `scheduled article leaked on ${url}`);
      }
      assert.equal((await get(`/article/${draft.slug}`)).statusCode, 404);
      assert.equal((await get(`/article/${future.slug}`)).statusCode, 404);

      site.setNow(new Date(start.getTime() + 3601_000));
      for (const url of publicUrls) {
        const body = (await get(url)).body;
        assert.ok(body.includes(future.slug), `scheduled article missing from ${url} once its time came`);
        assert.ok(!body.includes(draft.slug), `draft leaked on ${url}`);
      }
      assert.equal((await get(`/article/${future.slug}`)).statusCode, 200);
      site.setNow(new Date());
    });

    test('shows the article with its breadcrumb, French month date, credits, lead and related articles', async () => {
      const culture = await site.relais.blog.createSection(CLI, { title: 'Culture', parentId: null, description: '' });
      const other = await site.relais.blog.createSection(CLI, { title: 'Travaux', parentId: null, description: '' });
      const day = (n: number) => new Date(Date.UTC(2025, 3, n, 10));
      const main = await site.relais.blog.createArticle(CLI, buildArticle({
        title: 'Concert au kiosque', sectionId: culture.id, credits: 'Service culture', publishedAt: day(10), lead: 'Un concert gratuit.',
      }));
      const sameSection = await site.relais.blog.createArticle(CLI, buildArticle({ title: 'Exposition de printemps', sectionId: culture.id, publishedAt: day(2) }));
      const recent = [];
      for (let i = 0; i < 4; i++) {
        recent.push(await site.relais.blog.createArticle(CLI, buildArticle({ title: `Chantier ${i}`, sectionId: other.id, publishedAt: day(20 + i) })));
      }
      const page = (await get(`/article/${main.slug}`)).body;
      assert.match(page, /<nav class="breadcrumb"[^>]*>.*Culture.*Concert au kiosque/s);
      assert.match(page, /<time datetime="2025-04-10T10:00:00.000Z"[^>]*>avril 2025<\/time>/);
      assert.match(page, /Sources : Service culture/);
      assert.match(page, /<div class="chapo"><p>Un concert gratuit.<\/p><\/div>/);
      const related = page.slice(page.indexOf('Autres articles'));
      const titles = [...related.matchAll(/class="teaser-title"><a href="\/article\/[^"]+">([^<]+)</g)].map((m) => m[1]);
      // Same section first, then the most recent others; never the article itself; four at most.
      assert.deepEqual(titles, ['Exposition de printemps', 'Chantier 3', 'Chantier 2', 'Chantier 1']);
      assert.ok(related.includes('lire la suite'));
      assert.ok(!related.includes('Concert au kiosque</a>'));
      void sameSection;
    });

    test('produces RSS 2.0 and Atom feeds with their required elements', async () => {
      await site.relais.blog.createArticle(CLI, buildArticle({ title: 'Marché & brocante <du dimanche>' }));
      const rssResponse = await get('/feed.xml');
      assert.match(String(rssResponse.headers['content-type']), /^application\/rss\+xml/);
      const rss = xml.parse(rssResponse.body);
      assert.equal(rss.rss['@version'], '2.0');
      const channel = rss.rss.channel;
      for (const field of ['title', 'link', 'description']) assert.ok(channel[field], `channel.${field}`);
      const items = asArray(channel.item);
      assert.ok(items.length > 0);
      for (const item of items) {
        assert.ok(item.title && item.link && item.guid && item.pubDate, 'item needs title, link, guid, pubDate');
        assert.ok(!Number.isNaN(Date.parse(item.pubDate)), 'pubDate is an RFC 822 date');
      }
      assert.ok(items.some((i) => i.title === 'Marché & brocante <du dimanche>'), 'special characters survive escaping');

      const atomResponse = await get('/atom.xml');
      assert.match(String(atomResponse.headers['content-type']), /^application\/atom\+xml/);
      const atom = xml.parse(atomResponse.body).feed;
      assert.equal(atom['@xmlns'], 'http://www.w3.org/2005/Atom');
      for (const field of ['id', 'title', 'updated']) assert.ok(atom[field], `feed.${field}`);
      assert.ok(atom.author?.name, 'feed author (required when entries have none)');
      for (const entry of asArray(atom.entry)) {
        assert.ok(entry.id && entry.title && entry.updated && entry.link, 'entry needs id, title, updated, link');
      }
      const home = (await get('/')).body;
      assert.match(home, /<link rel="alternate" type="application\/rss\+xml"[^>]*href="http:\/\/relais.test\/feed.xml"/);
    });

    test('lists every published article in sitemap.xml and serves robots.txt', async () => {
      const article = await site.relais.blog.createArticle(CLI, buildArticle({ title: 'Plan local' }));
      const sitemap = xml.parse((await get('/sitemap.xml')).body);
      const locs = asArray(sitemap.urlset.url).map((u: { loc: string }) => u.loc);
      assert.ok(locs.includes(`http://relais.test/article/${article.slug}`));
      assert.ok(locs.includes('http://relais.test/'));
      const robots = await get('/robots.txt');
      assert.match(robots.body, /Sitemap: http:\/\/relais.test\/sitemap.xml/);
      assert.match(robots.body, /Disallow: \/ecrire\//);
    });

    test('answers an old slug with a permanent redirect to the new address', async () => {
      const article = await site.relais.blog.createArticle(CLI, buildArticle({ title: 'Ancien titre' }));
      const input = buildArticle({ title: 'Nouveau titre', slug: 'nouveau-titre', publishedAt: new Date(article.publishedAt!) });
      await site.relais.blog.updateArticle(CLI, article.id, input);
      const moved = await get(`/article/${article.slug}`);
      assert.equal(moved.statusCode, 301);
      assert.equal(moved.headers.location, '/article/nouveau-titre');
      assert.equal((await get('/article/nouveau-titre')).statusCode, 200);
    });

    test('leads the stable numeric addresses of articles and sections to their slugs, never to unpublished ones', async () => {
      const section = await site.relais.blog.createSection(CLI, { title: 'Numérique', parentId: null, description: '' });
      const article = await site.relais.blog.createArticle(CLI, buildArticle({ title: 'Adresse stable', sectionId: section.id }));
      const draft = await site.relais.blog.createArticle(CLI, buildArticle({ title: 'Pas encore', status: 'draft' }));
      const byId = await get(`/article/${article.id}`);
      assert.equal(byId.statusCode, 301);
      assert.equal(byId.headers.location, `/article/${article.slug}`);
      assert.equal((await get(`/article/${draft.id}`)).statusCode, 404);
      assert.equal((await get(`/rubrique/${section.id}`)).headers.location, `/rubrique/${section.slug}`);
    });

    test('serves pages from the cache until the change counter moves', async () => {
      const article = await site.relais.blog.createArticle(CLI, buildArticle({ title: 'Titre original' }));
      assert.ok((await get(`/article/${article.slug}`)).body.includes('Titre original'));
      // A write that forgets to bump the counter is not seen: proof the page came from the cache.
      await site.relais.db.kysely.updateTable('articles').set({ title: 'Titre modifié' }).where('id', '=', article.id).execute();
      assert.ok((await get(`/article/${article.slug}`)).body.includes('Titre original'));
      await bumpSiteVersion(site.relais.db.kysely);
      assert.ok((await get(`/article/${article.slug}`)).body.includes('Titre modifié'));
    });

    test('paginates the home page and refuses pages that do not exist', async () => {
      for (let i = 0; i < 11; i++) await site.relais.blog.createArticle(CLI, buildArticle({ title: `Brève ${i}` }));
      const first = (await get('/')).body;
      assert.match(first, /Page 1 sur \d+/);
      assert.match(first, /rel="next" href="\/\?page=2"/);
      assert.equal((await get('/?page=2')).statusCode, 200);
      assert.equal((await get('/?page=999')).statusCode, 404);
      assert.equal((await get('/?page=abc')).statusCode, 404);
    });
  });
}
