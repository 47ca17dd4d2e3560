import { sql, type Kysely, type Migration } from 'kysely';
import { addIdColumn } from '../column-types.js';
import type { DialectName } from '../database.js';

/**
 * Watches and their inbox (issue 7): each watch with its query, the sources it covers, its owners
 * and its alert settings; one match row per (watch, item) with its triage state, assignee and
 * notes; and full-text search over the stored items — SQLite FTS5 without diacritics, PostgreSQL
 * full-text search in French with `unaccent` when the server has it.
 */
export function veilleWatchesMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await addIdColumn(db.schema.createTable('veille_watches'), dialect)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('query', 'text', (c) => c.notNull())
        .addColumn('all_sources', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('source_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('source_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('alert_email', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('alert_webhook_url', 'text')
        .addColumn('alert_webhook_secret', 'text')
        .addColumn('alert_digest_hour', 'integer')
        .execute();

      await db.schema.createTable('veille_watch_owners')
        .addColumn('watch_id', 'integer', (c) => c.notNull().references('veille_watches.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('veille_watch_owners_pk', ['watch_id', 'user_id'])
        .execute();
      await db.schema.createIndex('veille_watch_owners_user_idx').on('veille_watch_owners').columns(['user_id']).execute();

      await addIdColumn(db.schema.createTable('veille_matches'), dialect)
        .addColumn('watch_id', 'integer', (c) => c.notNull().references('veille_watches.id').onDelete('cascade'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('veille_items.id').onDelete('cascade'))
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('new'))
        .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('matched_at', 'text', (c) => c.notNull())
        .addColumn('state_changed_at', 'text')
        .addColumn('backfilled', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('veille_matches_unique', ['watch_id', 'item_id'])
        .execute();
      await db.schema.createIndex('veille_matches_inbox_idx').on('veille_matches').columns(['watch_id', 'state', 'item_id']).execute();
      await db.schema.createIndex('veille_matches_item_idx').on('veille_matches').columns(['item_id']).execute();
      await db.schema.createIndex('veille_matches_state_idx').on('veille_matches').columns(['state', 'item_id']).execute();
      await db.schema.createIndex('veille_matches_time_idx').on('veille_matches').columns(['matched_at']).execute();

      await addIdColumn(db.schema.createTable('veille_match_notes'), dialect)
        .addColumn('watch_id', 'integer', (c) => c.notNull().references('veille_watches.id').onDelete('cascade'))
        .addColumn('item_id', 'integer', (c) => c.notNull().references('veille_items.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('veille_match_notes_match_idx').on('veille_match_notes').columns(['watch_id', 'item_id']).execute();

      if (dialect === 'sqlite') await createSqliteSearch(db);
      else await createPostgresSearch(db);
    },
  };
}

/**
 * An external-content FTS5 index over the items' title and text, kept by triggers; `rowid` is the
 * item's id, so "newest first" walks the index backwards and stops at the page's end.
 */
async function createSqliteSearch(db: Kysely<any>): Promise<void> {
  await sql`create virtual table veille_items_fts using fts5(
    title, plain_text, content='veille_items', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create trigger veille_items_fts_insert after insert on veille_items begin
    insert into veille_items_fts(rowid, title, plain_text) values (new.id, new.title, new.plain_text);
  end`.execute(db);
  await sql`create trigger veille_items_fts_delete after delete on veille_items begin
    insert into veille_items_fts(veille_items_fts, rowid, title, plain_text) values ('delete', old.id, old.title, old.plain_text);
  end`.execute(db);
  await sql`create trigger veille_items_fts_update after update of title, plain_text on veille_items begin
    insert into veille_items_fts(veille_items_fts, rowid, title, plain_text) values ('delete', old.id, old.title, old.plain_text);
    insert into veille_items_fts(rowid, title, plain_text) values (new.id, new.title, new.plain_text);
  end`.execute(db);
  await sql`insert into veille_items_fts(veille_items_fts) values ('rebuild')`.execute(db);
}

/**
 * A GIN index on `veille_search_document(title, plain_text)`: French configuration over the
 * unaccented text. `unaccent` is only STABLE (its dictionary could change), so the index goes
 * through an IMMUTABLE wrapper naming the dictionary; without the extension the wrapper returns
 * the text as is and search stays accent-sensitive.
 */
async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  const available = await sql<{ found: number }>`select 1 as found from pg_available_extensions where name = 'unaccent'`.execute(db);
  let schema: string | undefined;
  if (available.rows.length > 0) {
    await sql`create extension if not exists unaccent`.execute(db);
    const found = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`.execute(db);
    schema = found.rows[0]?.schema;
  }
  const unaccented = schema === undefined ? '$1' : `${quoteIdent(schema)}.unaccent('${quoteIdent(schema)}.unaccent'::regdictionary, $1)`;
  await sql.raw(`create or replace function relais_unaccent(text) returns text language sql immutable strict parallel safe as $$ select ${unaccented} $$`).execute(db);
  // Schema-qualified: an index rebuilt under another search_path (a restore) must find the wrapper.
  const own = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const wrapper = `${quoteIdent(own.rows[0]!.schema)}.relais_unaccent`;
  await sql.raw(`create or replace function veille_search_document(title text, body text) returns tsvector language sql immutable parallel safe as
    $$ select to_tsvector('french'::regconfig, ${wrapper}(coalesce(title, '') || ' ' || coalesce(body, ''))) $$`).execute(db);
  await sql`create index veille_items_search_idx on veille_items using gin (veille_search_document(title, plain_text))`.execute(db);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
