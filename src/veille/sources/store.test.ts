import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.js';
import { DIALECTS } from '../../test-support/databases.js';
import { useTwoConnections } from '../../test-support/use-two-connections.js';
import { addSource, claimDueSources, countSourcesByState, enableSource, getSource, listSourcesPage, pauseSource, recordSourcePoll } from './store.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const LEASE = new Date('2026-11-29T12:10:00Z');

for (const dialect of DIALECTS) {
  describe(`source store on ${dialect}`, () => {
    const connections = useTwoConnections(dialect);

    test('two claimers on separate connections never claim the same due source', async () => {
      const { first, second } = connections;
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
      const { first } = connections;
      const source = (await addSource(first.kysely, { url: 'https://pause.fr/feed', kind: 'feed' }, NOW))!;
      await recordSourcePoll(first.kysely, source.id, { status: 'paused', error_count: 10, next_check_at: NOW.toISOString() });
      assert.ok(!(await claimDueSources(first, NOW, LEASE, 500)).some((s) => s.id === source.id));
      await enableSource(first.kysely, source.id, NOW);
      assert.deepEqual((await claimDueSources(first, NOW, LEASE, 500)).map((s) => s.id), [source.id]);
      assert.equal((await getSource(first.kysely, source.id))!.error_count, 0);
    });
    test('counts sources by state and lists one state a page at a time, in the order they were added', async () => {
      const { first } = connections;
      const ids: number[] = [];
      for (let n = 0; n < 7; n++) ids.push((await addSource(first.kysely, { url: `https://etats.exemple.fr/${n}`, kind: n === 6 ? 'reddit' : 'feed' }, NOW))!.id);
      for (const id of ids.slice(0, 3)) await recordSourcePoll(first.kysely, id, { last_status: 'error', error_count: 1 });
      await recordSourcePoll(first.kysely, ids[3]!, { last_status: 'ok' });
      await pauseSource(first.kysely, ids[4]!);
      // Paused wins over a failed last poll.
      await recordSourcePoll(first.kysely, ids[4]!, { last_status: 'error' });
      const before = await countSourcesByState(first.kysely);
      const page = async (state: 'active' | 'error' | 'paused' | undefined, limit: number, offset: number) =>
        (await listSourcesPage(first.kysely, { state, limit, offset })).map((s) => s.id).filter((id) => ids.includes(id));
      assert.deepEqual(await page('error', 2, 0), ids.slice(0, 2));
      assert.deepEqual(await page('paused', 50, 0), [ids[4]]);
      assert.deepEqual(await page('active', 1000, 0), [ids[3], ids[5], ids[6]]);
      const errorIds = (await listSourcesPage(first.kysely, { state: 'error', limit: 50, offset: 0 })).map((s) => s.id);
      assert.equal(errorIds.length, before.error);
      assert.ok(before.active >= 3 && before.paused >= 1 && before.error >= 3);
      const all = await listSourcesPage(first.kysely, { limit: 1000, offset: 0 });
      assert.equal(all.length, before.active + before.error + before.paused);
    });
  });
}
