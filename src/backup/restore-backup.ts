import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { sqliteFileIn } from '../db/open-database.js';
import { createLogger } from '../logger.js';
import { openRelais } from '../main.js';
import { findSecretKey, keyFingerprint, secretKeyFile } from '../secrets/secret-key.js';
import { extractArchive, MEDIA_ENTRY, readArchiveManifest } from './archive.js';
import { BackupError } from './backup-error.js';
import { databaseEntry, parseManifest, type BackupManifest } from './manifest.js';
import { runPgTool } from './pg-tool.js';
import { assertEmptyTarget } from './restore-target.js';
import { wipePostgresDatabase } from './wipe-postgres-database.js';

/** How to restore: `force` overwrites an existing site; `env` is passed to `pg_restore`. */
export interface RestoreOptions {
  readonly force: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Restores an archive written by `createBackup` into this configuration's (empty) storage, then
 * opens Relais once so migrations bring the schema up to date. Every check — archive, dialect,
 * key, empty target — runs before anything is written.
 */
export async function restoreBackup(config: Config, file: string, options: RestoreOptions): Promise<BackupManifest> {
  const manifest = parseManifest(await readArchiveManifest(file));
  assertSameDialect(config, manifest);
  assertKeyMatches(config, manifest);
  await assertEmptyTarget(config, options.force);

  mkdirSync(config.dataDir, { recursive: true });
  // Unpacked inside the data folder so the final moves are renames on the same disk.
  const staging = mkdtempSync(join(config.dataDir, '.restauration-'));
  try {
    await extractArchive(file, staging, databaseEntry(manifest.dialect));
    assertComplete(staging, manifest);
    const dump = join(staging, databaseEntry(manifest.dialect));
    if (config.databaseUrl !== undefined) {
      if (options.force) await wipePostgresDatabase(config.databaseUrl);
      await runPgTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', dump], config.databaseUrl, options.env);
    } else {
      const target = sqliteFileIn(config.dataDir);
      for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
      renameSync(dump, target);
    }
    if (existsSync(join(staging, MEDIA_ENTRY))) {
      rmSync(join(config.dataDir, MEDIA_ENTRY), { recursive: true, force: true });
      renameSync(join(staging, MEDIA_ENTRY), join(config.dataDir, MEDIA_ENTRY));
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const relais = await openRelais(config, { logger: createLogger({ level: options.env.LOG_LEVEL ?? 'warn' }) });
  await relais.close();
  return manifest;
}

function assertSameDialect(config: Pick<Config, 'databaseUrl'>, manifest: BackupManifest): void {
  const dialect = config.databaseUrl === undefined ? 'sqlite' : 'postgres';
  if (dialect === manifest.dialect) return;
  throw new BackupError('dialect_mismatch', manifest.dialect === 'sqlite'
    ? 'Cette sauvegarde vient d’une installation SQLite : elle ne se restaure que sur SQLite. Retirez DATABASE_URL et indiquez le dossier de données (DATA_DIR).'
    : 'Cette sauvegarde vient d’une installation PostgreSQL : elle ne se restaure que sur PostgreSQL. Indiquez une base vide dans DATABASE_URL.');
}

function assertKeyMatches(config: Pick<Config, 'secretKey' | 'dataDir'>, manifest: BackupManifest): void {
  const key = findSecretKey(config);
  if (key === undefined) {
    throw new BackupError('key_missing',
      `Aucune clé secrète : copiez le fichier secret.key d’origine en ${secretKeyFile(config.dataDir)} ` +
      'ou définissez SECRET_KEY, puis relancez la restauration. La clé n’est jamais dans la sauvegarde.');
  }
  const actual = keyFingerprint(key);
  if (actual !== manifest.keyFingerprint) {
    throw new BackupError('key_mismatch',
      `La clé secrète actuelle (empreinte ${actual}) n’est pas celle de la sauvegarde (empreinte ${manifest.keyFingerprint}). ` +
      'Mettez la clé d’origine dans SECRET_KEY ou dans secret.key du dossier de données. Rien n’a été modifié.');
  }
}

function assertComplete(staging: string, manifest: BackupManifest): void {
  for (const entry of manifest.contents) {
    const path = join(staging, entry.path);
    if (!existsSync(path) || statSync(path).size !== entry.bytes) {
      throw new BackupError('archive_damaged', `Sauvegarde incomplète ou abîmée : ${entry.path} manque ou n’a pas la bonne taille. Rien n’a été modifié.`);
    }
  }
}
