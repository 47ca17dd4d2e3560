import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from './database.js';

/**
 * The one place where a table definition differs between dialects: the auto-increment key.
 * SQLite wants `integer primary key autoincrement`, PostgreSQL an identity column.
 */
export function addIdColumn<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}
