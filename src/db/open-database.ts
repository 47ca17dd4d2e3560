import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';

/** Where to store: a PostgreSQL URL, or a SQLite file (created with its folder if missing). */
export type DatabaseTarget = { readonly databaseUrl: string } | { readonly sqliteFile: string };

/** The SQLite file Relais uses inside its data folder. */
export function sqliteFileIn(dataDir: string): string {
  return join(dataDir, 'relais.sqlite');
}

/**
 * Opens the database. SQLite runs in WAL mode with foreign keys on and a busy timeout, so the
 * CLI, a worker and the web process can share the file. On PostgreSQL, `onConnectionLost` hears of
 * an idle pooled connection the server closed (a restart, an administrator): the pool drops it and
 * opens another on the next query, where an unheard pool error would end the process.
 */
export function openDatabase(target: DatabaseTarget, onConnectionLost: (error: Error) => void = () => {}): Db {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    pool.on('error', onConnectionLost);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    // A named query is parsed once per pooled connection.
    const preparedRead = <Row>(text: string) => {
      const query = { name: `relais_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`, text };
      return async () => (await pool.query<Row & pg.QueryResultRow>(query)).rows[0];
    };
    return { kysely, dialect: 'postgres', sqliteFile: undefined, databaseUrl: target.databaseUrl, preparedRead, close: () => kysely.destroy() };
  }
  mkdirSync(join(target.sqliteFile, '..'), { recursive: true });
  const sqlite = new SQLite(target.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const preparedRead = <Row>(text: string) => {
    const statement = sqlite.prepare(text);
    return async () => statement.get() as Row | undefined;
  };
  return { kysely, dialect: 'sqlite', sqliteFile: target.sqliteFile, databaseUrl: undefined, preparedRead, close: () => kysely.destroy() };
}
