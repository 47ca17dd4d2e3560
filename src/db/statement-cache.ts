import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many distinct SQL texts keep their compiled statement (the queries Relais runs are far fewer). */
const DEFAULT_SIZE = 500;

/**
 * The SQLite handle Kysely drives, with each SQL text compiled once instead of at every query
 * (Kysely's driver calls `prepare` each time: on a forum post, about a tenth of the CPU). Kysely
 * runs one query at a time on its single connection, so a statement is never used twice at once;
 * SQLite re-compiles a statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SQLiteDatabase, size = DEFAULT_SIZE): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => { sqlite.close(); },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        // Oldest first in a Map: past the bound, the oldest compiled text goes.
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
