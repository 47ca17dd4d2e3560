import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Keyring } from './keyring.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a stored secret could not be read. */
export type SecretDecryptionReason = 'malformed' | 'unknown_key' | 'tampered';

/** A stored secret cannot be decrypted: not ours, written under a key we do not hold, or altered. */
export class SecretDecryptionError extends AppError {
  override readonly name = 'SecretDecryptionError';
  constructor(readonly reason: SecretDecryptionReason, readonly keyId?: string) {
    super(`secret_${reason}`, 500, {
      malformed: 'Secret chiffré illisible (format inconnu).',
      unknown_key: `Secret chiffré avec une autre clé (identifiant ${keyId}) : cette clé n’est pas disponible.`,
      tampered: 'Secret chiffré altéré ou clé incorrecte : le contrôle d’intégrité a échoué.',
    }[reason]);
  }
}

/**
 * Encrypts a secret (a social-network token, a password) for storage: AES-256-GCM under the
 * keyring's current key, fresh 12-byte IV, as `v1.<keyid>.<iv>.<tag>.<ciphertext>` (base64url).
 *
 * @example
 * const stored = encryptSecret('jeton', createKeyring(secretKey)); // 'v1.3f2a…'
 * decryptSecret(stored, createKeyring(secretKey)); // 'jeton'
 */
export function encryptSecret(plaintext: string, keyring: Keyring): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  // The header is authenticated too, so a value cannot be relabelled with another key id.
  cipher.setAAD(Buffer.from(`${VERSION}.${id}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, id, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts a value written by `encryptSecret` with whichever keyring key its id names. */
export function decryptSecret(stored: string, keyring: Keyring): string {
  const parts = stored.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretDecryptionError('malformed');
  const [, id, ivText, tagText, ciphertextText] = parts as [string, string, string, string, string];
  const entry = keyring.byId.get(id);
  if (!entry) throw new SecretDecryptionError('unknown_key', id);
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretDecryptionError('malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${VERSION}.${id}`));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError('tampered', id);
  }
}
