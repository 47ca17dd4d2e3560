import type { Kysely, Migration } from 'kysely';
import { addIdColumn } from '../column-types.js';
import type { DialectName } from '../database.js';

/**
 * The relay (issue 8): the pages an organisation runs on social networks (account, audience,
 * encrypted credentials, tone template, connection health), the variants of a post per page
 * with their workflow state and outbox claim, and one row per publishing attempt.
 */
export function relayMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await addIdColumn(db.schema.createTable('relay_pages'), dialect)
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('instance', 'text')
        .addColumn('account_id', 'text')
        .addColumn('account_name', 'text')
        .addColumn('credentials', 'text', (c) => c.notNull())
        .addColumn('token_hint', 'text', (c) => c.notNull())
        .addColumn('use_title', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('use_lead', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('use_link', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('opening_line', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('hashtags', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('emoji_allowed', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('utm_tags', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('auto_draft', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('auto_approve', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('last_success_at', 'text')
        .addColumn('last_error_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('token_expires_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await addIdColumn(db.schema.createTable('relay_variants'), dialect)
        .addColumn('page_id', 'integer', (c) => c.notNull().references('relay_pages.id').onDelete('cascade'))
        .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('link_title', 'text')
        .addColumn('link_description', 'text')
        .addColumn('media_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('scheduled_at', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('failure_reason', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('remote_id', 'text')
        .addColumn('remote_url', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('unknown_outcome', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('check_first', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('approved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('approved_at', 'text')
        .addColumn('published_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('relay_variants_due_idx').on('relay_variants').columns(['state', 'next_attempt_at']).execute();
      await db.schema.createIndex('relay_variants_page_idx').on('relay_variants').columns(['page_id', 'scheduled_at']).execute();
      await db.schema.createIndex('relay_variants_article_idx').on('relay_variants').columns(['article_id']).execute();

      await addIdColumn(db.schema.createTable('relay_attempts'), dialect)
        .addColumn('variant_id', 'integer', (c) => c.notNull().references('relay_variants.id').onDelete('cascade'))
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('worker', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('outcome', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('relay_attempts_variant_idx').on('relay_attempts').columns(['variant_id', 'attempt']).execute();
    },
  };
}
