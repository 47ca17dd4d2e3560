import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { plainImage } from '../../media/testdata/media-fixtures.js';
import { DIALECTS } from '../../test-support/databases.js';
import { buildArticle, startTestSite } from '../../test-support/test-site.js';
import { writeSiteSettings } from '../../site/settings-store.js';
import { startFakeMastodonServer } from '../channels/testdata/fake-mastodon-server.js';
import { FAKE_THREADS_USER, startFakeThreadsServer } from '../channels/testdata/fake-threads-server.js';
import { FAKE_TOKEN } from '../channels/testdata/start-fake-network.js';
import { DEFAULT_TEMPLATE } from '../pages/save-page.js';
import { CLI_ACTOR } from '../relay-service.js';

for (const dialect of DIALECTS) {
  describe(`relay images on ${dialect}`, () => {
    test('a variant carries its article’s main illustration, uploaded with its text alternative', { timeout: 60_000 }, async () => {
      const site = await startTestSite(dialect, { FETCH_ALLOW_HOSTS: '127.0.0.1' });
      const network = await startFakeMastodonServer();
      try {
        const { relais } = site;
        await relais.relay.addPage({ network: 'mastodon', name: 'culture', audience: 'Culture', instance: network.origin, token: FAKE_TOKEN, template: DEFAULT_TEMPLATE }, null);
        const { item } = await relais.media.add({ source: Readable.from([await plainImage(64, 48, 'png', '#c40')]), fileName: 'affiche.png' }, { alt: 'Affiche de la fête : scène et lampions' }, null);
        const article = await relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Fête du quartier', logoMediaId: item.id }));
        const [drafted] = await relais.relay.draftFromArticle(CLI_ACTOR, article.slug);
        assert.deepEqual(JSON.parse(drafted!.variant.media_ids), [item.id]);
        await relais.relay.approve(CLI_ACTOR, drafted!.variant.id);
        assert.deepEqual((await relais.relay.publishDue()).map((o) => o.outcome), ['published']);
        assert.equal(network.posts.length, 1);
        assert.equal(network.posts[0]!.mediaIds.length, 1);
        const upload = network.requests.find((r) => r.method === 'POST' && r.path === '/api/v2/media');
        assert.equal((upload!.body as Record<string, unknown>).description, 'Affiche de la fête : scène et lampions');
        assert.equal((network.posts[0]!.request.body as Record<string, unknown>).language, 'fr', 'the site’s language by default');
        // The language follows the site's (its articles are written in it).
        await writeSiteSettings(relais.db.kysely, { language: 'en' });
        const english = await relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Neighbourhood party' }));
        const [second] = await relais.relay.draftFromArticle(CLI_ACTOR, english.slug);
        await relais.relay.approve(CLI_ACTOR, second!.variant.id);
        assert.deepEqual((await relais.relay.publishDue()).map((o) => o.outcome), ['published']);
        assert.equal((network.posts[1]!.request.body as Record<string, unknown>).language, 'en');
      } finally {
        await network.close();
        await site.close();
      }
    });

    test('Threads receives the image by its public address on the site, which serves that very file', { timeout: 60_000 }, async () => {
      const site = await startTestSite(dialect, { FETCH_ALLOW_HOSTS: '127.0.0.1' });
      const threads = await startFakeThreadsServer();
      try {
        const { relais } = site;
        await relais.relay.addPage({ network: 'threads', name: 'fils', audience: 'Tous', instance: threads.origin, accountId: FAKE_THREADS_USER.id, token: FAKE_TOKEN, template: DEFAULT_TEMPLATE }, null);
        const image = await plainImage(64, 48, 'png', '#0a6');
        const { item } = await relais.media.add({ source: Readable.from([image]), fileName: 'marche.png' }, { alt: 'Étals du marché sous la halle' }, null);
        const article = await relais.blog.createArticle({ userId: null }, buildArticle({ title: 'Marché du samedi', logoMediaId: item.id }));
        const [drafted] = await relais.relay.draftFromArticle(CLI_ACTOR, article.slug);
        await relais.relay.approve(CLI_ACTOR, drafted!.variant.id);
        assert.deepEqual((await relais.relay.publishDue()).map((o) => o.outcome), ['published']);
        const container = threads.requests.find((r) => r.method === 'POST' && r.path.endsWith('/threads') && (r.body as Record<string, string>)['media_type'] === 'IMAGE');
        const { image_url: imageUrl, alt_text: alt } = container!.body as Record<string, string>;
        assert.equal(alt, 'Étals du marché sous la halle');
        assert.match(imageUrl!, /^http:\/\/relais\.test\/media\//);
        assert.deepEqual(threads.posts[0]!.mediaIds, [imageUrl]);
        // The address is one the site answers with the image's own bytes.
        const served = await site.app.inject({ method: 'GET', url: new URL(imageUrl!).pathname });
        assert.equal(served.statusCode, 200);
        assert.deepEqual(served.rawPayload, image);
      } finally {
        await threads.close();
        await site.close();
      }
    });
  });
}
