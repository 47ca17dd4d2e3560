import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db, DialectName } from './database.js';
import { initialMigration } from './migrations/001-initial.js';
import { forumMigration } from './migrations/002-forum.js';
import { forumNotificationsMigration } from './migrations/003-forum-notifications.js';
import { visitorAccountsMigration } from './migrations/004-visitor-accounts.js';
import { forumBodyHashMigration } from './migrations/005-forum-body-hash.js';
import { veilleSourcesMigration } from './migrations/006-veille-sources.js';
import { veilleWatchesMigration } from './migrations/009-veille-watches.js';
import { veilleSourceConfigMigration } from './migrations/007-veille-source-config.js';
import { veilleAlertsMigration } from './migrations/010-veille-alerts.js';
import { relayMigration } from './migrations/011-relay.js';
import { mediaMigration } from './migrations/008-media.js';
import { spipImportMigration } from './migrations/012-spip-import.js';

/** Append-only: a migration, once released, is never edited; add `NNN-name.ts` instead. */
function allMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '001-initial': initialMigration(dialect),
    '002-forum': forumMigration(dialect),
    '003-forum-notifications': forumNotificationsMigration(),
    '004-visitor-accounts': visitorAccountsMigration(),
    '005-forum-body-hash': forumBodyHashMigration(),
    '006-veille-sources': veilleSourcesMigration(dialect),
    '009-veille-watches': veilleWatchesMigration(dialect),
    '007-veille-source-config': veilleSourceConfigMigration(),
    '008-media': mediaMigration(dialect),
    '010-veille-alerts': veilleAlertsMigration(dialect),
    '011-relay': relayMigration(dialect),
    '012-spip-import': spipImportMigration(),
  };
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return allMigrations(this.dialect);
  }
}

/** Any number: the key of the PostgreSQL advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK_KEY = 7_352_001;

/**
 * Brings the schema up to date; returns the names of the migrations it applied. On PostgreSQL,
 * processes starting together (web, workers) wait for each other on an advisory lock instead of
 * racing to create the same tables.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if (db.dialect === 'sqlite') return runMigrations(db.kysely, db.dialect);
  return db.kysely.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(connection);
    try {
      return await runMigrations(connection, db.dialect);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(connection);
    }
  });
}

async function runMigrations(kysely: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({ db: kysely, provider: new StaticMigrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error('La mise à jour du schéma de la base a échoué.', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
