import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { DIALECTS, createTestDatabase } from '../../test-support/databases.js';
import { bodyHash } from '../../forum/body-hash.js';
import { openDatabase } from '../open-database.js';
import { initialMigration } from './001-initial.js';
import { forumMigration } from './002-forum.js';
import { forumNotificationsMigration } from './003-forum-notifications.js';
import { visitorAccountsMigration } from './004-visitor-accounts.js';
import { forumBodyHashMigration } from './005-forum-body-hash.js';

for (const dialect of DIALECTS) {
  describe(`migration 005 on ${dialect}`, () => {
    test('hashes the text of every message already stored, beyond one batch', async () => {
      const testDb = await createTestDatabase(dialect);
      const db = openDatabase(testDb.target);
      const kysely = db.kysely as unknown as Kysely<any>;
      try {
        for (const migration of [initialMigration(dialect), forumMigration(dialect), forumNotificationsMigration(), visitorAccountsMigration()]) await migration.up(kysely);
        const at = '2026-01-01T00:00:00.000Z';
        const article = await kysely.insertInto('articles').values({ slug: 'a', title: 'A', status: 'published', created_at: at, updated_at: at })
          .returning('id').executeTakeFirstOrThrow();
        const bodies = Array.from({ length: 1203 }, (_, i) => `Message n° ${i} — été ${'é'.repeat(i % 7)}`);
        for (let i = 0; i < bodies.length; i += 300) {
          await kysely.insertInto('forum_contributions').values(bodies.slice(i, i + 300).map((body) => ({
            article_id: article.id, author_name: 'X', body, status: 'published', created_at: at,
          }))).execute();
        }
        await forumBodyHashMigration().up(kysely);
        const rows: { body: string; body_hash: string | null }[] = await kysely.selectFrom('forum_contributions').select(['body', 'body_hash']).execute();
        assert.equal(rows.length, bodies.length);
        for (const row of rows) assert.equal(row.body_hash, bodyHash(row.body));
      } finally {
        await db.close();
        await testDb.drop();
      }
    });
  });
}
