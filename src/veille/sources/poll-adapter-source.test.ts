import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { encryptSecret } from '../../secrets/cipher.js';
import { createKeyring } from '../../secrets/keyring.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { createBlueskyAdapter } from '../adapters/bluesky/bluesky-adapter.js';
import { createMastodonAdapter } from '../adapters/mastodon/mastodon-adapter.js';
import { createRedditAdapter } from '../adapters/reddit/reddit-adapter.js';
import { readFixture, sendJson, startApiServer, type ApiServer } from '../adapters/testdata/start-api-server.js';
import { createYoutubeAdapter } from '../adapters/youtube/youtube-adapter.js';
import { groupSize, listSourceItems } from '../items/store.js';
import { pollSource, type PollDeps } from './poll-source.js';
import { addSource, getSource, type NewSource, type SourceRow } from './store.js';

const adapterFixture = (network: string, name: string) => readFixture(new URL(`../adapters/${network}/x.test.ts`, import.meta.url).href, name);
const TOKEN = 'Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY';
const KEY = 'poll-adapter-test-key-0123456789abcdef0123';
const NEWEST = '113545872316509842';
const timeline = JSON.parse(adapterFixture('mastodon', 'tag-conseilmunicipal.json')) as Record<string, unknown>[];
// A newer status whose author declared German: the declared language wins over detection.
const later = [{ ...timeline[0], id: '113546100000000000', uri: 'https://mastodon.exemple.fr/users/villedebrest/statuses/113546100000000000', language: 'de' }];
const CHANNEL = 'UCx3Wk0m5bVqQ0Ga9kGm3nPw';
const ETAG = '"yt-8f2c41"';

