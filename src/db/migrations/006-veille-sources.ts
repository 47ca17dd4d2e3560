import type { Kysely, Migration } from 'kysely';
import { addIdColumn } from '../column-types.js';
import type { DialectName } from '../database.js';

/**
 * The watch's sources and items (issue 6): each source with its polling state (every outcome is
 * data on its row), the items stored once per source by their same-item key, the story groups
 * across sources with their size, and each item's SimHash bands so near duplicates are found by
 * index.
 */
export function veilleSourcesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await addIdColumn(db.schema.createTable('veille_sources'), dialect)
        .addColumn('url', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('site_link', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('next_check_at', 'text', (c) => c.notNull())
        .addColumn('claimed_until', 'text')
        .addColumn('last_checked_at', 'text')
        .addColumn('last_status', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_error_detail', 'text')
        .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('veille_sources_due_idx').on('veille_sources').columns(['status', 'next_check_at']).execute();

      await addIdColumn(db.schema.createTable('veille_groups'), dialect)
        .addColumn('size', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await addIdColumn(db.schema.createTable('veille_items'), dialect)
        .addColumn('source_id', 'integer', (c) => c.notNull().references('veille_sources.id').onDelete('cascade'))
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('guid', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('canonical_link', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('author', 'text')
        .addColumn('published_at', 'text')
        .addColumn('updated_at_source', 'text')
        .addColumn('summary', 'text')
        .addColumn('content', 'text')
        .addColumn('plain_text', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('enclosures', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('simhash', 'text')
        .addColumn('group_id', 'integer', (c) => c.references('veille_groups.id').onDelete('set null'))
        .addColumn('kept', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('veille_items_key_unique', ['source_id', 'item_key'])
        .execute();
      await db.schema.createIndex('veille_items_source_idx').on('veille_items').columns(['source_id', 'published_at']).execute();
      await db.schema.createIndex('veille_items_link_idx').on('veille_items').columns(['canonical_link']).execute();
      await db.schema.createIndex('veille_items_hash_idx').on('veille_items').columns(['content_hash']).execute();
      await db.schema.createIndex('veille_items_group_idx').on('veille_items').columns(['group_id']).execute();
      await db.schema.createIndex('veille_items_age_idx').on('veille_items').columns(['created_at']).execute();

      // One row per band of an item's SimHash: equal bands are the near-duplicate candidates.
      await db.schema.createTable('veille_item_bands')
        .addColumn('band_key', 'text', (c) => c.notNull())
        .addColumn('item_id', 'integer', (c) => c.notNull().references('veille_items.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('veille_item_bands_pk', ['band_key', 'item_id'])
        .execute();
      await db.schema.createIndex('veille_item_bands_item_idx').on('veille_item_bands').columns(['item_id']).execute();
    },
  };
}
