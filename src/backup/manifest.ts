import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DialectName } from '../db/database.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { BackupError } from './backup-error.js';

/** Bumped when the archive layout changes; restore refuses archives newer than it knows. */
export const BACKUP_FORMAT_VERSION = 1;

/** The first entry of every archive. */
export const MANIFEST_ENTRY = 'manifest.json';

/** One file of the archive, with its size (checked after extraction). */
export interface BackupEntry {
  readonly path: string;
  readonly bytes: number;
}

/** What an archive holds and where it comes from. Never the key: only its public fingerprint. */
export interface BackupManifest {
  readonly format: 'relais-backup';
  readonly formatVersion: number;
  readonly relaisVersion: string;
  readonly dialect: DialectName;
  readonly keyFingerprint: string;
  readonly createdAt: string;
  readonly contents: readonly BackupEntry[];
}

/** The database dump's name inside the archive: SQLite file or `pg_dump --format=custom` output. */
export function databaseEntry(dialect: DialectName): string {
  return dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
}

/** The running Relais version, from package.json. */
export function relaisVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Reads and checks a manifest; anything unexpected means the file is not a backup we can restore. */
export function parseManifest(text: string): BackupManifest {
  let value: Partial<BackupManifest>;
  try {
    value = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw notABackup();
  }
  if (value.format !== 'relais-backup' || typeof value.formatVersion !== 'number') throw notABackup();
  if (value.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('format_too_new', `Cette sauvegarde vient d’une version plus récente de Relais (${value.relaisVersion}) : mettez Relais à jour avant de la restaurer.`);
  }
  const wellFormed = (value.dialect === 'sqlite' || value.dialect === 'postgres')
    && typeof value.keyFingerprint === 'string' && typeof value.createdAt === 'string'
    && Array.isArray(value.contents) && value.contents.some((e) => e.path === databaseEntry(value.dialect!));
  if (!wellFormed) throw notABackup();
  return Object.freeze(value as BackupManifest);
}

function notABackup(): BackupError {
  return new BackupError('not_a_backup', 'Ce fichier n’est pas une sauvegarde Relais lisible (manifest.json absent ou invalide).');
}
