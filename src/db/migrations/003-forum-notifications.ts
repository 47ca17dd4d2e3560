import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Forum e-mail: when the publication of a contribution was notified (to its author and to the
 * author of the message it answers), so a message unpublished then approved again is not
 * announced twice, and a retried job does not mail again.
 */
export function forumNotificationsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('forum_contributions').addColumn('publication_notified_at', 'text').execute();
      // Messages already online were never announced and never will be: no late mail on the next answer.
      await sql`update forum_contributions set publication_notified_at = created_at where status = 'published'`.execute(db);
      // Export and erasure look contributions up by address; IP erasure by date.
      // Addresses compare without case: an expression index (SQLite and PostgreSQL both have them).
      await sql`create index forum_email_idx on forum_contributions (lower(email))`.execute(db);
      await db.schema.createIndex('forum_created_idx').on('forum_contributions').column('created_at').execute();
    },
  };
}
