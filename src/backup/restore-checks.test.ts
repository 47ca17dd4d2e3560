import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import { openDatabase } from '../db/open-database.js';
import { secretKeyFile } from '../secrets/secret-key.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { backupCommand, restoreCommand } from './cli.js';
import { fillSite, snapshotSite } from './testdata/site-fixture.js';
import { runCommandInMemory } from '../test-support/run-cli.js';

const COMMANDS = [backupCommand, restoreCommand];
const OTHER_KEY = 'another-secret-key-0123456789abcdef012345';

/** Whether the target holds nothing: no table in the database, nothing in the data folder. */
async function isUntouched(target: TestDatabase): Promise<boolean> {
  const leftovers = readdirSync(target.dataDir).filter((name) => name !== 'secret.key');
  if (target.dialect === 'sqlite') return leftovers.length === 0;
  const db = openDatabase(target.target);
  try {
    const { rows } = await sql<{ n: string }>`select count(*) as n from information_schema.tables where table_schema = 'public'`.execute(db.kysely);
    return leftovers.length === 0 && Number(rows[0]!.n) === 0;
  } finally {
    await db.close();
  }
}

for (const dialect of DIALECTS) {
  describe(`relais restore checks on ${dialect}`, () => {
    let source: TestDatabase;
    let folder: string;
    let archive: string;

    async function setUp(): Promise<void> {
      source = await createTestDatabase(dialect);
      folder = mkdtempSync(join(tmpdir(), 'relais-archives-'));
      archive = join(folder, 'site.tar.gz');
      await fillSite(source.env, source.dataDir);
      const backup = await runCommandInMemory(COMMANDS, ['backup', archive], source.env);
      assert.equal(backup.code, 0, backup.stderr);
    }
    async function tearDown(): Promise<void> {
      rmSync(folder, { recursive: true, force: true });
      await source.drop();
    }

    test('refuses a non-empty target unless --force, which then restores over it', async () => {
      await setUp();
      try {
        const before = await snapshotSite(source.env);
        const relaisDb = openDatabase(source.target);
        await relaisDb.kysely.deleteFrom('articles').execute();
        await relaisDb.close();

        const refused = await runCommandInMemory(COMMANDS, ['restore', archive], source.env);
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /--force/);
        assert.equal((await snapshotSite(source.env)).articles!.length, 0);

        const forced = await runCommandInMemory(COMMANDS, ['restore', archive, '--force'], source.env);
        assert.equal(forced.code, 0, forced.stderr);
        assert.deepEqual(await snapshotSite(source.env), before);
      } finally {
        await tearDown();
      }
    });

    test('refuses a key mismatch without touching the target', async () => {
      await setUp();
      const target = await createTestDatabase(dialect);
      try {
        const refused = await runCommandInMemory(COMMANDS, ['restore', archive], { ...target.env, SECRET_KEY: OTHER_KEY });
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /empreinte/);
        assert.ok(await isUntouched(target));
      } finally {
        await target.drop();
        await tearDown();
      }
    });

    test('never puts the secret key in the archive', async () => {
      await setUp();
      try {
        const keys = [source.env.SECRET_KEY!];
        if (existsSync(secretKeyFile(source.dataDir))) keys.push(secretKeyFile(source.dataDir));
        const names: string[] = [];
        let bytes = Buffer.alloc(0);
        await tar.list({
          file: archive,
          onReadEntry: (entry) => {
            names.push(entry.path);
            entry.on('data', (chunk: Buffer) => (bytes = Buffer.concat([bytes, chunk])));
          },
        });
        assert.ok(names.includes('manifest.json') && names.some((n) => n.startsWith('database.')));
        assert.ok(!names.some((n) => n.includes('secret')), names.join(', '));
        assert.ok(!bytes.includes(source.env.SECRET_KEY!));
      } finally {
        await tearDown();
      }
    });

    test(`refuses a backup of the other dialect`, async () => {
      await setUp();
      const other = await createTestDatabase(dialect === 'sqlite' ? 'postgres' : 'sqlite');
      try {
        const refused = await runCommandInMemory(COMMANDS, ['restore', archive], other.env);
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, dialect === 'sqlite' ? /ne se restaure que sur SQLite/ : /ne se restaure que sur PostgreSQL/);
        assert.ok(await isUntouched(other));
      } finally {
        await other.drop();
        await tearDown();
      }
    });
  });
}

describe('relais backup and restore on SQLite without SECRET_KEY', () => {
  test('asks for the original secret.key, then restores once it is copied in', async () => {
    const source = await createTestDatabase('sqlite');
    const target = await createTestDatabase('sqlite');
    const env = (db: TestDatabase) => ({ ...db.env, SECRET_KEY: undefined });
    try {
      await fillSite(env(source), source.dataDir);
      const archive = join(source.dataDir, '..', `${source.dataDir.split('/').pop()}.tar.gz`);
      assert.equal((await runCommandInMemory(COMMANDS, ['backup', archive], env(source))).code, 0);

      const refused = await runCommandInMemory(COMMANDS, ['restore', archive], env(target));
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /copiez le fichier secret\.key d’origine/);
      assert.ok(await isUntouched(target));

      copyFileSync(secretKeyFile(source.dataDir), secretKeyFile(target.dataDir));
      const restored = await runCommandInMemory(COMMANDS, ['restore', archive], env(target));
      assert.equal(restored.code, 0, restored.stderr);
      assert.deepEqual(await snapshotSite(env(target)), await snapshotSite(env(source)));
      rmSync(archive);
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});

describe('relais backup on PostgreSQL without pg_dump', () => {
  test('says plainly that pg_dump is missing', async () => {
    const source = await createTestDatabase('postgres');
    try {
      const result = await runCommandInMemory(COMMANDS, ['backup', join(source.dataDir, 'site.tar.gz')], { ...source.env, PATH: '/nonexistent' });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /pg_dump est introuvable/);
      assert.deepEqual(readdirSync(source.dataDir), []);
    } finally {
      await source.drop();
    }
  });
});