for (const dialect of DIALECTS) {
  describe(`polling social sources on ${dialect}`, () => {
    let database: TestDatabase;
    let db: Db;
    let api: ApiServer;
    const clock = new Date('2026-11-29T12:00:00Z');
    const keyring = createKeyring(KEY);
    let deps: PollDeps;

    before(async () => {
      database = await createTestDatabase(dialect);
      db = openDatabase(database.target);
      await migrateToLatest(db);
      api = await startApiServer(({ url, headers }, response) => {
        const path = url.pathname;
        if (path === '/api/v1/timelines/tag/conseilmunicipal') {
          const minId = url.searchParams.get('min_id');
          return sendJson(response, 200, minId === null ? timeline : minId === NEWEST ? later : []);
        }
        if (path === '/api/v2/search') {
          if (headers.authorization !== `Bearer ${TOKEN}`) return sendJson(response, 401, { error: 'The access token is invalid' });
          return sendJson(response, 200, adapterFixture('mastodon', 'search-budget.json'));
        }
        if (path === '/api/v1/timelines/tag/limite') {
          return sendJson(response, 429, { error: 'Too many requests' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(Date.now() + 2_400_000).toISOString() });
        }
        if (path === '/r/france/new.json') {
          // The listing is served, but the rate limit is spent for 15 minutes (Reddit's headers).
          return sendJson(response, 200, url.searchParams.has('before') ? { kind: 'Listing', data: { children: [] } } : adapterFixture('reddit', 'r-france-new.json'),
            { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '100', 'x-ratelimit-reset': '900' });
        }
        if (path === '/xrpc/app.bsky.feed.searchPosts') return sendJson(response, 200, adapterFixture('bluesky', 'search-posts.json'));
        if (path === '/feeds/videos.xml' && url.searchParams.get('channel_id') === CHANNEL) {
          if (headers['if-none-match'] === ETAG) return void response.writeHead(304, { etag: ETAG }).end();
          return void response.writeHead(200, { 'content-type': 'text/xml; charset=UTF-8', etag: ETAG }).end(adapterFixture('youtube', 'channel-videos.xml'));
        }
        sendJson(response, 404, { error: 'Record not found' });
      });
      deps = {
        db, now: () => clock, keyring, fetchResource: api.deps.fetchResource,
        adapters: {
          mastodon: createMastodonAdapter(),
          bluesky: createBlueskyAdapter({ apiBase: api.origin }),
          reddit: createRedditAdapter({ apiBase: api.origin }),
          youtube: createYoutubeAdapter({ apiBase: api.origin }),
        },
      };
    });
    after(async () => {
      await api?.close();
      await db?.close();
      await database?.drop();
    });

    const add = async (source: Omit<NewSource, 'config'> & { config: unknown }): Promise<SourceRow> =>
      (await addSource(db.kysely, { ...source, config: JSON.stringify(source.config) }, clock))!;
    const poll = async (source: SourceRow, over: Partial<PollDeps> = {}) => pollSource({ ...deps, ...over }, (await getSource(db.kysely, source.id))!);

    test('a Mastodon hashtag: items stored with their language, the state kept, the next poll asks only for newer statuses', async () => {
      const source = await add({ url: `${api.origin}/tags/conseilmunicipal`, kind: 'mastodon', config: { instance: api.origin, mode: 'hashtag', hashtag: 'conseilmunicipal' } });
      assert.deepEqual(await poll(source), { status: 'ok', newItems: 2, updatedItems: 0 });
      let row = (await getSource(db.kysely, source.id))!;
      assert.equal(row.last_status, 'ok');
      assert.equal(row.title, `Mastodon : #conseilmunicipal sur ${new URL(api.origin).host}`);
      assert.equal(row.items_seen, 2);
      assert.equal(JSON.parse(row.adapter_state!).minId, NEWEST);
      assert.equal(row.last_error, '1 message(s) Mastodon sans identifiant ont été ignorés.');
      const items = await listSourceItems(db.kysely, source.id);
      assert.deepEqual(items.map((i) => i.language), ['fr', 'fr']);
      assert.ok(items.some((i) => i.link === 'https://mastodon.exemple.fr/@villedebrest/113545872316509842'));

      assert.deepEqual(await poll(source), { status: 'ok', newItems: 1, updatedItems: 0 });
      assert.equal(api.requests.at(-1)?.url.searchParams.get('min_id'), NEWEST);
      row = (await getSource(db.kysely, source.id))!;
      assert.equal(JSON.parse(row.adapter_state!).minId, '113546100000000000');
      const newest = (await listSourceItems(db.kysely, source.id)).find((i) => i.guid.endsWith('113546100000000000'));
      assert.equal(newest?.language, 'de');
      // The same status told again with another id: the same link, one story of two.
      assert.equal(await groupSize(db.kysely, newest!.group_id!), 2);

      assert.deepEqual(await poll(source), { status: 'not-modified', newItems: 0, updatedItems: 0 });
      assert.equal(JSON.parse((await getSource(db.kysely, source.id))!.adapter_state!).minId, '113546100000000000');
    });

    test('a Mastodon search sends the decrypted token; a refused token is a French error that never shows it', async () => {
      const config = { instance: api.origin, mode: 'search', query: 'budget participatif' };
      const good = await add({ url: `${api.origin}/search?q=budget`, kind: 'mastodon', config, accessToken: encryptSecret(TOKEN, keyring) });
      assert.equal((await poll(good)).newItems, 1);
      assert.equal(api.requests.at(-1)?.headers.authorization, `Bearer ${TOKEN}`);

      const bad = await add({ url: `${api.origin}/search?q=budget&autre`, kind: 'mastodon', config, accessToken: encryptSecret('ZXhwaXJlZC10b2tlbi05ODc2', keyring) });
      const outcome = await poll(bad);
      assert.equal(outcome.status, 'error');
      const row = (await getSource(db.kysely, bad.id))!;
      assert.match(row.last_error!, /refuse le jeton d’accès/);
      assert.equal(row.error_count, 1);
      assert.equal(row.next_check_at, '2026-11-29T12:05:00.000Z');
      assert.doesNotMatch(`${row.last_error} ${row.last_error_detail}`, /ZXhwaXJlZC|Zm9vYmFy/);

      const withoutKey = await poll(good, { keyring: undefined });
      assert.equal(withoutKey.status, 'error');
      assert.match((await getSource(db.kysely, good.id))!.last_error!, /configuration de cette source/);
      const otherKey = await poll(good, { keyring: createKeyring('another-key-0123456789abcdef0123456789ab') });
      assert.match(otherKey.error ?? '', /autre clé/);
    });

    test('a 429 waits for X-RateLimit-Reset; a spent rate limit on a success waits for its reset too; the network’s other sources wait with them', async () => {
      const limited = await add({ url: `${api.origin}/tags/limite`, kind: 'mastodon', config: { instance: api.origin, mode: 'hashtag', hashtag: 'limite' } });
      const neighbour = await add({ url: `${api.origin}/tags/voisin`, kind: 'mastodon', config: { instance: api.origin, mode: 'hashtag', hashtag: 'voisin' } });
      const elsewhere = await add({ url: 'https://ailleurs.exemple.fr/tags/voisin', kind: 'mastodon', config: { instance: 'ailleurs.exemple.fr', mode: 'hashtag', hashtag: 'voisin' } });
      assert.equal((await poll(limited)).status, 'error');
      const row = (await getSource(db.kysely, limited.id))!;
      // The instance's limit is shared: its other sources wait too, another instance's do not.
      assert.equal((await getSource(db.kysely, neighbour.id))!.next_check_at, row.next_check_at);
      assert.equal((await getSource(db.kysely, elsewhere.id))!.next_check_at, clock.toISOString());
      assert.match(row.last_error!, /patienter/);
      const wait = (Date.parse(row.next_check_at) - clock.getTime()) / 1000;
      assert.ok(wait > 2380 && wait <= 2400, `waits for the reset, not the 5-minute back-off: ${wait}`);
      assert.deepEqual([row.error_count, row.status], [0, 'active'], 'being paced by the network never pauses a source');

      const reddit = await add({ url: 'https://www.reddit.com/r/france/new/', kind: 'reddit', config: { mode: 'subreddit', subreddit: 'france' } });
      const otherReddit = await add({ url: 'https://www.reddit.com/search/?q=piscine&sort=new', kind: 'reddit', config: { mode: 'search', query: 'piscine' } });
      const outcome = await poll(reddit, { bounds: { minSeconds: 60, maxSeconds: 600 } });
      assert.equal(outcome.status, 'ok');
      assert.ok(outcome.newItems > 0);
      assert.equal((await getSource(db.kysely, reddit.id))!.next_check_at, '2026-11-29T12:15:00.000Z', 'past the 10-minute bound: the reset’s 15 minutes');
      assert.equal((await getSource(db.kysely, otherReddit.id))!.next_check_at, '2026-11-29T12:15:00.000Z', 'every Reddit source waits for the reset');
    });

    test('Bluesky and YouTube through the same pipeline; a 304 of the channel feed is nothing new', async () => {
      const bluesky = await add({ url: 'https://bsky.app/search?q=budget', kind: 'bluesky', config: { query: 'budget participatif', language: 'fr' } });
      const first = await poll(bluesky);
      assert.equal(first.status, 'ok');
      assert.equal((await listSourceItems(db.kysely, bluesky.id)).length, first.newItems);
      assert.ok(JSON.parse((await getSource(db.kysely, bluesky.id))!.adapter_state!).since);

      const youtube = await add({ url: `https://www.youtube.com/channel/${CHANNEL}`, kind: 'youtube', config: { channelId: CHANNEL } });
      assert.deepEqual(await poll(youtube), { status: 'ok', newItems: 2, updatedItems: 0 });
      assert.equal(JSON.parse((await getSource(db.kysely, youtube.id))!.adapter_state!).etag, ETAG);
      assert.deepEqual(await poll(youtube), { status: 'not-modified', newItems: 0, updatedItems: 0 });
      assert.equal(api.requests.at(-1)?.headers['if-none-match'], ETAG);
    });

    test('a stored config the adapter refuses is a French error on the source, with the fields as detail', async () => {
      const broken = await add({ url: 'https://www.reddit.com/r/x/', kind: 'reddit', config: { mode: 'subreddit', subreddit: 'pas un nom !' } });
      assert.equal((await poll(broken)).status, 'error');
      const row = (await getSource(db.kysely, broken.id))!;
      assert.equal(row.last_error, 'La configuration de cette source n’est plus valide : supprimez-la et ajoutez-la à nouveau.');
      assert.match(row.last_error_detail!, /^subreddit : /);
    });
  });
}
