import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestDatabase } from '../test-support/databases.js';
import { openDatabase } from './open-database.js';

test('a PostgreSQL connection closed by the server is reported and replaced, never the end of the process', async () => {
  const testDb = await createTestDatabase('postgres');
  const lost: Error[] = [];
  const db = openDatabase(testDb.target, (error) => lost.push(error));
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    const read = db.preparedRead<{ answer: number }>('select 42 as answer');
    assert.equal((await read())?.answer, 42);
    const name = new URL(testDb.env.DATABASE_URL!).pathname.slice(1);
    // What a PostgreSQL restart or an administrator does to the idle pooled connection.
    const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    assert.ok(killed.rowCount! >= 1);
    for (let i = 0; i < 50 && lost.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(lost.length, 1);
    assert.match(lost[0]!.message, /terminating connection/);
    assert.equal((await read())?.answer, 42);
  } finally {
    await admin.end();
    await db.close();
    await testDb.drop();
  }
});
