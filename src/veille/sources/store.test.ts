import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { addSource, claimDueSources, enableSource, getSource, recordSourcePoll } from './store.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const LEASE = new Date('2026-11-29T12:10:00Z');

for (const dialect of DIALECTS) {
  describe(`source store on ${dialect}`, () => {
    let database: TestDatabase;
    let first: Db;
    let second: Db;
    before(async () => {
      database = await createTestDatabase(dialect);
      first = openDatabase(database.target);
      second = openDatabase(database.target);
      await migrateToLatest(first);
    });
    after(async () => {
      await first?.close();
      await second?.close();
      await database?.drop();
    });

    test('two claimers on separate connections never claim the same due source', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 120; i++) ids.push((await addSource(first.kysely, { url: `https://site-${i}.fr/feed`, kind: 'feed' }, NOW))!.id);
      const claimedBy = (db: Db) => async (): Promise<number[]> => {
        const mine: number[] = [];
        for (;;) {
          const batch = await claimDueSources(db, NOW, LEASE, 3);
          if (batch.length === 0) return mine;
          mine.push(...batch.map((s) => s.id));
        }
      };
      const [a, b, c, d] = await Promise.all([claimedBy(first)(), claimedBy(second)(), claimedBy(first)(), claimedBy(second)()]);
      const all = [...a!, ...b!, ...c!, ...d!];
      assert.equal(new Set(all).size, all.length, 'a source was claimed twice');
      assert.deepEqual([...all].sort((x, y) => x - y), ids);
      assert.ok(a!.length > 0 && b!.length > 0, 'both connections took part');
      // Held: nothing is due until the poll is recorded or the lease runs out.
      assert.deepEqual(await claimDueSources(first, NOW, LEASE, 10), []);
      assert.equal((await claimDueSources(first, new Date('2026-11-29T12:10:01Z'), new Date('2026-11-29T12:20:00Z'), 500)).length, 120);
    });

    test('a paused source is not claimed until re-enabled', async () => {
      const source = (await addSource(first.kysely, { url: 'https://pause.fr/feed', kind: 'feed' }, NOW))!;
      await recordSourcePoll(first.kysely, source.id, { status: 'paused', error_count: 10, next_check_at: NOW.toISOString() });
      assert.ok(!(await claimDueSources(first, NOW, LEASE, 500)).some((s) => s.id === source.id));
      await enableSource(first.kysely, source.id, NOW);
      assert.deepEqual((await claimDueSources(first, NOW, LEASE, 500)).map((s) => s.id), [source.id]);
      assert.equal((await getSource(first.kysely, source.id))!.error_count, 0);
    });
  });
}
