import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommandInMemory } from '../test-support/run-cli.js';
import { parseConfig } from '../config.js';
import { openRelais } from '../main.js';
import { DIALECTS, createTestDatabase } from '../test-support/databases.js';
import { keyRotateCommand } from './cli.js';
import { SecretKeyMismatchError } from './key-check.js';
import { secretKeyFile } from './secret-key.js';

const NEW_KEY = 'rotated-secret-key-0123456789abcdef01234567';

async function rotate(env: Record<string, string | undefined>, args: string[], input = '') {
  return runCommandInMemory([keyRotateCommand], ['key', 'rotate', ...args], env, input);
}

async function assertOpens(env: Record<string, string | undefined>): Promise<void> {
  const relais = await openRelais(parseConfig(env));
  await relais.close();
}

for (const dialect of DIALECTS) {
  describe(`relais key rotate on ${dialect}`, () => {
    test('with SECRET_KEY: the new key opens Relais, the old one is refused', async () => {
      const testDb = await createTestDatabase(dialect);
      try {
        await assertOpens(testDb.env);
        const keyFile = join(testDb.dataDir, 'new.key');
        writeFileSync(keyFile, NEW_KEY + '\n');

        const result = await rotate(testDb.env, ['--new-key-file', keyFile]);

        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /SECRET_KEY/);
        assert.equal(result.stdout, '');
        await assertOpens({ ...testDb.env, SECRET_KEY: NEW_KEY });
        await assert.rejects(openRelais(parseConfig(testDb.env)), SecretKeyMismatchError);
      } finally {
        await testDb.drop();
      }
    });

    test('reads the new key from standard input', async () => {
      const testDb = await createTestDatabase(dialect);
      try {
        const result = await rotate(testDb.env, [], NEW_KEY + '\n');
        assert.equal(result.code, 0, result.stderr);
        await assertOpens({ ...testDb.env, SECRET_KEY: NEW_KEY });
      } finally {
        await testDb.drop();
      }
    });

    test('refuses a key given on the command line, a short key, or the same key', async () => {
      const testDb = await createTestDatabase(dialect);
      try {
        const inArgs = await rotate(testDb.env, ['--new-key', NEW_KEY]);
        assert.equal(inArgs.code, 2);
        assert.match(inArgs.stderr, /historique/);
        assert.equal((await rotate(testDb.env, [], 'trop-courte\n')).code, 2);
        assert.equal((await rotate(testDb.env, [], testDb.env.SECRET_KEY + '\n')).code, 2);
        await assertOpens(testDb.env);
      } finally {
        await testDb.drop();
      }
    });
  });
}

describe('relais key rotate on SQLite without SECRET_KEY', () => {
  test('replaces secret.key (owner-only) and Relais reopens with it, never with the old key', async () => {
    const testDb = await createTestDatabase('sqlite');
    const env = { ...testDb.env, SECRET_KEY: undefined };
    try {
      await assertOpens(env);
      const file = secretKeyFile(testDb.dataDir);
      const oldKey = readFileSync(file, 'utf8').trim();

      const result = await rotate(env, ['--generate']);

      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, '', 'the generated key is not printed when it is written to the file');
      const newKey = readFileSync(file, 'utf8').trim();
      assert.notEqual(newKey, oldKey);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.ok(!existsSync(file + '.new'));
      await assertOpens(env);
      await assert.rejects(openRelais(parseConfig({ ...env, SECRET_KEY: oldKey })), SecretKeyMismatchError);
    } finally {
      await testDb.drop();
    }
  });
});
