import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createGuardedFetch } from '../fetch/create-guarded-fetch.js';
import { FetchError } from '../fetch/fetch-error.js';
import { ADAPTERS, isAdapterKind } from './adapters.js';
import { sendJson, startApiServer, type ApiServer } from './testdata/start-api-server.js';

describe('ADAPTERS', () => {
  let api: ApiServer;
  before(async () => {
    api = await startApiServer((_request, response) => sendJson(response, 200, []));
  });
  after(() => api.close());

  test('lists each adapter under its own kind', () => {
    assert.deepEqual(Object.keys(ADAPTERS).sort(), ['bluesky', 'mastodon', 'reddit', 'youtube']);
    for (const [kind, adapter] of Object.entries(ADAPTERS)) assert.equal(adapter.kind, kind);
    assert.ok(isAdapterKind('reddit'));
    assert.ok(!isAdapterKind('rss'));
    assert.ok(!isAdapterKind('toString'));
  });

  test('every adapter refuses a missing config with French messages', () => {
    for (const adapter of Object.values(ADAPTERS)) {
      const check = adapter.validate(undefined);
      assert.ok(!check.ok, adapter.kind);
      assert.ok(Object.values(check.errors).every((message) => /^(Indiquez|Choisissez) /.test(message)), JSON.stringify(check.errors));
    }
  });

  test('each kind gives one web address per thing followed, whatever its spelling', () => {
    const address = (kind: keyof typeof ADAPTERS, input: unknown): string => {
      const check = ADAPTERS[kind].validate(input);
      assert.ok(check.ok, JSON.stringify(check));
      return ADAPTERS[kind].address(check.config);
    };
    assert.equal(address('mastodon', { instance: 'Mastodon.Social', mode: 'hashtag', hashtag: '#Lyon' }), 'https://mastodon.social/tags/lyon');
    assert.equal(address('mastodon', { instance: 'mastodon.social', mode: 'hashtag', hashtag: 'lyon', token: 'abc' }), 'https://mastodon.social/tags/lyon');
    assert.equal(address('mastodon', { instance: 'mastodon.social', mode: 'search', query: 'budget participatif' }), 'https://mastodon.social/search?q=budget+participatif');
    assert.equal(address('bluesky', { query: 'budget', language: 'fr' }), 'https://bsky.app/search?q=budget&lang=fr');
    assert.equal(address('reddit', { mode: 'subreddit', subreddit: 'r/France' }), 'https://www.reddit.com/r/france/new/');
    assert.equal(address('reddit', { mode: 'search', query: 'piscine' }), 'https://www.reddit.com/search/?q=piscine&sort=new');
    assert.equal(address('youtube', { channelId: 'UCx3Wk0m5bVqQ0Ga9kGm3nPw' }), 'https://www.youtube.com/channel/UCx3Wk0m5bVqQ0Ga9kGm3nPw');
  });

  test('a stored config goes through validate then fetch, and only through the guarded client', async () => {
    const stored: unknown = JSON.parse(JSON.stringify({ instance: api.origin, mode: 'hashtag', hashtag: 'rennes' }));
    const adapter = ADAPTERS.mastodon;
    const check = adapter.validate(stored);
    assert.ok(check.ok);
    const result = await adapter.fetch(check.config, {}, api.deps);
    assert.deepEqual([result.entries, result.state], [[], { scope: 'tag:rennes' }]);
    // Without the allow-list, the same request to 127.0.0.1 is refused by the guard.
    const guarded = { fetchResource: createGuardedFetch({ publicUrl: 'https://relais.test' }) };
    const refused = await adapter.fetch(check.config, {}, guarded).catch((e: unknown) => e);
    assert.ok(refused instanceof FetchError);
    assert.equal(refused.code, 'private-address');
  });
});
