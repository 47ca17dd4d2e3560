import type { Kysely, Migration } from 'kysely';

/**
 * The social-network sources of the watch (issue 6): each source's adapter configuration as the
 * user entered it (JSON text, the same on both dialects, like items' categories), what its adapter
 * remembers between polls (JSON text: a Mastodon `min_id`, a Reddit fullname…), and an access token
 * encrypted with `encryptSecret` (registered in `SECRET_COLUMNS`, so `relais key rotate` re-encrypts
 * it). Feeds keep all three null.
 */
export function veilleSourceConfigMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      await db.schema.alterTable('veille_sources').addColumn('config', 'text').execute();
      await db.schema.alterTable('veille_sources').addColumn('adapter_state', 'text').execute();
      await db.schema.alterTable('veille_sources').addColumn('access_token', 'text').execute();
    },
  };
}
