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
  close(): Promise<void>;
}

/** What a store takes: the Kysely handle, or a transaction of it. */
export type Executor = Kysely<Database>;
