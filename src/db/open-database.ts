import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** Where to store: a PostgreSQL URL, or a SQLite file (created with its folder if missing). */
export type DatabaseTarget = { readonly databaseUrl: string } | { readonly sqliteFile: string };

/** The SQLite file Relais uses inside its data folder. */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'relais.sqlite');
}

/**
 * Opens the database. SQLite runs in WAL mode with foreign keys on and a busy timeout, so the
 * CLI, a worker and the web process can share the file.
 */
export function openDatabase(target: DatabaseTarget): Db {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', sqliteFile: undefined, databaseUrl: target.databaseUrl, close: () => kysely.destroy() };
  }
  mkdirSync(join(target.sqliteFile, '..'), { recursive: true });
  const sqlite = new SQLite(target.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', sqliteFile: target.sqliteFile, databaseUrl: undefined, close: () => kysely.destroy() };
}
