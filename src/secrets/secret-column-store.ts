import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { SecretColumn } from './secret-columns.js';

/** One stored encrypted value and the id of its row. */
export interface StoredSecret {
  readonly id: string | number;
  readonly value: string;
}

/** Every non-null value of a registered secret column. */
export async function listStoredSecrets(db: Executor, { table, idColumn, column }: SecretColumn): Promise<StoredSecret[]> {
  const { rows } = await sql<StoredSecret>`
    select ${sql.ref(idColumn)} as id, ${sql.ref(column)} as value
    from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(db);
  return rows;
}

/** Replaces one stored encrypted value. */
export async function updateStoredSecret(db: Executor, { table, idColumn, column }: SecretColumn, id: string | number, value: string): Promise<void> {
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where ${sql.ref(idColumn)} = ${id}`.execute(db);
}
