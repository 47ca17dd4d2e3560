import { AppError } from '../../errors.js';
import { decryptSecret } from '../../secrets/cipher.js';
import type { Keyring } from '../../secrets/keyring.js';
import type { AdapterState } from '../adapters/source-adapter.js';
import type { SourceRow } from './store.js';

/** A social source's stored configuration cannot be used: a French message, the fields' reasons as detail. */
export class InvalidSourceConfigError extends AppError {
  override readonly name = 'InvalidSourceConfigError';
  constructor(readonly detail: string) {
    super('veille.source_config_invalid', 400, 'La configuration de cette source n’est plus valide : supprimez-la et ajoutez-la à nouveau.');
  }
}

/**
 * What an adapter's `validate` takes for a stored source: its config JSON with the access token
 * decrypted into `token` (the token lives encrypted in its own column, never in the JSON). Throws
 * `InvalidSourceConfigError` when the JSON is unreadable or the token cannot be decrypted here.
 */
export function readAdapterInput(source: Pick<SourceRow, 'config' | 'access_token'>, keyring: Keyring | undefined): Record<string, unknown> {
  const config = parseJsonObject(source.config);
  if (config === undefined) throw new InvalidSourceConfigError(`config illisible (${(source.config ?? 'null').length} caractères)`);
  if (source.access_token === null) return config;
  if (keyring === undefined) throw new InvalidSourceConfigError('jeton d’accès présent mais aucune clé secrète fournie au relevé');
  return { ...config, token: decryptSecret(source.access_token, keyring) };
}

/** A source's stored adapter state; empty (start afresh) when absent or unreadable. */
export function readAdapterState(raw: string | null): AdapterState {
  const object = parseJsonObject(raw) ?? {};
  return Object.freeze(Object.fromEntries(Object.entries(object).filter((pair): pair is [string, string] => typeof pair[1] === 'string')));
}

function parseJsonObject(raw: string | null): Record<string, unknown> | undefined {
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
