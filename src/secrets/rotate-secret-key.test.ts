import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { parseConfig } from '../config.js';
import { openRelais } from '../main.js';
import { readSetting } from '../site/settings-store.js';
import { DIALECTS, createTestDatabase } from '../test-support/databases.js';
import { decryptSecret, encryptSecret, SecretDecryptionError } from './cipher.js';
import { createKeyring } from './keyring.js';
import { rotateSecretKey } from './rotate-secret-key.js';
import { SECRET_COLUMNS } from './secret-columns.js';
import { keyFingerprint } from './secret-key.js';

const NEW_KEY = 'rotated-secret-key-0123456789abcdef01234567';
const TOKENS = { table: 'test_tokens', idColumn: 'id', column: 'token' } as const;

for (const dialect of DIALECTS) {
  describe(`secret key rotation on ${dialect}`, () => {
    async function withTokens(work: (relais: Awaited<ReturnType<typeof openRelais>>) => Promise<void>): Promise<void> {
      const testDb = await createTestDatabase(dialect);
      const relais = await openRelais(parseConfig(testDb.env));
      try {
        await sql`create table test_tokens (id integer primary key, token text)`.execute(relais.db.kysely);
        await work(relais);
      } finally {
        await relais.close();
        await testDb.drop();
      }
    }

    async function tokens(relais: Awaited<ReturnType<typeof openRelais>>): Promise<(string | null)[]> {
      const { rows } = await sql<{ token: string | null }>`select token from test_tokens order by id`.execute(relais.db.kysely);
      return rows.map((r) => r.token);
    }

    test('re-encrypts every registered secret under the new key and records its fingerprint', async () => {
      await withTokens(async (relais) => {
        const old = createKeyring(relais.secretKey);
        await sql`insert into test_tokens (id, token) values
          (1, ${encryptSecret('jeton-mastodon', old)}), (2, ${null}), (3, ${encryptSecret('jeton-bluesky', old)})`.execute(relais.db.kysely);

        const report = await rotateSecretKey(relais.db.kysely, { oldKey: relais.secretKey, newKey: NEW_KEY }, [TOKENS]);

        assert.deepEqual(report, { 'test_tokens.token': 2 });
        const [first, second, third] = await tokens(relais);
        assert.equal(second, null);
        assert.equal(decryptSecret(first!, createKeyring(NEW_KEY)), 'jeton-mastodon');
        assert.equal(decryptSecret(third!, createKeyring(NEW_KEY)), 'jeton-bluesky');
        assert.throws(() => decryptSecret(first!, old), SecretDecryptionError);
        assert.equal(await readSetting(relais.db.kysely, 'secret_key.fingerprint'), keyFingerprint(NEW_KEY));
      });
    });

    test('re-encrypts a watched source’s access token through the registered columns', async () => {
      await withTokens(async (relais) => {
        const stored = encryptSecret('jeton-mastodon-veille', createKeyring(relais.secretKey));
        const at = '2026-11-29T12:00:00.000Z';
        await relais.db.kysely.insertInto('veille_sources').values({
          url: 'https://mastodon.exemple.fr/tags/conseil', kind: 'mastodon', title: '', status: 'active', next_check_at: at, created_at: at,
          error_count: 0, items_seen: 0, config: '{"instance":"https://mastodon.exemple.fr"}', access_token: stored,
        }).execute();

        const report = await rotateSecretKey(relais.db.kysely, { oldKey: relais.secretKey, newKey: NEW_KEY }, SECRET_COLUMNS);

        assert.equal(report['veille_sources.access_token'], 1);
        const row = await relais.db.kysely.selectFrom('veille_sources').select('access_token').executeTakeFirstOrThrow();
        assert.notEqual(row.access_token, stored);
        assert.equal(decryptSecret(row.access_token!, createKeyring(NEW_KEY)), 'jeton-mastodon-veille');
      });
    });

    test('changes nothing when one secret cannot be read', async () => {
      await withTokens(async (relais) => {
        const good = encryptSecret('jeton', createKeyring(relais.secretKey));
        const foreign = encryptSecret('jeton', createKeyring('another-secret-key-0123456789abcdef0123456'));
        await sql`insert into test_tokens (id, token) values (1, ${good}), (2, ${foreign})`.execute(relais.db.kysely);

        await assert.rejects(
          rotateSecretKey(relais.db.kysely, { oldKey: relais.secretKey, newKey: NEW_KEY }, [TOKENS]),
          SecretDecryptionError,
        );

        assert.deepEqual(await tokens(relais), [good, foreign]);
        assert.equal(await readSetting(relais.db.kysely, 'secret_key.fingerprint'), keyFingerprint(relais.secretKey));
      });
    });
  });
}
