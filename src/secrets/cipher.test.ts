import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decryptSecret, encryptSecret, SecretDecryptionError } from './cipher.js';
import { createKeyring } from './keyring.js';
import { keyFingerprint } from './secret-key.js';

const OLD_KEY = 'old-secret-key-0123456789abcdef0123456789';
const NEW_KEY = 'new-secret-key-0123456789abcdef0123456789';

function assertDecryptionError(work: () => unknown, reason: SecretDecryptionError['reason']): void {
  assert.throws(work, (error) => error instanceof SecretDecryptionError && error.reason === reason);
}

describe('secret cipher', () => {
  test('round-trips text, including empty and non-ASCII secrets', () => {
    const keyring = createKeyring(OLD_KEY);
    for (const secret of ['', 'jeton-mastodon', 'mot de passe « été » ✓', 'x'.repeat(5000)]) {
      assert.equal(decryptSecret(encryptSecret(secret, keyring), keyring), secret);
    }
  });

  test('writes a compact versioned value naming the key, never the same twice', () => {
    const keyring = createKeyring(OLD_KEY);
    const first = encryptSecret('jeton', keyring);
    const [version, keyId, ...rest] = first.split('.');
    assert.equal(version, 'v1');
    assert.equal(keyId, keyFingerprint(OLD_KEY));
    assert.equal(rest.length, 3);
    assert.match(first, /^[A-Za-z0-9_.-]+$/);
    assert.notEqual(encryptSecret('jeton', keyring), first);
    assert.ok(!first.includes('jeton'));
  });

  test('decrypts with the key the value names when several keys are presented', () => {
    const stored = encryptSecret('jeton', createKeyring(OLD_KEY));
    const rotating = createKeyring(NEW_KEY, OLD_KEY);
    assert.equal(decryptSecret(stored, rotating), 'jeton');
    const rewritten = encryptSecret('jeton', rotating);
    assert.equal(rewritten.split('.')[1], keyFingerprint(NEW_KEY));
    assert.equal(decryptSecret(rewritten, createKeyring(NEW_KEY)), 'jeton');
  });

  test('refuses a value written under a key it does not hold', () => {
    const stored = encryptSecret('jeton', createKeyring(OLD_KEY));
    assertDecryptionError(() => decryptSecret(stored, createKeyring(NEW_KEY)), 'unknown_key');
  });

  test('refuses a tampered ciphertext, tag, IV or relabelled key id', () => {
    const keyring = createKeyring(OLD_KEY, NEW_KEY);
    const parts = encryptSecret('jeton secret', keyring).split('.');
    const flip = (text: string) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    for (const index of [2, 3, 4]) {
      const altered = parts.map((p, i) => (i === index ? flip(p) : p)).join('.');
      assertDecryptionError(() => decryptSecret(altered, keyring), 'tampered');
    }
    const relabelled = [parts[0], keyFingerprint(NEW_KEY), ...parts.slice(2)].join('.');
    assertDecryptionError(() => decryptSecret(relabelled, keyring), 'tampered');
  });

  test('refuses values that are not ours', () => {
    const keyring = createKeyring(OLD_KEY);
    for (const stored of ['', 'jeton en clair', 'v2.a.b.c.d', 'v1.a.b.c', 'v1.' + keyFingerprint(OLD_KEY) + '.AA.AA.AA']) {
      assert.throws(() => decryptSecret(stored, keyring), SecretDecryptionError);
    }
  });
});
