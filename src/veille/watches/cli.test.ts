import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { runRelaisCli } from '../../test-support/run-cli.js';

let database: TestDatabase;
before(async () => { database = await createTestDatabase('sqlite'); });
after(async () => { await database?.drop(); });

test('relais watch add saves a watch, refuses a broken query with its position, and relais watch list shows it', async () => {
  const broken = await runRelaisCli(['watch', 'add', 'Cassée', 'festival ET (été'], database.env);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /caractère \d+/);
  assert.match(broken.stderr, /\^/);

  const added = await runRelaisCli(['watch', 'add', 'Festival', 'festival OU "fête de la musique"'], database.env);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /Veille créée \(n° 1\) : Festival/);

  const listed = await runRelaisCli(['watch', 'list', '--json'], database.env);
  assert.equal(listed.code, 0, listed.stderr);
  const rows = JSON.parse(listed.stdout) as { name: string; query: string; matches: number }[];
  assert.deepEqual(rows.map((r) => [r.name, r.query, r.matches]), [['Festival', 'festival OU "fête de la musique"', 0]]);
  const plain = await runRelaisCli(['watch', 'list'], database.env);
  assert.match(plain.stdout, /^1\tFestival\tfestival OU "fête de la musique"\t0 élément/);
});
