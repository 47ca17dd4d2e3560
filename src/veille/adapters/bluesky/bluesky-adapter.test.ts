import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FetchError } from '../../fetch/fetch-error.js';
import { SourceAdapterError } from '../source-adapter-error.js';
import { createBlueskyAdapter } from './bluesky-adapter.js';
import type { BlueskyConfig } from './bluesky-config.js';
import { validConfig } from '../testdata/valid-config.js';
import { readFixture, sendJson, startApiServer, type ApiServer } from '../testdata/start-api-server.js';

const page = JSON.parse(readFixture(import.meta.url, 'search-posts.json')) as { posts: Record<string, unknown>[] };
const NEWEST_URI = 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3lbx2kqs3vk2a';
const NEWEST_AT = '2026-11-28T16:05:12.345Z';
const post = (rkey: string, at: string): Record<string, unknown> => ({
  uri: `at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/${rkey}`,
  author: { did: 'did:plc:z72i7hdynmk6r22z27h6tvur', handle: 'ville-nantes.bsky.social', displayName: 'Ville de Nantes' },
  record: { $type: 'app.bsky.feed.post', createdAt: at, langs: ['fr'], text: `Budget participatif, message ${rkey}` },
  indexedAt: at,
});

describe('Bluesky adapter', () => {
  let api: ApiServer;
  let adapter: ReturnType<typeof createBlueskyAdapter>;
  before(async () => {
    api = await startApiServer(({ url }, response) => {
      const query = url.searchParams;
      if (url.pathname !== '/xrpc/app.bsky.feed.searchPosts' || query.get('sort') !== 'latest' || query.get('limit') !== '25') {
        return sendJson(response, 400, { error: 'InvalidRequest', message: 'unexpected request' });
      }
      const q = query.get('q');
      if (q === 'panne') return sendJson(response, 502, 'Bad Gateway');
      if (q === 'limite') return sendJson(response, 429, { error: 'RateLimitExceeded' }, { 'retry-after': '120', 'ratelimit-remaining': '0' });
      if (q === 'casse') return sendJson(response, 200, '{"posts": [');
      if (q === 'débordement') {
        const at = Number((query.get('cursor') ?? 'c0').slice(1));
        const posts = Array.from({ length: 25 }, (_, i) => post(`d${at}x${i}`, new Date(Date.UTC(2026, 10, 29, 12, 0, 0) - (at * 25 + i) * 1000).toISOString()));
        return sendJson(response, 200, { cursor: `c${at + 1}`, posts });
      }
      if (q !== 'budget participatif' || query.get('lang') !== 'fr') return sendJson(response, 400, { error: 'InvalidRequest' });
      if (!query.has('since')) return sendJson(response, 200, page);
      if (query.get('since') !== NEWEST_AT) return sendJson(response, 400, { error: 'InvalidRequest' });
      // Since is inclusive: the newest post of the first poll comes back with the new ones, over two pages.
      if (!query.has('cursor')) {
        const posts = Array.from({ length: 24 }, (_, i) => post(`new${String(i).padStart(2, '0')}`, `2026-11-28T17:${String(59 - i).padStart(2, '0')}:00.000Z`));
        return sendJson(response, 200, { cursor: 'p2', posts: [...posts, page.posts[0]] });
      }
      return sendJson(response, 200, query.get('cursor') === 'p2' ? { posts: [] } : { posts: [post('faux', NEWEST_AT)] });
    });
    adapter = createBlueskyAdapter({ apiBase: api.origin });
  });
  after(() => api.close());

  const config = (input: Record<string, unknown>): BlueskyConfig => validConfig(adapter, input);

  test('maps searchPosts results to entries with their bsky.app pages and facet links', async () => {
    const result = await adapter.fetch(config({ query: 'budget participatif', language: 'fr' }), {}, api.deps);
    assert.deepEqual(result.problems, ['1 message(s) Bluesky sans adresse at:// ont été ignorés.']);
    const [first, second] = result.entries;
    assert.equal(first?.id, NEWEST_URI);
    assert.equal(first?.link, 'https://bsky.app/profile/ville-nantes.bsky.social/post/3lbx2kqs3vk2a');
    assert.equal(first?.author, 'Ville de Nantes (@ville-nantes.bsky.social)');
    assert.equal(first?.published, NEWEST_AT);
    assert.equal(first?.title, 'Budget participatif : 12 projets retenus à Nantes 🎉 Tous les détails sur nantes.example/bp et merci…');
    assert.equal(first?.content,
      '<p>Budget participatif : 12 projets retenus à Nantes 🎉</p><p>Tous les détails sur <a href="https://nantes.example/bp">nantes.example/bp</a> ' +
      'et merci <a href="https://bsky.app/profile/did%3Aplc%3Aquartiers123">@quartiers.bsky.social</a> ' +
      '<a href="https://bsky.app/hashtag/BudgetParticipatif">#BudgetParticipatif</a></p>');
    assert.deepEqual(first?.categories, ['BudgetParticipatif']);
    assert.deepEqual(first?.enclosures, [{
      url: 'https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:z72i7hdynmk6r22z27h6tvur/bafkreiabc@jpeg', type: 'image/jpeg',
    }]);
    assert.equal(first?.language, 'fr');
    assert.equal(second?.link, 'https://bsky.app/profile/did%3Aplc%3Aabcdef123456/post/3lbwzzzz2aa2b');
    assert.equal(second?.author, '@handle.invalid');
    assert.equal(second?.content, '<p>&lt;b&gt;Pas&lt;/b&gt; d’accord avec ce budget participatif</p>');
    assert.equal(second?.sensitive, true);
    assert.equal(result.state['since'], NEWEST_AT);
    assert.equal(result.state['seen'], NEWEST_URI);
    assert.equal(result.nextCheckHint, undefined, 'the first poll reads one page only');
  });

  test('the next poll asks since the newest date, follows the cursor and leaves out what was seen', async () => {
    const first = await adapter.fetch(config({ query: 'budget participatif', language: 'fr' }), {}, api.deps);
    const second = await adapter.fetch(config({ query: 'budget participatif', language: 'fr' }), first.state, api.deps);
    assert.equal(second.entries.length, 24);
    assert.ok(!second.entries.some((entry) => entry.id === NEWEST_URI));
    assert.deepEqual(api.requests.slice(-2).map((request) => request.url.searchParams.get('cursor')), [null, 'p2']);
    assert.equal(second.state['since'], '2026-11-28T17:59:00.000Z');
    assert.equal(second.state['seen'], 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/new00');
    assert.deepEqual([second.problems, second.nextCheckHint], [[], undefined]);
  });

  test('past four pages of new posts, says that the older ones were not read and asks to poll sooner', async () => {
    const state = { scope: 'débordement|', since: '2026-11-28T00:00:00.000Z', seen: '' };
    const result = await adapter.fetch(config({ query: 'débordement' }), state, api.deps);
    assert.equal(result.entries.length, 100);
    assert.deepEqual(api.requests.slice(-4).map((request) => request.url.searchParams.get('cursor')), [null, 'c1', 'c2', 'c3']);
    assert.deepEqual(result.problems, ['Plus de 100 nouveaux messages depuis la consultation précédente : les plus anciens n’ont pas été lus.']);
    assert.equal(result.nextCheckHint, 60);
  });

  test('429, 5xx and broken JSON are French failures, not crashes', async () => {
    const limited = await adapter.fetch(config({ query: 'limite' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(limited instanceof FetchError);
    assert.equal(limited.retryAfterSeconds, 120);
    const down = await adapter.fetch(config({ query: 'panne' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(down instanceof FetchError);
    assert.equal(down.httpStatus, 502);
    const broken = await adapter.fetch(config({ query: 'casse' }), {}, api.deps).catch((e: unknown) => e);
    assert.ok(broken instanceof SourceAdapterError);
    assert.match(broken.message, /^La réponse de Bluesky n’est pas du JSON lisible/);
  });

  test('validates in French and describes the source', () => {
    const bad = adapter.validate({ query: '', language: 'français' });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.errors, { query: 'Indiquez les mots à rechercher.', language: 'Indiquez la langue par son code, par exemple « fr ».' });
    assert.equal(adapter.describe(config({ query: 'budget participatif', language: 'fr' })), 'Bluesky : recherche « budget participatif » (langue fr)');
    assert.deepEqual(config({ query: 'mairie', language: '' }), { query: 'mairie' });
  });
});
