import SQLite from 'better-sqlite3';
import type { Db } from '../db/database.js';
import { runPgTool } from './pg-tool.js';

/**
 * Copies the live database to `dest`, consistent and without stopping the site: SQLite through
 * its online backup API, PostgreSQL through `pg_dump --format=custom` (one snapshot).
 */
export async function dumpDatabase(db: Pick<Db, 'dialect' | 'sqliteFile' | 'databaseUrl'>, dest: string, env: Readonly<Record<string, string | undefined>>): Promise<void> {
  if (db.dialect === 'postgres') {
    await runPgTool('pg_dump', ['--format=custom', '--no-owner', `--file=${dest}`], db.databaseUrl!, env);
    return;
  }
  const source = new SQLite(db.sqliteFile!, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(dest);
  } finally {
    source.close();
  }
}
