import type { Kysely, Migration } from 'kysely';

/**
 * Links that let someone become a visitor (role `visitor`): an administrator's invitation or a
 * self-registration waiting for its e-mail confirmation. Only the token's SHA-256 is stored; the
 * account itself is created when the link is followed.
 */
export function visitorAccountsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createTable('account_invitations')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('account_invitations_email_idx').on('account_invitations').column('email').execute();
    },
  };
}
