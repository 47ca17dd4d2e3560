import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.js';
import { DIALECTS } from '../../test-support/databases.js';
import { useTwoConnections } from '../../test-support/use-two-connections.js';
import { claimDigestDay, releaseDigestDay } from './digest-store.js';
import { claimAlertEmail, claimAlertWebhook, countMatchesInAlerts, recordWebhookOutcome } from './store.js';
import { seedGroup, seedItem, seedSource, seedWatch } from './testdata/seed-veille.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');

for (const dialect of DIALECTS) {
  describe(`alert store on ${dialect}`, () => {
    const connections = useTwoConnections(dialect);
    const count = (db: Db, matches: { watchId: number; itemId: number }[]) =>
      db.kysely.transaction().execute((trx) => countMatchesInAlerts(trx, db.dialect, matches, NOW));

    test('30 sites telling one story, each counted twice by racing jobs: one alert, 30 sources, one first item', async () => {
      const { first, second } = connections;
      const watch = await seedWatch(first.kysely);
      const group = await seedGroup(first.kysely);
      const items: number[] = [];
      for (let i = 0; i < 30; i++) items.push(await seedItem(first.kysely, { sourceId: await seedSource(first.kysely), groupId: group }));
      // Each item counted twice (the same match in two jobs), by connections racing each other. On
      // SQLite the workers of one process share its one connection (Kysely queues transactions on
      // it); a second connection in the same process would block the thread in its busy wait.
      const [a, b] = dialect === 'sqlite' ? [first, first] : [first, second];
      const runs = await Promise.all(items.flatMap((itemId, i) => [
        count(i % 2 === 0 ? a : b, [{ watchId: watch, itemId }]), count(i % 2 === 0 ? b : a, [{ watchId: watch, itemId }]),
      ]));
      const alerts = await first.kysely.selectFrom('veille_alerts').selectAll().where('watch_id', '=', watch).execute();
      assert.equal(alerts.length, 1);
      assert.equal(alerts[0]!.sources_count, 30);
      const firsts = runs.flat().filter((c) => c.first);
      assert.ok(firsts.length >= 1 && new Set(firsts.map((c) => c.itemId)).size === 1, 'one item opened the alert');
      assert.equal(firsts[0]!.itemId, alerts[0]!.first_item_id);
      assert.equal((await first.kysely.selectFrom('veille_alert_items').select('item_id').where('watch_id', '=', watch).execute()).length, 30);
    });

    test('two items of one source count one source; another watch has its own alert; an item without group is skipped', async () => {
      const { first, second } = connections;
      const [a, b] = [await seedWatch(first.kysely), await seedWatch(first.kysely)];
      const source = await seedSource(first.kysely);
      const group = await seedGroup(first.kysely);
      const items = [await seedItem(first.kysely, { sourceId: source, groupId: group }), await seedItem(first.kysely, { sourceId: source, groupId: group })];
      const orphan = await seedItem(first.kysely, { sourceId: source });
      await first.kysely.updateTable('veille_items').set({ group_id: null }).where('id', '=', orphan).execute();
      const counted = await count(first, [...items.map((itemId) => ({ watchId: a, itemId })), { watchId: b, itemId: items[1]! }, { watchId: a, itemId: orphan }]);
      assert.deepEqual(counted.map((c) => [c.watchId, c.itemId, c.first]), [[a, items[0], true], [a, items[1], false], [b, items[1], true]]);
      const rows = await first.kysely.selectFrom('veille_alerts').select(['watch_id', 'sources_count']).where('watch_id', 'in', [a, b]).orderBy('watch_id').execute();
      assert.deepEqual(rows, [{ watch_id: a, sources_count: 1 }, { watch_id: b, sources_count: 1 }]);
      // Run again (a retried job): the first item still says it opened the alert, nothing is counted twice.
      const again = await count(second, [{ watchId: a, itemId: items[0]! }]);
      assert.deepEqual(again.map((c) => c.first), [true]);
    });

    test('an alert e-mail is claimed once among racing workers; a webhook hold is exclusive until delivered or expired', async () => {
      const { first, second } = connections;
      const watch = await seedWatch(first.kysely);
      const itemId = await seedItem(first.kysely, { sourceId: await seedSource(first.kysely) });
      const { alertId } = (await count(first, [{ watchId: watch, itemId }]))[0]!;
      const claims = await Promise.all(Array.from({ length: 8 }, (_x, i) => claimAlertEmail((i % 2 ? first : second).kysely, alertId, NOW)));
      assert.equal(claims.filter(Boolean).length, 1);
      const until = new Date(NOW.getTime() + 60_000);
      const holds = await Promise.all(Array.from({ length: 6 }, (_x, i) => claimAlertWebhook((i % 2 ? first : second).kysely, alertId, NOW, until)));
      assert.equal(holds.filter(Boolean).length, 1);
      assert.equal(await claimAlertWebhook(first.kysely, alertId, new Date(until.getTime() + 1), new Date(until.getTime() + 60_000)), true, 'an expired hold is taken over');
      await recordWebhookOutcome(first.kysely, alertId, NOW, 'Erreur 500');
      await recordWebhookOutcome(first.kysely, alertId, NOW);
      assert.equal(await claimAlertWebhook(second.kysely, alertId, new Date(until.getTime() + 120_000), until), false, 'delivered: never again');
      const row = await first.kysely.selectFrom('veille_alerts').select(['webhook_attempts', 'webhook_last_error', 'sent_webhook_at']).where('id', '=', alertId).executeTakeFirstOrThrow();
      assert.deepEqual(row, { webhook_attempts: 2, webhook_last_error: null, sent_webhook_at: NOW.toISOString() });
    });

    test('a digest day is claimed once; released, it can be claimed again; the next day covers from the previous one', async () => {
      const { first, second } = connections;
      const watch = await seedWatch(first.kysely, { digestHour: 8 });
      const claims = await Promise.all([first, second, first].map((db) => claimDigestDay(db.kysely, watch, '2026-11-29', NOW)));
      const won = claims.filter((c) => c !== undefined);
      assert.equal(won.length, 1);
      assert.equal(won[0]!.since.toISOString(), '2026-11-28T12:00:00.000Z');
      await releaseDigestDay(first.kysely, watch, won[0]!);
      assert.ok(await claimDigestDay(second.kysely, watch, '2026-11-29', NOW));
      assert.equal(await claimDigestDay(first.kysely, watch, '2026-11-29', NOW), undefined);
      const next = await claimDigestDay(first.kysely, watch, '2026-11-30', new Date('2026-11-30T07:00:00.000Z'));
      assert.equal(next?.since.toISOString(), NOW.toISOString());
    });
  });
}
