import type { Kysely, Migration } from 'kysely';
import { bodyHash } from '../../forum/body-hash.js';

const BATCH = 500;

/**
 * Each contribution's text hash, indexed with its date: the duplicate-text check no longer reads
 * every message of the last day (a PostgreSQL index cannot hold long texts themselves). Existing
 * rows are hashed here, in batches.
 */
export function forumBodyHashMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('forum_contributions').addColumn('body_hash', 'text').execute();
      for (;;) {
        const rows: { id: number; body: string }[] = await db.selectFrom('forum_contributions').select(['id', 'body'])
          .where('body_hash', 'is', null).orderBy('id').limit(BATCH).execute();
        for (const row of rows) {
          await db.updateTable('forum_contributions').set({ body_hash: bodyHash(row.body) }).where('id', '=', row.id).execute();
        }
        if (rows.length < BATCH) break;
      }
      await db.schema.createIndex('forum_body_hash_idx').on('forum_contributions').columns(['body_hash', 'created_at']).execute();
    },
  };
}
