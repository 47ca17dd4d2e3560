import type { Executor } from '../db/database.js';
import { decryptSecret, encryptSecret } from './cipher.js';
import { recordKeyFingerprint } from './key-check.js';
import { createKeyring } from './keyring.js';
import type { SecretColumn } from './secret-columns.js';
import { listStoredSecrets, updateStoredSecret } from './secret-column-store.js';

/** What a rotation did, per column (`table.column`: number of values re-encrypted). */
export type RotationReport = Readonly<Record<string, number>>;

/**
 * Re-encrypts every secret of `columns` from `oldKey` to `newKey` and records the new key's
 * fingerprint, all in one transaction: either the database is wholly under the new key, or
 * nothing changed. A value that neither key opens aborts the rotation.
 */
export async function rotateSecretKey(
  db: Executor,
  keys: { readonly oldKey: string; readonly newKey: string },
  columns: readonly SecretColumn[],
): Promise<RotationReport> {
  const keyring = createKeyring(keys.newKey, keys.oldKey);
  return db.transaction().execute(async (trx) => {
    const report: Record<string, number> = {};
    for (const column of columns) {
      const stored = await listStoredSecrets(trx, column);
      for (const { id, value } of stored) {
        await updateStoredSecret(trx, column, id, encryptSecret(decryptSecret(value, keyring), keyring));
      }
      report[`${column.table}.${column.column}`] = stored.length;
    }
    await recordKeyFingerprint(trx, keys.newKey);
    return Object.freeze(report);
  });
}
