import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { listInbox } from '../inbox/store.js';
import { createMatchNotifier, type RecordedMatch } from './match-notifier.js';
import { backfillWatch } from './backfill-watch.js';
import { WatchInputError } from './schema.js';
import { createWatchService, type WatchService } from './service.js';
import { listWatches } from './store.js';
import { addTestSource, storeTestItem } from './testdata/store-test-item.js';

for (const dialect of DIALECTS) {
  describe(`watches on ${dialect}`, () => {
    let database: TestDatabase;
    let db: Db;
    let published: RecordedMatch[];
    let service: WatchService;
    let clock = new Date('2026-11-20T12:00:00Z');
    const now = () => clock;
    before(async () => {
      database = await createTestDatabase(dialect);
      db = openDatabase(database.target);
      await migrateToLatest(db);
      published = [];
      const notifier = createMatchNotifier();
      notifier.subscribe((matches) => { published.push(...matches); });
      service = createWatchService({ db, now, notifier });
    });
    after(async () => {
      await db?.close();
      await database?.drop();
    });
    const inboxOf = async (watchId: number) => (await listInbox(db.kysely, { watchId }, 100)).map((e) => [e.title, e.backfilled] as const);

    test('refuses a query with a syntax error, naming its position in French, and saves nothing', async () => {
      await assert.rejects(service.create({ name: 'Cassée', query: '(festival' }, null), (error: unknown) => {
        assert.ok(error instanceof WatchInputError);
        assert.equal(error.queryPosition, 9);
        assert.match(error.fields.query!, /caractère 10/);
        return true;
      });
      await assert.rejects(service.create({ name: ' ', query: 'festival' }, null), (error: unknown) => error instanceof WatchInputError && error.fields.name !== undefined);
      assert.equal((await listWatches(db.kysely)).length, 0);
    });

    test('back-fills a new watch over the archive, marked back-filled and never published', async () => {
      const source = await addTestSource(db, 'https://journal.exemple.fr/flux');
      await storeTestItem(db, source, { guid: 'a1', title: 'Le festival d’été revient', text: 'Programmation du festival.' });
      await storeTestItem(db, source, { guid: 'a2', title: 'Conseil municipal', text: 'Le budget est voté.' });
      const { watch, backfilled } = await service.create({ name: 'Festival', query: 'festival' }, null);
      assert.equal(backfilled, 1);
      assert.deepEqual(await inboxOf(watch.id), [['Le festival d’été revient', true]]);
      assert.deepEqual(published, []);
    });

    test('a back-fill answers after the newest items and goes through the rest in the background, stopping if the watch changes', async () => {
      const source = await addTestSource(db, 'https://archives.exemple.fr/flux');
      for (const n of [1, 2, 3, 4]) await storeTestItem(db, source, { guid: `r${n}`, title: `Randonnée ${n}`, text: 'Sentier balisé.' });
      const { watch } = await service.create({ name: 'Randonnée', query: 'sentier' }, null, { waitForItems: 100 });
      const partial = await backfillWatch({ db, now }, watch, { pageSize: 1, waitForItems: 2 });
      assert.equal(partial.complete, false);
      assert.equal(await partial.rest, 0, 'the pairs the first back-fill recorded are not counted twice');
      await db.kysely.deleteFrom('veille_matches').where('watch_id', '=', watch.id).execute();
      const again = await backfillWatch({ db, now }, watch, { pageSize: 1, waitForItems: 2 });
      assert.deepEqual([again.recorded, again.complete], [2, false]);
      assert.equal(await again.rest, 2);
      assert.equal((await inboxOf(watch.id)).length, 4);

      await db.kysely.deleteFrom('veille_matches').where('watch_id', '=', watch.id).execute();
      clock = new Date(clock.getTime() + 1000);
      await service.update(watch.id, { name: 'Randonnées', query: 'sentier' });
      await db.kysely.deleteFrom('veille_matches').where('watch_id', '=', watch.id).execute();
      const stale = await backfillWatch({ db, now }, watch, { pageSize: 1, waitForItems: 1 });
      assert.equal(stale.recorded, 1);
      assert.equal(await stale.rest, 0, 'the background part of a watch changed since stops at once');
    });

    test('matches new items on arrival within each watch’s sources, and publishes them once', async () => {
      const journal = await addTestSource(db, 'https://autre-journal.exemple.fr/flux');
      const blog = await addTestSource(db, 'https://blog.exemple.fr/flux');
      const { watch: scoped } = await service.create({ name: 'Budget du journal', query: 'budget', scope: { all: false, sourceIds: [journal], sourceKinds: [] } }, null);
      const { watch: everywhere } = await service.create({ name: 'Budget partout', query: 'budget ET voté', scope: { all: true } }, null);
      published.length = 0;
      const inJournal = await storeTestItem(db, journal, { guid: 'b1', title: 'Le budget primitif', text: 'Le budget a été voté hier.' });
      const inBlog = await storeTestItem(db, blog, { guid: 'b2', title: 'Budget participatif', text: 'Le budget est voté.' });
      const unrelated = await storeTestItem(db, blog, { guid: 'b3', title: 'Travaux rue Haute', text: 'La rue sera fermée.' });
      await service.matchNewItems([inJournal, inBlog, unrelated]);
      assert.deepEqual(published.map((m) => [m.watchId, m.itemId]).sort(), [[scoped.id, inJournal], [everywhere.id, inJournal], [everywhere.id, inBlog]].sort());
      assert.ok(published.every((m) => m.groupId !== null));
      await service.matchNewItems([inJournal]);
      assert.equal(published.length, 3, 'a match already recorded is not published again');
      assert.deepEqual((await inboxOf(scoped.id)).map(([title]) => title), ['Le budget primitif']);
      assert.ok((await inboxOf(everywhere.id)).some(([, backfilled]) => !backfilled));
    });

    test('a watch changed or removed elsewhere takes effect here without restarting', async () => {
      const other = createWatchService({ db, now, notifier: createMatchNotifier() });
      const source = await addTestSource(db, 'https://mairie.exemple.fr/flux');
      const { watch } = await other.create({ name: 'Piscine', query: 'piscine' }, null);
      const first = await storeTestItem(db, source, { guid: 'c1', title: 'La piscine rouvre', text: 'Horaires d’été.' });
      await service.matchNewItems([first]);
      assert.deepEqual((await inboxOf(watch.id)).map(([title]) => title), ['La piscine rouvre']);

      clock = new Date(clock.getTime() + 1000);
      const changed = await other.update(watch.id, { name: 'Médiathèque', query: 'médiathèque' });
      assert.equal(changed.backfilled, 0);
      assert.deepEqual(await inboxOf(watch.id), [], 'the untouched match of the old query is gone');
      const second = await storeTestItem(db, source, { guid: 'c2', title: 'La médiathèque et la piscine', text: 'Nouveaux horaires.' });
      published.length = 0;
      await service.matchNewItems([second]);
      assert.deepEqual(published.filter((m) => m.watchId === watch.id).map((m) => m.itemId), [second]);

      await other.remove(watch.id);
      const third = await storeTestItem(db, source, { guid: 'c3', title: 'La médiathèque ferme', text: 'Travaux.' });
      published.length = 0;
      await service.matchNewItems([third]);
      assert.deepEqual(published.filter((m) => m.watchId === watch.id), []);
    });
  });
}
