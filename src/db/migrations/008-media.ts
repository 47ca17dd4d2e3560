import type { Kysely, Migration } from 'kysely';
import { addIdColumn } from '../column-types.js';
import type { DialectName } from '../database.js';

/**
 * The media library (issue 5): each image or document once by the hash of its bytes, with its
 * text alternative, caption, credit and stored variants; where each one is used; and an
 * article's main illustration (SPIP's *logo*).
 */
export function mediaMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await addIdColumn(db.schema.createTable('media_items'), dialect)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('extension', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('byte_size', 'integer', (c) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('decorative', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('media_items_kind_idx').on('media_items').columns(['kind', 'created_at']).execute();

      // Where an item appears: an article's body or lead (`<img12>`), or its main illustration.
      await db.schema.createTable('media_uses')
        .addColumn('media_id', 'integer', (c) => c.notNull().references('media_items.id').onDelete('cascade'))
        .addColumn('object_type', 'text', (c) => c.notNull())
        .addColumn('object_id', 'integer', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('media_uses_pk', ['media_id', 'object_type', 'object_id', 'role'])
        .execute();
      await db.schema.createIndex('media_uses_object_idx').on('media_uses').columns(['object_type', 'object_id']).execute();

      await db.schema.alterTable('articles')
        .addColumn('logo_media_id', 'integer', (c) => c.references('media_items.id').onDelete('set null'))
        .execute();
    },
  };
}
