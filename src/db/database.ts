import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** The open database: the Kysely handle every store takes, and which dialect is behind it. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  /** The SQLite file, for the online backup; undefined on PostgreSQL. */
  readonly sqliteFile: string | undefined;
  readonly databaseUrl: string | undefined;
  /**
   * Runs a one-row, parameterless read through a statement prepared once: the hot-path seam for
   * queries run on every page view (Kysely's SQLite driver prepares each query anew).
   */
  preparedRead<Row>(sql: string): () => Promise<Row | undefined>;
  close(): Promise<void>;
}

/** What a store takes: the Kysely handle, or a transaction of it. */
export type Executor = Kysely<Database>;
