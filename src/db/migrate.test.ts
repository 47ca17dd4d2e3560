import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, createTestDatabase } from '../test-support/databases.js';
import { openDatabase } from './open-database.js';
import { migrateToLatest } from './migrate.js';
import { runRelaisCli } from '../test-support/run-cli.js';

for (const dialect of DIALECTS) {
  describe(`migrations on ${dialect}`, () => {
    test('creates every table once and applies nothing on a second run', async () => {
      const testDb = await createTestDatabase(dialect);
      const db = openDatabase(testDb.target);
      try {
        const first = await migrateToLatest(db);
        assert.deepEqual(first, ['001-initial', '002-forum', '003-forum-notifications', '004-visitor-accounts', '005-forum-body-hash', '006-veille-sources', '007-veille-source-config', '008-media', '009-veille-watches', '010-veille-alerts', '011-relay', '012-spip-import']);
        assert.deepEqual(await migrateToLatest(db), []);
        const row = await db.kysely.selectFrom('site_state').select('version').executeTakeFirstOrThrow();
        assert.equal(Number(row.version), 1);
      } finally {
        await db.close();
        await testDb.drop();
      }
    });
  });
}

test('several processes starting at once on an empty PostgreSQL database all succeed', async () => {
  const testDb = await createTestDatabase('postgres');
  try {
    const runs = await Promise.all([1, 2, 3].map(() => runRelaisCli(['migrate'], testDb.env)));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
  } finally {
    await testDb.drop();
  }
});
