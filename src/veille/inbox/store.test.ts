import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { insertUser } from '../../accounts/store.js';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { createMatchNotifier } from '../watches/match-notifier.js';
import { createWatchService, type WatchService } from '../watches/service.js';
import { addTestSource, storeTestItem } from '../watches/testdata/store-test-item.js';
import {
  addMatchNote, assignMatches, countInboxStates, countMatchesAfter, expandToStories, itemIdsOfMatches, latestMatchId, listInbox, listMatchNotes,
  setItemsKept, setMatchesState,
} from './store.js';

for (const dialect of DIALECTS) {
  describe(`inbox states and assignment on ${dialect}`, () => {
    let database: TestDatabase;
    let db: Db;
    let watches: WatchService;
    let userId: number;
    const now = () => new Date('2026-11-21T09:00:00Z');
    before(async () => {
      database = await createTestDatabase(dialect);
      db = openDatabase(database.target);
      await migrateToLatest(db);
      watches = createWatchService({ db, now, notifier: createMatchNotifier() });
      userId = (await insertUser(db.kysely, { email: 'veille@exemple.fr', name: 'Camille Veille', role: 'editor', passwordHash: 'x' }, now())).id;
      const source = await addTestSource(db, 'https://journal.exemple.fr/flux');
      for (const n of [1, 2, 3]) await storeTestItem(db, source, { guid: `m${n}`, title: `Marché de Noël ${n}`, text: 'Chalets et vin chaud.' });
    });
    after(async () => {
      await db?.close();
      await database?.drop();
    });

    test('moves matches between states, assigns them, counts each state and keeps triaged ones when the query changes', async () => {
      const { watch } = await watches.create({ name: 'Noël', query: 'marché' }, userId);
      const entries = await listInbox(db.kysely, { watchId: watch.id }, 10);
      assert.deepEqual(entries.map((e) => e.title), ['Marché de Noël 3', 'Marché de Noël 2', 'Marché de Noël 1']);
      const [third, second, first] = entries.map((e) => e.matchId) as [number, number, number];

      assert.equal(await setMatchesState(db.kysely, [third, second], 'to_handle', now()), 2);
      assert.equal(await setMatchesState(db.kysely, [third], 'handled', now()), 1);
      assert.equal(await setMatchesState(db.kysely, [third], 'handled', now()), 0, 'already in that state');
      assert.equal(await assignMatches(db.kysely, [second], userId), 1);
      assert.deepEqual(await countInboxStates(db.kysely, { watchId: watch.id }), { new: 1, to_handle: 1, handled: 1, ignored: 0 });
      assert.deepEqual((await listInbox(db.kysely, { watchId: watch.id, state: 'open' }, 10)).map((e) => e.matchId), [second, first]);
      const mine = await listInbox(db.kysely, { assigneeId: userId }, 10);
      assert.deepEqual(mine.map((e) => [e.matchId, e.assigneeName]), [[second, 'Camille Veille']]);

      await addMatchNote(db.kysely, { watchId: watch.id, itemId: entries[2]!.itemId, authorId: userId, body: 'À suivre.' }, now());
      assert.deepEqual((await listMatchNotes(db.kysely, watch.id, entries[2]!.itemId)).map((n) => [n.authorName, n.body]), [['Camille Veille', 'À suivre.']]);
      await setItemsKept(db.kysely, await itemIdsOfMatches(db.kysely, [first]), true);
      assert.equal((await listInbox(db.kysely, { matchId: first }, 1))[0]!.kept, true);

      // Every match is triaged, assigned or annotated: a new query keeps them all, even those it no longer finds.
      await watches.update(watch.id, { name: 'Noël', query: 'chalets ET piscine' });
      assert.deepEqual((await listInbox(db.kysely, { watchId: watch.id, state: 'all' }, 10)).map((e) => e.matchId).sort(), [first, second, third].sort());
      await assignMatches(db.kysely, [second], null);
      await setMatchesState(db.kysely, [second], 'new', now());
      await watches.update(watch.id, { name: 'Noël', query: 'chalets ET patinoire' });
      assert.deepEqual((await listInbox(db.kysely, { watchId: watch.id, state: 'all' }, 10)).map((e) => e.matchId).sort(), [first, third].sort());
    });

    test('shows one row per story and state, and an action on it reaches the story’s other tellings in that state', async () => {
      const journal = await addTestSource(db, 'https://autre.exemple.fr/flux');
      const hebdo = await addTestSource(db, 'https://hebdo.exemple.fr/flux');
      const first = await storeTestItem(db, journal, { guid: 'h1', title: 'Halle rénovée', text: 'La halle est rénovée.', link: 'https://exemple.fr/halle' });
      const second = await storeTestItem(db, hebdo, { guid: 'h2', title: 'Halle : fin des travaux', text: 'La halle rouvre.', link: 'https://exemple.fr/halle' });
      const { watch } = await watches.create({ name: 'Halle', query: 'halle' }, null);
      const rows = async () => (await listInbox(db.kysely, { watchId: watch.id, state: 'all', oneRowPerStory: true }, 10)).map((e) => [e.itemId, e.state]);
      assert.deepEqual(await rows(), [[second, 'new']]);
      assert.deepEqual(await countInboxStates(db.kysely, { watchId: watch.id, oneRowPerStory: true }), { new: 1, to_handle: 0, handled: 0, ignored: 0 });
      const [newest] = await listInbox(db.kysely, { watchId: watch.id }, 1);
      const story = await expandToStories(db.kysely, [newest!.matchId]);
      assert.equal(story.length, 2);
      await setMatchesState(db.kysely, [newest!.matchId], 'handled', now());
      assert.deepEqual(await rows(), [[second, 'handled'], [first, 'new']], 'in another state, the older telling has its own row');
      assert.deepEqual(await expandToStories(db.kysely, [newest!.matchId]), [newest!.matchId]);
    });

    test('counts the matches recorded after a given one, for the live inbox', async () => {
      const before = await latestMatchId(db.kysely);
      assert.deepEqual(await countMatchesAfter(db.kysely, { afterMatchId: before }), { count: 0, lastMatchId: 0 });
      const { watch } = await watches.create({ name: 'Vin chaud', query: '"vin chaud"' }, null);
      const after = await countMatchesAfter(db.kysely, { afterMatchId: before, watchId: watch.id });
      assert.equal(after.count, 3);
      assert.equal(after.lastMatchId, await latestMatchId(db.kysely));
    });
  });
}
