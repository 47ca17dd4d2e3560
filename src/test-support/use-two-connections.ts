import { after, before } from 'node:test';
import type { DialectName, Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** Two connections to one migrated test database, as two workers racing on the same rows would hold. */
export interface TwoConnections {
  readonly first: Db;
  readonly second: Db;
}

/**
 * Inside a `describe`: creates a fresh database of the dialect, migrates it and opens it twice before
 * the tests, and closes both and drops it after them. Read the fields inside a test.
 *
 * @example
 * const connections = useTwoConnections(dialect);
 * test('…', async () => {
 *   const { first, second } = connections;
 * });
 */
export function useTwoConnections(dialect: DialectName): TwoConnections {
  let database: TestDatabase | undefined;
  let opened: TwoConnections | undefined;
  before(async () => {
    database = await createTestDatabase(dialect);
    opened = Object.freeze({ first: openDatabase(database.target), second: openDatabase(database.target) });
    await migrateToLatest(opened.first);
  });
  after(async () => {
    await opened?.first.close();
    await opened?.second.close();
    await database?.drop();
  });
  const ready = (): TwoConnections => {
    if (opened === undefined) throw new Error('useTwoConnections: read inside a test, after before()');
    return opened;
  };
  return Object.freeze({
    get first() { return ready().first; },
    get second() { return ready().second; },
  });
}
