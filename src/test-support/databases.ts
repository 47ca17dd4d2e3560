import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DialectName } from '../db/database.js';
import type { DatabaseTarget } from '../db/open-database.js';

/** Both dialects: every store and feature test runs on each. */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** The server test databases are created on (this machine kind runs it on 127.0.0.1:5432). */
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database of the dialect, and its data folder; `drop()` removes both. */
export interface TestDatabase {
  readonly dialect: DialectName;
  readonly dataDir: string;
  readonly target: DatabaseTarget;
  /** Environment variables that point Relais (CLI, worker) at this database. */
  readonly env: Readonly<Record<string, string>>;
  drop(): Promise<void>;
}

const TEST_SECRET = 'test-secret-key-0123456789abcdef0123456789abcdef';

/** Creates an empty SQLite file in a temporary folder, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-test-'));
  if (dialect === 'sqlite') {
    return {
      dialect,
      dataDir,
      target: { sqliteFile: join(dataDir, 'relais.sqlite') },
      env: { DATA_DIR: dataDir, SECRET_KEY: TEST_SECRET, RELAIS_DEMO: '0' },
      async drop() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `relais_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    dataDir,
    target: { databaseUrl: url.href },
    env: { DATA_DIR: dataDir, DATABASE_URL: url.href, SECRET_KEY: TEST_SECRET, RELAIS_DEMO: '0' },
    async drop() {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
