import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { openDatabase } from '../../db/open-database.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { purgeItemsStoredBefore } from '../items/store.js';
import { addTestSource, storeTestItem } from '../watches/testdata/store-test-item.js';
import { searchArchive } from './search-archive.js';
import { searchTerms } from './search-terms.js';

test('search terms: phrases kept whole, elisions and function words dropped, prefixes, accents folded', () => {
  assert.deepEqual(searchTerms('Le festival "fête de la musique" d’Évry programm*'), [
    { kind: 'words', words: ['festival'] }, { kind: 'words', words: ['fete', 'de', 'la', 'musique'] },
    { kind: 'words', words: ['evry'] }, { kind: 'prefix', prefix: 'programm' },
  ]);
  assert.deepEqual(searchTerms('la une'), [{ kind: 'words', words: ['la'] }, { kind: 'words', words: ['une'] }]);
  assert.deepEqual(searchTerms('festival d’été'), [{ kind: 'words', words: ['festival'] }, { kind: 'words', words: ['ete'] }]);
  assert.deepEqual(searchTerms('  " "  '), []);
});

for (const dialect of DIALECTS) {
  describe(`full-text search on ${dialect}`, () => {
    let database: TestDatabase;
    let db: Db;
    const titles = async (text: string, page = 1, size?: number) => (await searchArchive(db, text, page, size)).hits.map((h) => h.title);
    before(async () => {
      database = await createTestDatabase(dialect);
      db = openDatabase(database.target);
      await migrateToLatest(db);
      const source = await addTestSource(db, 'https://journal.exemple.fr/flux');
      await storeTestItem(db, source, { guid: '1', title: 'L’école Jules-Ferry rénovée', text: 'Les travaux de l’école sont finis.', at: '2026-11-01T10:00:00Z' });
      await storeTestItem(db, source, { guid: '2', title: 'Festival de musique', text: 'La programmation du festival d’été est publiée.', at: '2026-11-02T10:00:00Z' });
      await storeTestItem(db, source, { guid: '3', title: 'Conseil municipal', text: 'Le budget primitif est voté ; la fête de la musique aura lieu.', at: '2026-11-03T10:00:00Z' });
      await storeTestItem(db, source, { guid: '4', title: 'Fête de la musique', text: 'Concerts place de l’Église.', at: '2026-11-04T10:00:00Z' });
    });
    after(async () => {
      await db?.close();
      await database?.drop();
    });

    test('finds words without regard to accents, case or elisions, newest first', async () => {
      assert.deepEqual(await titles('ECOLE'), ['L’école Jules-Ferry rénovée']);
      assert.deepEqual(await titles('l’école'), ['L’école Jules-Ferry rénovée']);
      assert.deepEqual(await titles('eglise'), ['Fête de la musique']);
      assert.deepEqual(await titles('musique'), ['Fête de la musique', 'Conseil municipal', 'Festival de musique']);
    });

    test('requires every word, keeps phrases whole and reads prefixes', async () => {
      assert.deepEqual(await titles('musique budget'), ['Conseil municipal']);
      assert.deepEqual(await titles('"fete de la musique"'), ['Fête de la musique', 'Conseil municipal']);
      assert.deepEqual(await titles('programm*'), ['Festival de musique']);
      assert.deepEqual(await titles('festival d’été'), ['Festival de musique']);
      assert.deepEqual(await titles('festival piscine'), []);
      assert.equal((await searchArchive(db, '   ', 1)).searched, false);
    });

    test('pages through results and reads operators typed as plain words', async () => {
      const first = await searchArchive(db, 'musique', 1, 2);
      assert.deepEqual([first.hits.length, first.hasNext], [2, true]);
      assert.deepEqual(await titles('musique', 2, 2), ['Festival de musique']);
      assert.deepEqual(await titles('musique AND OR NEAR('), []);
    });

    test('follows changes to the archive: purged items are no longer found', async () => {
      await purgeItemsStoredBefore(db.kysely, new Date('2026-11-02T00:00:00Z'));
      assert.deepEqual(await titles('ecole'), []);
    });
  });
}
