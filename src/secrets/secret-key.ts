import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';

/** The file that holds the generated key of a SQLite installation. */
export function secretKeyFile(dataDir: string): string {
  return join(dataDir, 'secret.key');
}

/**
 * The installation's secret key: `SECRET_KEY` when set; on SQLite otherwise the key stored in
 * the data folder, generated (and written with owner-only rights) on first start.
 */
export function resolveSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): string {
  const existing = findSecretKey(config);
  if (existing !== undefined) return existing;
  const file = secretKeyFile(config.dataDir);
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** The key this installation would use, without ever generating one (`relais restore` checks it). */
export function findSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): string | undefined {
  if (config.secretKey !== undefined) return config.secretKey;
  const file = secretKeyFile(config.dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/**
 * Derives a purpose-bound 32-byte key from the secret key (HKDF-SHA256), so cookies,
 * CSRF and stored secrets never share key material.
 */
export function deriveKey(secretKey: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'relais', purpose, 32));
}

/** A short public fingerprint of the key: stored in the database, shown in backups; reveals nothing of the key. */
export function keyFingerprint(secretKey: string): string {
  return createHash('sha256').update(deriveKey(secretKey, 'fingerprint')).digest('hex').slice(0, 16);
}
