import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createKeyring } from '../../secrets/keyring.js';
import { rotateSecretKey } from '../../secrets/rotate-secret-key.js';
import { SECRET_COLUMNS } from '../../secrets/secret-columns.js';
import { DIALECTS } from '../../test-support/databases.js';
import { startRelayTestKit } from '../testdata/relay-test-kit.js';
import { openCredentials } from './page-credentials.js';
import { getPage } from './page-store.js';

const NEW_KEY = 'rotated-relay-secret-key-0123456789abcdef0123';

for (const dialect of DIALECTS) {
  describe(`relay credentials on ${dialect}`, () => {
    test('are stored encrypted with the key id, and relais key rotate re-encrypts them', async () => {
      const kit = await startRelayTestKit(dialect);
      try {
        const id = await kit.addPage('jeunesse');
        const { relais } = kit.site;
        const before = (await getPage(relais.db.kysely, id))!;
        assert.doesNotMatch(before.credentials, /jeton-jeunesse/);
        assert.match(before.credentials, new RegExp(`^v1\\.${createKeyring(relais.secretKey).current.id}\\.`));
        assert.equal(before.token_hint, '9876');
        const report = await rotateSecretKey(relais.db.kysely, { oldKey: relais.secretKey, newKey: NEW_KEY }, SECRET_COLUMNS);
        assert.equal(report['relay_pages.credentials'], 1);
        const after = (await getPage(relais.db.kysely, id))!;
        assert.notEqual(after.credentials, before.credentials);
        assert.deepEqual(openCredentials(after.credentials, createKeyring(NEW_KEY)), { accessToken: 'jeton-jeunesse-secret-9876', instance: 'https://mastodon.exemple.fr' });
        assert.throws(() => openCredentials(after.credentials, createKeyring(relais.secretKey)));
      } finally {
        await kit.close();
      }
    });
  });
}
