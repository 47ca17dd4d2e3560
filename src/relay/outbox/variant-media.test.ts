import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { plainImage } from '../../media/testdata/media-fixtures.js';
import { DIALECTS } from '../../test-support/databases.js';
import { buildArticle, startTestSite } from '../../test-support/test-site.js';
import { startFakeMastodonServer } from '../channels/testdata/fake-mastodon-server.js';
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
      } finally {
        await network.close();
        await site.close();
      }
    });
  });
}
