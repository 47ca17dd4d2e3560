import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { sqliteFileIn } from '../db/open-database.js';
import { MEDIA_ENTRY } from './archive.js';
import { BackupError } from './backup-error.js';

/**
 * Refuses to restore over an existing site (unless forced): on SQLite the data folder must hold
 * no database, on PostgreSQL the database must hold no table; the media folder must be empty.
 */
export async function assertEmptyTarget(config: Pick<Config, 'dataDir' | 'databaseUrl'>, force: boolean): Promise<void> {
  if (force) return;
  const forceHint = 'Restaurez dans un emplacement vide, ou ajoutez --force pour écraser (le contenu actuel sera perdu).';
  if (config.databaseUrl === undefined) {
    const file = sqliteFileIn(config.dataDir);
    if (existsSync(file) || existsSync(`${file}-wal`)) {
      throw new BackupError('target_not_empty', `Le dossier de données ${config.dataDir} contient déjà une base (${file}). ${forceHint}`);
    }
  } else {
    const tables = await countPostgresTables(config.databaseUrl);
    if (tables > 0) {
      throw new BackupError('target_not_empty', `La base PostgreSQL de DATABASE_URL contient déjà ${tables} table(s). ${forceHint}`);
    }
  }
  const media = join(config.dataDir, MEDIA_ENTRY);
  if (existsSync(media) && readdirSync(media).length > 0) {
    throw new BackupError('target_not_empty', `Le dossier ${media} n’est pas vide. ${forceHint}`);
  }
}

async function countPostgresTables(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (cause) {
    throw new BackupError('target_unreachable', `Connexion impossible à la base de DATABASE_URL (${(cause as Error).message}). Créez d’abord une base vide (createdb) et vérifiez l’adresse.`, { cause });
  }
  try {
    const { rows } = await client.query<{ count: string }>(
      `select count(*) as count from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
