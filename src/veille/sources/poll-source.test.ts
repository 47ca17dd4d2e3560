import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin } from 'kysely';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { createGuardedFetch } from '../fetch/create-guarded-fetch.js';
import { startRouteServer, type RouteServer } from '../fetch/testdata/start-route-server.js';
import { groupSize, listSourceItems } from '../items/store.js';
import { pollSource, type PollDeps } from './poll-source.js';
import { addSource, getSource, type SourceRow } from './store.js';
import { buildRss, type TestEntry } from './testdata/build-rss.js';

const STORY = 'Le conseil municipal a voté mardi soir le budget de la rénovation de la médiathèque '
  + 'du quartier des Tilleuls, dont les travaux commenceront au printemps et dureront dix-huit mois selon la mairie.';

function entry(guid: string, overrides: Partial<TestEntry> = {}): TestEntry {
  return { guid, title: `Article ${guid}`, link: `https://ville-exemple.fr/${guid}`, description: `Texte de ${guid}.`, published: '2026-11-28T10:00:00Z', ...overrides };
}

for (const dialect of DIALECTS) {
  describe(`polling sources on ${dialect}`, () => {
    let database: TestDatabase;
    let db: Db;
    let server: RouteServer;
    let clock = new Date('2026-11-29T12:00:00Z');
    const feeds = new Map<string, { body: string; etag: string }>();
    const deps = (over: Partial<PollDeps> = {}): PollDeps => ({
      db, now: () => clock, ...over,
      fetchResource: createGuardedFetch({ publicUrl: 'https://relais.test', allowHosts: ['127.0.0.1'] }),
    });
    const serveFeed = (path: string, title: string, entries: readonly TestEntry[], ttlMinutes?: number): string => {
      const body = buildRss(title, entries, ttlMinutes);
      feeds.set(path, { body, etag: `"${feeds.size}-${body.length}"` });
      return server.url(path);
    };
    const poll = async (source: SourceRow, over: Partial<PollDeps> = {}) => pollSource(deps(over), (await getSource(db.kysely, source.id))!);

    before(async () => {
      database = await createTestDatabase(dialect);
      db = openDatabase(database.target);
      await migrateToLatest(db);
      const routes: Record<string, Parameters<typeof startRouteServer>[0][string]> = {
        '/broken': (_req, res) => res.writeHead(500).end('panne'),
        '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Accueil</title><p>Bienvenue'),
        '/old': (_req, res) => res.writeHead(301, { location: '/new' }).end(),
        '/story': (req, res) => {
          const n = new URL(req.url ?? '', 'http://x').searchParams.get('n');
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss(`Relais ${n}`,
            [1, 2, 3, 4, 5].map((k) => entry(`s${n}-${k}`, { link: `https://ville-exemple.fr/histoire-${k}`, description: `Version ${n} de l’histoire ${k}.` }))));
        },
        '/json': (_req, res) => res.writeHead(200, { 'content-type': 'application/feed+json' }).end(JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1', title: 'JS\u0000ON',
          items: [{ id: 'j\u00001', title: 'Nul\u0000', content_text: 'Texte\u0000.' }],
        })),
      };
      for (const path of ['/a', '/b', '/c', '/d', '/e', '/new', '/titres']) {
        routes[path] = (req, res) => {
          const feed = feeds.get(path)!;
          if (req.headers['if-none-match'] === feed.etag) res.writeHead(304).end();
          else res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feed.etag }).end(feed.body);
        };
      }
      server = await startRouteServer(routes);
    });
    after(async () => {
      await server?.close();
      await db?.close();
      await database?.drop();
    });

    test('stores a feed’s items, answers a 304 with nothing new, and updates an entry that changed', async () => {
      const url = serveFeed('/a', 'Mairie', [entry('a1'), entry('a2', { published: '2026-11-28T12:00:00Z' })]);
      const source = (await addSource(db.kysely, { url, kind: 'feed' }, clock))!;
      assert.deepEqual(await poll(source), { status: 'ok', newItems: 2, updatedItems: 0 });
      let row = (await getSource(db.kysely, source.id))!;
      assert.equal(row.title, 'Mairie');
      assert.equal(row.last_status, 'ok');
      assert.equal(row.items_seen, 2);
      assert.equal(row.etag, feeds.get('/a')!.etag);
      // Two items two hours apart: checked again in two hours.
      assert.equal(row.next_check_at, '2026-11-29T14:00:00.000Z');
      assert.deepEqual((await listSourceItems(db.kysely, source.id)).map((i) => [i.guid, i.title]), [['a2', 'Article a2'], ['a1', 'Article a1']]);

      const requestsBefore = server.requests.length;
      assert.deepEqual(await poll(source), { status: 'not-modified', newItems: 0, updatedItems: 0 });
      assert.equal(server.requests[requestsBefore]!.headers['if-none-match'], feeds.get('/a')!.etag);
      row = (await getSource(db.kysely, source.id))!;
      assert.equal(row.last_status, 'not-modified');
      assert.equal(row.next_check_at, '2026-11-29T14:00:00.000Z', 'a 304 keeps the stored items’ rhythm');

      serveFeed('/a', 'Mairie', [entry('a1', { title: 'Article a1 corrigé', description: 'Texte corrigé.' }), entry('a2', { published: '2026-11-28T12:00:00Z' })]);
      assert.deepEqual(await poll(source), { status: 'ok', newItems: 0, updatedItems: 1 });
      const items = await listSourceItems(db.kysely, source.id);
      assert.equal(items.length, 2);
      assert.equal(items.find((i) => i.guid === 'a1')!.title, 'Article a1 corrigé');
      assert.equal(items.find((i) => i.guid === 'a1')!.plain_text, 'Texte corrigé.');
      row = (await getSource(db.kysely, source.id))!;
      assert.equal(row.items_seen, 2);
    });

    test('groups one story told by two sources: by canonical link, and by near-identical text', async () => {
      const b = (await addSource(db.kysely, { url: serveFeed('/b', 'Journal', [
        entry('b1', { link: 'https://ville-exemple.fr/mediatheque?utm_source=rss', description: 'Brève.' }),
        entry('b2', { link: 'https://journal.fr/tilleuls', description: STORY }),
      ]), kind: 'feed' }, clock))!;
      const c = (await addSource(db.kysely, { url: serveFeed('/c', 'Blog', [
        entry('c1', { link: 'https://ville-exemple.fr/mediatheque#haut', description: 'Autre brève.' }),
        entry('c2', { link: 'https://blog.fr/budget', description: STORY.replace('mardi', 'mercredi') }),
        entry('c3', { link: 'https://blog.fr/autre', description: 'Rien à voir : la fête des voisins aura lieu en juin sur la place du marché avec un concert et un repas partagé pour tous.' }),
      ]), kind: 'feed' }, clock))!;
      await poll(b);
      await poll(c);
      const byGuid = new Map([...await listSourceItems(db.kysely, b.id), ...await listSourceItems(db.kysely, c.id)].map((i) => [i.guid, i]));
      assert.equal(byGuid.get('b1')!.group_id, byGuid.get('c1')!.group_id);
      assert.equal(byGuid.get('b2')!.group_id, byGuid.get('c2')!.group_id);
      assert.notEqual(byGuid.get('b1')!.group_id, byGuid.get('b2')!.group_id);
      assert.notEqual(byGuid.get('c3')!.group_id, byGuid.get('b2')!.group_id);
      assert.equal(await groupSize(db.kysely, byGuid.get('b1')!.group_id!), 2);
      assert.equal(await groupSize(db.kysely, byGuid.get('b2')!.group_id!), 2);
      assert.equal(await groupSize(db.kysely, byGuid.get('c3')!.group_id!), 1);
    });

    test('never groups title-only entries of different sources by their empty text', async () => {
      const d = (await addSource(db.kysely, { url: serveFeed('/titres', 'Titres seuls', [
        entry('t1', { link: 'https://titres.fr/un', description: '' }),
        entry('t2', { link: 'https://titres.fr/deux', description: '' }),
      ]), kind: 'feed' }, clock))!;
      await poll(d);
      const groups = (await listSourceItems(db.kysely, d.id)).map((i) => i.group_id);
      assert.equal(groups.length, 2);
      assert.notEqual(groups[0], groups[1]);
    });

    test('ten sources polled at once that tell the same five stories make five groups of ten', async () => {
      const sources = await Promise.all(Array.from({ length: 10 }, (_, n) => addSource(db.kysely, { url: server.url(`/story?n=${n}`), kind: 'feed' }, clock)));
      const outcomes = await Promise.all(sources.map((source) => poll(source!)));
      assert.deepEqual(outcomes.map((o) => o.newItems), Array(10).fill(5));
      const groups = new Set<number>();
      for (const source of sources) for (const item of await listSourceItems(db.kysely, source!.id)) groups.add(item.group_id!);
      assert.equal(groups.size, 5);
      for (const group of groups) assert.equal(await groupSize(db.kysely, group), 10);
    });

    test('records a failing source’s French error, backs off, and pauses it after ten errors in a row', async () => {
      const source = (await addSource(db.kysely, { url: server.url('/broken'), kind: 'feed' }, clock))!;
      const outcome = await poll(source);
      assert.equal(outcome.status, 'error');
      let row = (await getSource(db.kysely, source.id))!;
      assert.equal(row.last_error, 'Le serveur rencontre un problème (erreur 500).');
      assert.match(row.last_error_detail!, /HTTP 500/);
      assert.equal(row.error_count, 1);
      assert.equal(row.next_check_at, '2026-11-29T12:05:00.000Z');
      await poll(source);
      assert.equal((await getSource(db.kysely, source.id))!.next_check_at, '2026-11-29T12:10:00.000Z');
      await poll(source);
      assert.equal((await getSource(db.kysely, source.id))!.next_check_at, '2026-11-29T12:20:00.000Z');
      for (let i = 3; i < 9; i++) await poll(source);
      row = (await getSource(db.kysely, source.id))!;
      assert.equal(row.error_count, 9);
      assert.equal(row.status, 'active');
      await poll(source);
      row = (await getSource(db.kysely, source.id))!;
      assert.equal(row.error_count, 10);
      assert.equal(row.status, 'paused');
    });

    test('records in French that a document is not a feed, with the parser’s account as detail', async () => {
      const source = (await addSource(db.kysely, { url: server.url('/page'), kind: 'feed' }, clock))!;
      assert.equal((await poll(source)).status, 'error');
      const row = (await getSource(db.kysely, source.id))!;
      assert.equal(row.last_error, 'Ce document n’est pas un flux RSS, Atom ou JSON Feed lisible.');
      assert.ok(row.last_error_detail);
      assert.equal(row.error_count, 1);
    });

    test('moves a source to the address a permanent redirect gives', async () => {
      serveFeed('/new', 'Déménagé', [entry('n1')]);
      const source = (await addSource(db.kysely, { url: server.url('/old'), kind: 'feed' }, clock))!;
      assert.equal((await poll(source)).newItems, 1);
      assert.equal((await getSource(db.kysely, source.id))!.url, server.url('/new'));
    });

    test('waits at least the feed’s RSS ttl before checking it again', async () => {
      const source = (await addSource(db.kysely, { url: serveFeed('/e', 'Lent', [entry('e1'), entry('e2', { published: '2026-11-28T11:00:00Z' })], 360), kind: 'feed' }, clock))!;
      await poll(source);
      assert.equal((await getSource(db.kysely, source.id))!.next_check_at, '2026-11-29T18:00:00.000Z');
    });

    test('stores every other item when one cannot be stored, and text with NUL characters on both dialects', async () => {
      // A real database behind a plugin that refuses one item: a hand-written fault, not a mock.
      const refuseOne: KyselyPlugin = {
        transformQuery({ node }) {
          if (node.kind === 'InsertQueryNode' && JSON.stringify(node).includes('Article poison')) throw new Error('refusé pour le test');
          return node;
        },
        transformResult: async ({ result }) => result,
      };
      const url = serveFeed('/d', 'Lot', [entry('p1'), entry('p2', { title: 'Article poison' }), entry('p3')]);
      const source = (await addSource(db.kysely, { url, kind: 'feed' }, clock))!;
      const outcome = await poll(source, { db: { ...db, kysely: db.kysely.withPlugin(refuseOne) } });
      assert.deepEqual(outcome, { status: 'ok', newItems: 2, updatedItems: 0 });
      assert.deepEqual((await listSourceItems(db.kysely, source.id)).map((i) => i.guid).sort(), ['p1', 'p3']);

      const json = (await addSource(db.kysely, { url: server.url('/json'), kind: 'feed' }, clock))!;
      assert.equal((await poll(json)).newItems, 1);
      assert.equal((await getSource(db.kysely, json.id))!.title, 'JS\uFFFDON');
      const [item] = await listSourceItems(db.kysely, json.id);
      assert.deepEqual([item!.guid, item!.title, item!.plain_text], ['j\uFFFD1', 'Nul\uFFFD', 'Texte\uFFFD.']);
    });
  });
}
