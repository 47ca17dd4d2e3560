import type { Kysely, Migration } from 'kysely';
import { addIdColumn } from '../column-types.js';
import type { DialectName } from '../database.js';

/**
 * The watches' alerts (issue 7): one alert per story group per watch (the same press release
 * picked up by 30 sites is one alert counting 30 sources), the items already counted in it (an
 * item is never counted, nor alerted, twice), what was sent of it and when, and the day each
 * watch's digest last went out; and the covering indexes the dashboard's aggregates read.
 */
export function veilleAlertsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await addIdColumn(db.schema.createTable('veille_alerts'), dialect)
        .addColumn('watch_id', 'integer', (c) => c.notNull().references('veille_watches.id').onDelete('cascade'))
        .addColumn('group_id', 'integer', (c) => c.notNull().references('veille_groups.id').onDelete('cascade'))
        .addColumn('first_item_id', 'integer', (c) => c.references('veille_items.id').onDelete('set null'))
        .addColumn('sources_count', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('first_matched_at', 'text', (c) => c.notNull())
        .addColumn('last_matched_at', 'text', (c) => c.notNull())
        .addColumn('sent_email_at', 'text')
        .addColumn('webhook_claimed_until', 'text')
        .addColumn('sent_webhook_at', 'text')
        .addColumn('webhook_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('webhook_last_error', 'text')
        .addUniqueConstraint('veille_alerts_watch_group_unique', ['watch_id', 'group_id'])
        .execute();
      await db.schema.createIndex('veille_alerts_digest_idx').on('veille_alerts').columns(['watch_id', 'last_matched_at']).execute();

      // The items an alert has counted: the primary key is what makes "never twice for the same item" hold across workers.
      await db.schema.createTable('veille_alert_items')
        .addColumn('watch_id', 'integer', (c) => c.notNull().references('veille_watches.id').onDelete('cascade'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('veille_items.id').onDelete('cascade'))
        .addColumn('group_id', 'integer', (c) => c.notNull())
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('veille_alert_items_pk', ['watch_id', 'item_id'])
        .execute();
      await db.schema.createIndex('veille_alert_items_group_idx').on('veille_alert_items').columns(['watch_id', 'group_id']).execute();

      // The dashboard reads a period's matches through indexes alone: items by arrival with their
      // source (a superset of 006's age index, which it replaces), matches by item with watch and state.
      await db.schema.dropIndex('veille_items_age_idx').execute();
      await db.schema.createIndex('veille_items_age_source_idx').on('veille_items').columns(['created_at', 'source_id']).execute();
      await db.schema.createIndex('veille_matches_item_state_idx').on('veille_matches').columns(['item_id', 'watch_id', 'state']).execute();

      await db.schema.createTable('veille_alert_digests')
        .addColumn('watch_id', 'integer', (c) => c.primaryKey().references('veille_watches.id').onDelete('cascade'))
        .addColumn('last_day', 'text', (c) => c.notNull())
        .addColumn('covered_until', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
