import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { writeSetting } from '../../site/settings-store.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { normalizeItem } from '../normalize/normalize-item.js';
import { addSource } from '../sources/store.js';
import { purgeOldItems, RETENTION_DAYS_SETTING } from './purge-old-items.js';
import { storeItem } from './store-item.js';
import { groupSize, listSourceItems, setItemKept } from './store.js';

for (const dialect of DIALECTS) {
  describe(`retention of watched items on ${dialect}`, () => {
    let database: TestDatabase;
    let db: Db;
    before(async () => {
      database = await createTestDatabase(dialect);
      db = openDatabase(database.target);
      await migrateToLatest(db);
    });
    after(async () => {
      await db?.close();
      await database?.drop();
    });

    test('purges items older than the retention age, except kept ones, and recounts their groups', async () => {
      const source = (await addSource(db.kysely, { url: 'https://ville.fr/feed', kind: 'feed' }, new Date('2026-01-01T00:00:00Z')))!;
      const store = (guid: string, at: string) => storeItem(db.kysely, db.dialect, source.id,
        normalizeItem({ id: guid, link: 'https://ville.fr/meme-histoire', title: guid }, { id: String(source.id) }, { now: new Date(at) }), new Date(at));
      await store('ancien', '2026-04-01T00:00:00Z');
      await store('garde', '2026-04-02T00:00:00Z');
      await store('recent', '2026-11-01T00:00:00Z');
      const kept = (await listSourceItems(db.kysely, source.id)).find((i) => i.guid === 'garde')!;
      await setItemKept(db.kysely, kept.id, true);
      assert.equal(await groupSize(db.kysely, kept.group_id!), 3);

      assert.equal(await purgeOldItems(db, new Date('2026-11-29T00:00:00Z')), 1);
      assert.deepEqual((await listSourceItems(db.kysely, source.id)).map((i) => i.guid).sort(), ['garde', 'recent']);
      assert.equal(await groupSize(db.kysely, kept.group_id!), 2);

      await writeSetting(db.kysely, RETENTION_DAYS_SETTING, '10');
      assert.equal(await purgeOldItems(db, new Date('2026-11-29T00:00:00Z')), 1);
      assert.deepEqual((await listSourceItems(db.kysely, source.id)).map((i) => i.guid), ['garde']);
    });
  });
}
