import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { seedItem, seedMatch, seedSource, seedWatch } from '../alerts/testdata/seed-veille.js';
import { loadDashboard } from './load-dashboard.js';
import { parisDays, parisMidnight } from './paris-clock.js';
import { parisDaySql } from './paris-day-sql.js';
import { countMatchedItemsByKind, countMatchesByState, countMatchesPerDay, listTopSources } from './store.js';

// 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
const EDGES: readonly [string, string][] = [
  ['2026-01-15T22:59:59.000Z', '2026-01-15'], ['2026-01-15T23:00:00.000Z', '2026-01-16'],
  ['2026-03-29T00:59:59.000Z', '2026-03-29'], ['2026-03-28T22:59:59.000Z', '2026-03-28'], ['2026-03-28T23:00:00.000Z', '2026-03-29'],
  ['2026-07-01T21:59:59.999Z', '2026-07-01'], ['2026-07-01T22:00:00.000Z', '2026-07-02'],
  ['2026-10-24T21:59:59.000Z', '2026-10-24'], ['2026-10-24T22:00:00.000Z', '2026-10-25'], ['2026-10-25T22:59:00.000Z', '2026-10-25'],
  ['2026-10-25T23:00:00.000Z', '2026-10-26'], ['2026-12-31T23:30:00.000Z', '2027-01-01'], ['2027-03-28T01:00:00.000Z', '2027-03-28'],
];

const NOW = new Date('2026-11-29T12:00:00.000Z');
const daysAgo = (n: number, hour = 10) => new Date(Date.UTC(2026, 10, 29 - n, hour)).toISOString();

for (const dialect of DIALECTS) {
  describe(`dashboard aggregates on ${dialect}`, () => {
    let database: TestDatabase;
    let db: Db;
    let budget: number;
    let festival: number;
    let feed: number;
    let mastodon: number;
    before(async () => {
      database = await createTestDatabase(dialect);
      db = openDatabase(database.target);
      await migrateToLatest(db);
      feed = await seedSource(db.kysely, { title: 'Le Progrès' });
      mastodon = await seedSource(db.kysely, { kind: 'mastodon', title: 'Compte de la préfecture' });
      const other = await seedSource(db.kysely, { title: 'Blog voisin' });
      budget = await seedWatch(db.kysely, { name: 'Budget' });
      festival = await seedWatch(db.kysely, { name: 'Festival' });
      // Budget: 3 items today (feed), 1 two days ago (mastodon), 1 at 23:30 Paris yesterday (22:30 UTC), 1 forty days ago.
      for (const state of ['new', 'handled', 'ignored'] as const) await seedMatch(db.kysely, budget, await seedItem(db.kysely, { sourceId: feed, createdAt: daysAgo(0) }), { state });
      const shared = await seedItem(db.kysely, { sourceId: mastodon, createdAt: daysAgo(2) });
      await seedMatch(db.kysely, budget, shared, { state: 'to_handle' });
      await seedMatch(db.kysely, festival, shared, { state: 'handled' });
      await seedMatch(db.kysely, budget, await seedItem(db.kysely, { sourceId: other, createdAt: daysAgo(1, 22) }));
      await seedMatch(db.kysely, budget, await seedItem(db.kysely, { sourceId: other, createdAt: daysAgo(40) }));
      await seedItem(db.kysely, { sourceId: other, createdAt: daysAgo(0) }); // matched by no watch
    });
    after(async () => {
      await db?.close();
      await database?.drop();
    });

    test('the Paris day of a UTC instant, across both changes of time and the new year', async () => {
      const values = EDGES.map(([iso]) => sql`select ${iso} as at`);
      const union = sql.join(values, sql` union all `);
      const result = await sql<{ at: string; day: string }>`select at, ${parisDaySql(db.dialect, 't.at')} as day from (${union}) as t`.execute(db.kysely);
      assert.deepEqual(result.rows.map((r) => [r.at, r.day]), EDGES.map(([iso, day]) => [iso, day]));
    });

    test('items per day per watch, on Paris days, only inside the period', async () => {
      const days = parisDays(NOW, 30);
      const rows = await countMatchesPerDay(db.kysely, db.dialect, { since: parisMidnight(days[0]!), firstDay: days[0]! });
      assert.deepEqual(rows.map((r) => [r.watchName, r.day, r.items]), [
        ['Budget', '2026-11-27', 1], ['Budget', '2026-11-28', 1], ['Budget', '2026-11-29', 3], ['Festival', '2026-11-27', 1],
      ]);
      const late = await countMatchesPerDay(db.kysely, db.dialect, { since: parisMidnight('2026-11-28'), firstDay: '2026-11-28' });
      assert.deepEqual(late.map((r) => [r.watchId, r.day]), [[budget, '2026-11-28'], [budget, '2026-11-29']], '22:00 UTC on the 28th is the 28th in Paris (23:00)');
      assert.ok(!late.some((r) => r.watchId === festival), 'the 27th is before the period');
    });

    test('share by source kind and top sources count each matched item once, whatever the number of watches', async () => {
      const period = { since: parisMidnight('2026-10-31'), firstDay: '2026-10-31' };
      assert.deepEqual(await countMatchedItemsByKind(db.kysely, period), [{ kind: 'feed', items: 4 }, { kind: 'mastodon', items: 1 }]);
      const top = await listTopSources(db.kysely, period, 2);
      // The blog's one item in the period ties with the Mastodon account: the older source comes first.
      assert.deepEqual(top.map((s) => [s.sourceId, s.title, s.items]), [[feed, 'Le Progrès', 3], [mastodon, 'Compte de la préfecture', 1]]);
    });

    test('handled and not handled per watch; a 90-day dashboard reaches the older item', async () => {
      const period = { since: parisMidnight('2026-10-31'), firstDay: '2026-10-31' };
      const triage = await countMatchesByState(db.kysely, period);
      assert.deepEqual(triage.map((t) => [t.watchName, t.counts]), [
        ['Budget', { new: 2, to_handle: 1, handled: 1, ignored: 1 }], ['Festival', { new: 0, to_handle: 0, handled: 1, ignored: 0 }],
      ]);
      const month = await loadDashboard(db, NOW, 30);
      const quarter = await loadDashboard(db, NOW, 90);
      assert.equal(quarter.dayList.length, 90);
      const total = (d: typeof month) => d.perDay.flatMap((s) => s.values).reduce((a, b) => a + b, 0);
      assert.equal(total(month), 6);
      assert.equal(total(quarter), 7);
      assert.deepEqual(month.perDay.map((s) => s.name), ['Budget', 'Festival']);
      assert.deepEqual(month.triage[0], { name: 'Budget', handled: 1, ignored: 1, open: 3 });
    });
  });
}
