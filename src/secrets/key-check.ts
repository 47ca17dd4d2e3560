import type { Executor } from '../db/database.js';
import { readSetting, writeSetting } from '../site/settings-store.js';
import { keyFingerprint } from './secret-key.js';

const FINGERPRINT_SETTING = 'secret_key.fingerprint';

/** The key does not match the one this database was set up with: starting would corrupt secrets. */
export class SecretKeyMismatchError extends Error {
  override readonly name = 'SecretKeyMismatchError';
  constructor(readonly expected: string, readonly actual: string) {
    super(
      `La clé secrète ne correspond pas à cette base de données (empreinte attendue ${expected}, reçue ${actual}). ` +
      'Remettez la clé d’origine dans SECRET_KEY (ou secret.key dans le dossier de données), ou changez-la avec « relais key rotate ».',
    );
  }
}

/** Records the key's fingerprint on first start; afterwards refuses any other key. */
export async function checkSecretKey(db: Executor, secretKey: string): Promise<string> {
  const actual = keyFingerprint(secretKey);
  const expected = await readSetting(db, FINGERPRINT_SETTING);
  if (expected === undefined) await writeSetting(db, FINGERPRINT_SETTING, actual);
  else if (expected !== actual) throw new SecretKeyMismatchError(expected, actual);
  return actual;
}

/** Replaces the recorded fingerprint (key rotation, inside its transaction). */
export async function recordKeyFingerprint(db: Executor, secretKey: string): Promise<void> {
  await writeSetting(db, FINGERPRINT_SETTING, keyFingerprint(secretKey));
}
