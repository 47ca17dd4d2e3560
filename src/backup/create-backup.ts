import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Relais } from '../main.js';
import { keyFingerprint } from '../secrets/secret-key.js';
import { listMediaEntries, MEDIA_ENTRY, writeArchive } from './archive.js';
import { BackupError } from './backup-error.js';
import { dumpDatabase } from './dump-database.js';
import { BACKUP_FORMAT_VERSION, databaseEntry, MANIFEST_ENTRY, relaisVersion, type BackupManifest } from './manifest.js';

/**
 * Writes one `.tar.gz` holding the manifest, a consistent dump of the database and the media
 * folder, while the site keeps running. The secret key is never included, only its fingerprint.
 * The archive appears under its name only once complete.
 */
export async function createBackup(
  relais: Pick<Relais, 'config' | 'db' | 'secretKey' | 'now'>,
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<BackupManifest> {
  const target = resolve(file);
  if (!existsSync(dirname(target))) throw new BackupError('folder_missing', `Le dossier ${dirname(target)} n’existe pas.`);
  // Staged beside the archive rather than in /tmp, which is often a small in-memory disk.
  const staging = mkdtempSync(join(dirname(target), '.relais-sauvegarde-'));
  const partial = `${target}.partiel`;
  try {
    const dbEntry = databaseEntry(relais.db.dialect);
    await dumpDatabase(relais.db, join(staging, dbEntry), env);
    const mediaDir = join(relais.config.dataDir, MEDIA_ENTRY);
    const hasMedia = existsSync(mediaDir) && statSync(mediaDir).isDirectory();
    const manifest: BackupManifest = Object.freeze({
      format: 'relais-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      relaisVersion: relaisVersion(),
      dialect: relais.db.dialect,
      keyFingerprint: keyFingerprint(relais.secretKey),
      createdAt: relais.now().toISOString(),
      contents: [{ path: dbEntry, bytes: statSync(join(staging, dbEntry)).size }, ...(hasMedia ? listMediaEntries(mediaDir) : [])],
    });
    writeFileSync(join(staging, MANIFEST_ENTRY), JSON.stringify(manifest, null, 2) + '\n');
    await writeArchive(partial, staging, [MANIFEST_ENTRY, dbEntry], hasMedia ? mediaDir : undefined);
    renameSync(partial, target);
    return manifest;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
