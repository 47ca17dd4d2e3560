import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { DIALECTS } from '../test-support/databases.js';
import { buildArticle, startTestSite, type TestSite } from '../test-support/test-site.js';
import { postForumMessage } from './testdata/forum-test-helpers.js';
import { listContributionsForModeration } from './store.js';

interface RssItem { title: string; link: string; guid: string | { '#text': string }; description?: string; 'content:encoded'?: string }

const parser = new XMLParser({ ignoreAttributes: false });
const itemsOf = (xml: string): RssItem[] => [parser.parse(xml).rss.channel.item ?? []].flat();

for (const dialect of DIALECTS) {
  describe(`forum feeds and counts on ${dialect}`, () => {
    let site: TestSite;
    let open: { id: number; slug: string; title: string };
    let withdrawn: { id: number; slug: string };
    let ip = 0;
    const post = async (slug: string, fields: Record<string, string>) => {
      const response = await postForumMessage(site, slug, fields, { ip: `198.51.100.${++ip}` });
      assert.equal(response.statusCode, 303);
      return (await listContributionsForModeration(site.relais.db.kysely, { limit: 1, offset: 0 }))[0]!;
    };

    before(async () => {
      site = await startTestSite(dialect);
      open = await site.relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Fête de la musique' }));
      const withdrawnInput = buildArticle();
      withdrawn = await site.relais.blog.createArticle({ userId: null }, withdrawnInput);
      for (const article of [open, withdrawn]) await site.relais.forum.setArticleMode({ userId: null }, article.id, 'pos');
      await post(open.slug, { nom: 'Alix', email: 'alix@exemple.fr', texte: 'Premier {{avis}}' });
      await post(open.slug, { nom: 'Basile', texte: 'Second avis' });
      const hidden = await post(open.slug, { nom: 'Caro', texte: 'Avis retiré' });
      await site.relais.forum.moderate({ userId: null }, hidden.id, 'reject');
      await post(withdrawn.slug, { nom: 'Dany', texte: 'Sous un article retiré' });
      await site.relais.blog.updateArticle({ userId: null }, withdrawn.id, { ...withdrawnInput, status: 'draft' });
    });
    after(() => site?.close());

    test('an article’s feed lists its published messages, newest first, rendered, with no e-mail address', async () => {
      const response = await site.app.inject({ method: 'GET', url: `/article/${open.slug}/forum.xml` });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /application\/rss\+xml/);
      const items = itemsOf(response.body);
      assert.deepEqual(items.map((i) => i.title), ['Basile sur « Fête de la musique »', 'Alix sur « Fête de la musique »']);
      assert.match(items[1]!.link, new RegExp(`^http://relais\\.test/article/${open.slug}#message\\d+$`));
      assert.match(response.body, /<strong>avis<\/strong>/);
      assert.doesNotMatch(response.body, /alix@exemple\.fr|Avis retiré/);
    });

    test('the site’s feed leaves out the messages of an article that is no longer public, and that article’s feed is gone', async () => {
      const feed = await site.app.inject({ method: 'GET', url: '/forum.xml' });
      assert.equal(feed.statusCode, 200);
      const titles = itemsOf(feed.body).map((i) => i.title);
      assert.deepEqual(titles, ['Basile sur « Fête de la musique »', 'Alix sur « Fête de la musique »']);
      assert.equal((await site.app.inject({ method: 'GET', url: `/article/${withdrawn.slug}/forum.xml` })).statusCode, 404);
    });

    test('the article page and the home page count the published messages only, and announce the feed', async () => {
      const page = await site.app.inject({ method: 'GET', url: `/article/${open.slug}` });
      assert.match(page.body, /2 messages publiés/);
      assert.match(page.body, new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="Forum de « Fête de la musique » \\(RSS\\)" href="http://relais\\.test/article/${open.slug}/forum\\.xml"`));
      const home = await site.app.inject({ method: 'GET', url: '/' });
      assert.match(home.body, new RegExp(`href="/article/${open.slug}#forum">2 messages<span class="visually-hidden"> sur « Fête de la musique »</span>`));
    });
  });
}
