import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FetchError } from '../../fetch/fetch-error.js';
import { SourceAdapterError } from '../source-adapter-error.js';
import { createRedditAdapter } from './reddit-adapter.js';
import type { RedditConfig } from './reddit-config.js';
import { validConfig } from '../testdata/valid-config.js';
import { readFixture, sendJson, startApiServer, type ApiServer } from '../testdata/start-api-server.js';

const listing = readFixture(import.meta.url, 'r-france-new.json');
const newer = {
  kind: 'Listing',
  data: {
    after: null, before: null, dist: 1,
    children: [{ kind: 't3', data: { name: 't3_1h2ffff', title: 'Budget 2027 voté', permalink: '/r/france/comments/1h2ffff/budget/', is_self: true, selftext_html: null, created_utc: 1764349200, author: 'elu_local', subreddit_name_prefixed: 'r/france' } }],
  },
};
const empty = { kind: 'Listing', data: { after: null, before: null, dist: 0, children: [] } };

describe('Reddit adapter', () => {
  let api: ApiServer;
  let adapter: ReturnType<typeof createRedditAdapter>;
  before(async () => {
    api = await startApiServer(({ url, headers }, response) => {
      const query = url.searchParams;
      if (!/^Relais\/.+ \(\+https:\/\/relais\.test\)$/.test(headers['user-agent'] ?? '') || query.get('limit') !== '100') {
        return sendJson(response, 403, { message: 'Forbidden', error: 403 });
      }
      if (url.pathname === '/r/france/new.json') {
        const anchor = query.get('before');
        if (anchor === null) return sendJson(response, 200, listing);
        return sendJson(response, 200, anchor === 't3_1h2abcd' ? newer : empty);
      }
      if (url.pathname === '/r/modere/new.json') {
        if (query.has('before')) return sendJson(response, 200, empty);
        const older = { ...newer.data.children[0]?.data, name: 't3_1h1aaaa', created_utc: 1764340000 };
        return sendJson(response, 200, { kind: 'Listing', data: { ...newer.data, children: [...newer.data.children, { kind: 't3', data: older }] } });
      }
      if (url.pathname === '/r/prive/new.json') return sendJson(response, 403, { reason: 'private', message: 'Forbidden', error: 403 });
      if (url.pathname === '/r/bavard/new.json') {
        return sendJson(response, 429, '<html>Too Many Requests</html>', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '412' });
      }
      if (url.pathname === '/r/panne/new.json') return sendJson(response, 500, { message: 'Internal Server Error', error: 500 });
      if (url.pathname === '/r/casse/new.json') return sendJson(response, 200, '<!doctype html><p>reddit is down</p>');
      if (url.pathname === '/search.json' && query.get('q') === 'conseil municipal' && query.get('sort') === 'new' && query.get('type') === 'link') {
        return sendJson(response, 200, newer);
      }
      sendJson(response, 404, { message: 'Not Found', error: 404 });
    });
    adapter = createRedditAdapter({ apiBase: api.origin });
  });
  after(() => api.close());

  const config = (input: Record<string, unknown>): RedditConfig => validConfig(adapter, input);

  test('maps a subreddit’s new posts, decoding the escaped HTML once, then asks with before', async () => {
    const first = await adapter.fetch(config({ mode: 'subreddit', subreddit: 'r/france' }), {}, api.deps);
    assert.deepEqual(first.problems, ['1 élément(s) de la liste Reddit ne sont pas des messages lisibles et ont été ignorés.']);
    const [self, picture] = first.entries;
    assert.equal(self?.id, 't3_1h2abcd');
    assert.equal(self?.link, 'https://www.reddit.com/r/france/comments/1h2abcd/fermeture_de_la_piscine_du_gymnase_%C3%A0_villeurbanne/');
    assert.equal(self?.title, 'Fermeture de la piscine & du gymnase à Villeurbanne');
    assert.equal(self?.author, 'u/lyonnais_du_69');
    assert.equal(self?.published, '2025-11-28T16:00:00.000Z');
    assert.deepEqual(self?.categories, ['r/france', 'Société']);
    assert.equal(self?.content,
      '<div><p>Bonjour, la mairie ferme la <a href="https://www.villeurbanne.example/piscine">piscine municipale</a> en janvier. Des infos&#x200B;?</p>\n' +
      '<p>Texte &amp; suite &lt;script&gt;</p>\n</div>');
    assert.equal(self?.sensitive, undefined);
    assert.equal(picture?.author, undefined, 'a deleted author is no author');
    assert.equal(picture?.sensitive, true);
    assert.equal(picture?.content, '<p><a href="https://i.redd.it/tramway-brest.jpeg">https://i.redd.it/tramway-brest.jpeg</a></p>');
    assert.deepEqual(picture?.enclosures, [{ url: 'https://i.redd.it/tramway-brest.jpeg', type: 'image/jpeg' }]);
    assert.equal(first.state['before'], 't3_1h2abcd');

    const second = await adapter.fetch(config({ mode: 'subreddit', subreddit: 'france' }), first.state, api.deps);
    assert.equal(api.requests.at(-1)?.url.searchParams.get('before'), 't3_1h2abcd');
    assert.deepEqual(second.entries.map((entry) => entry.title), ['Budget 2027 voté']);
    assert.equal(second.state['before'], 't3_1h2ffff');
    const third = await adapter.fetch(config({ mode: 'subreddit', subreddit: 'france' }), second.state, api.deps);
    assert.deepEqual([third.entries, third.state['before']], [[], 't3_1h2ffff']);
  });

  test('when the post named by before was deleted, the latest posts are compared by date', async () => {
    const state = { scope: 'r/modere', before: 't3_supprime', beforeCreated: '1764345600' };
    const result = await adapter.fetch(config({ mode: 'subreddit', subreddit: 'modere' }), state, api.deps);
    assert.deepEqual(api.requests.slice(-2).map((request) => request.url.searchParams.get('before')), ['t3_supprime', null]);
    assert.deepEqual(result.entries.map((entry) => entry.id), ['t3_1h2ffff']);
    assert.deepEqual(result.state, { scope: 'r/modere', before: 't3_1h2ffff', beforeCreated: '1764349200' });
  });

  test('searches all of Reddit by date', async () => {
    const result = await adapter.fetch(config({ mode: 'search', query: 'conseil municipal' }), {}, api.deps);
    assert.deepEqual(result.entries.map((entry) => entry.id), ['t3_1h2ffff']);
  });

  test('a private subreddit, a 429, a 5xx and an HTML page are French failures', async () => {
    const failure = (subreddit: string): Promise<unknown> =>
      adapter.fetch(config({ mode: 'subreddit', subreddit }), {}, api.deps).catch((e: unknown) => e);
    const closed = await failure('prive');
    assert.ok(closed instanceof FetchError);
    assert.equal(closed.message, 'Le serveur refuse l’accès à cette adresse (erreur 403).');
    const limited = await failure('bavard');
    assert.ok(limited instanceof FetchError);
    assert.deepEqual([limited.httpStatus, limited.retryAfterSeconds], [429, 412]);
    const down = await failure('panne');
    assert.ok(down instanceof FetchError && down.httpStatus === 500);
    const broken = await failure('casse');
    assert.ok(broken instanceof SourceAdapterError);
    assert.match(broken.message, /^La réponse de Reddit n’est pas du JSON lisible/);
  });

  test('validates subreddit names and queries in French, and describes the source', () => {
    for (const subreddit of ['a', '_france', 'fr-ance', 'un_nom_bien_trop_long_x', '']) {
      const check = adapter.validate({ mode: 'subreddit', subreddit });
      assert.ok(!check.ok, subreddit);
      assert.match(check.errors['subreddit'] ?? '', /nom d’un subreddit/);
    }
    assert.ok(!adapter.validate({ mode: 'search', query: ' ' }).ok);
    assert.ok(!adapter.validate({ subreddit: 'france' }).ok);
    assert.equal(adapter.describe(config({ mode: 'subreddit', subreddit: '/r/france' })), 'Reddit : nouveaux messages de r/france');
  });
});
