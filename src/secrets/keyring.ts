import { deriveKey, keyFingerprint } from './secret-key.js';

/** One secret key as the cipher uses it: its public id (the fingerprint) and its derived AES key. */
export interface KeyringEntry {
  readonly id: string;
  readonly key: Buffer;
}

/** The keys the cipher may use: `current` encrypts; any key of `byId` decrypts what carries its id. */
export interface Keyring {
  readonly current: KeyringEntry;
  readonly byId: ReadonlyMap<string, KeyringEntry>;
}

/**
 * Builds a keyring from secret keys; the first one encrypts. During a rotation both the old and
 * the new key are presented, so values written under either can be read.
 *
 * @example
 * const keyring = createKeyring(relais.secretKey);
 * const stored = encryptSecret('jeton-mastodon', keyring);
 */
export function createKeyring(current: string, ...others: readonly string[]): Keyring {
  const entries = [current, ...others].map((secretKey) => Object.freeze({
    id: keyFingerprint(secretKey),
    key: deriveKey(secretKey, 'secrets'),
  }));
  return Object.freeze({ current: entries[0]!, byId: new Map(entries.map((e) => [e.id, e])) });
}
