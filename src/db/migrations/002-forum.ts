import type { Kysely, Migration } from 'kysely';
import { addIdColumn } from '../column-types.js';
import type { DialectName } from '../database.js';

/** The forum: contributions under articles, and each article's forum mode (null: the site default). */
export function forumMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('articles').addColumn('forum_mode', 'text').execute();
      await addIdColumn(db.schema.createTable('forum_contributions'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('parent_id', 'integer', (c) => c.references('forum_contributions.id').onDelete('set null'))
        .addColumn('thread_id', 'integer')
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_organisation_answer', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('spam_score', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('spam_reasons', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('moderated_at', 'text')
        .addColumn('moderated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('forum_article_idx').on('forum_contributions').columns(['article_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('forum_status_idx').on('forum_contributions').columns(['status', 'created_at']).execute();
    },
  };
}
