import type { Kysely, Migration } from 'kysely';

/**
 * Moving a SPIP site in (issue 9): the import's key map (a SPIP object → the Relais row made from
 * it, so a second run updates instead of duplicating), the old SPIP addresses that answer with a
 * permanent redirect (data: imported, editable), and the media items whose text alternative a
 * person must still write (SPIP documents often have none).
 */
export function spipImportMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createTable('spip_import_keys')
        .addColumn('spip_type', 'text', (c) => c.notNull())
        .addColumn('spip_id', 'integer', (c) => c.notNull())
        .addColumn('relais_id', 'integer', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('spip_import_keys_pk', ['spip_type', 'spip_id'])
        .execute();
      // One indexed lookup before the 404 page: the normalised old address is the key.
      await db.schema.createTable('spip_redirects')
        .addColumn('old_address', 'text', (c) => c.primaryKey())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'integer')
        .addColumn('target_url', 'text')
        .execute();
      await db.schema.alterTable('media_items').addColumn('needs_review', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}
