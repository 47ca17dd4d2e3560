import { createReadStream, createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { BackupError } from './backup-error.js';
import { MANIFEST_ENTRY, type BackupEntry } from './manifest.js';

/** The media folder's name inside the archive (and inside the data folder). */
export const MEDIA_ENTRY = 'media';

/**
 * Writes the tar.gz: the files of `stagingDir` named in `entries` (manifest first, so restore
 * reads it without unpacking the rest), then the media folder straight from the data folder,
 * without copying it. Owner-only rights: the archive holds password hashes.
 */
export async function writeArchive(file: string, stagingDir: string, entries: readonly string[], mediaDir: string | undefined): Promise<void> {
  const pack = tar.create({
    cwd: stagingDir,
    gzip: true,
    portable: true,
    // Only plain files and folders: a symbolic link in media could point anywhere.
    filter: (_path, stat) => ('isFile' in stat ? stat.isFile() || stat.isDirectory() : true),
    onWriteEntry: (entry) => {
      if (mediaDir === undefined || (entry.absolute !== mediaDir && !entry.absolute.startsWith(mediaDir + sep))) return;
      const inside = relative(mediaDir, entry.absolute);
      entry.path = [MEDIA_ENTRY, inside].filter((p) => p !== '').join('/') + (entry.type === 'Directory' ? '/' : '');
    },
  }, mediaDir === undefined ? [...entries] : [...entries, mediaDir]);
  await pipeline(pack, createWriteStream(file, { mode: 0o600 }));
}

/** Lists the plain files under the media folder as archive entries (`media/…`) with their sizes. */
export function listMediaEntries(mediaDir: string, prefix = MEDIA_ENTRY): BackupEntry[] {
  if (!existsSync(mediaDir)) return [];
  return readdirSync(mediaDir, { withFileTypes: true }).flatMap((item) => {
    const path = join(mediaDir, item.name);
    if (item.isDirectory()) return listMediaEntries(path, `${prefix}/${item.name}`);
    return item.isFile() ? [{ path: `${prefix}/${item.name}`, bytes: statSync(path).size }] : [];
  });
}

/** Reads `manifest.json` from an archive without unpacking anything to disk. */
export async function readArchiveManifest(file: string): Promise<string> {
  if (!existsSync(file)) throw new BackupError('archive_missing', `Fichier introuvable : ${file}`);
  return new Promise<string>((resolve, reject) => {
    const input = createReadStream(file);
    const notABackup = () => {
      input.destroy();
      reject(new BackupError('not_a_backup', `« ${file} » n’est pas une sauvegarde Relais (archive .tar.gz illisible ou sans manifest.json).`));
    };
    const parser = new tar.Parser({
      strict: true,
      onReadEntry: (entry) => {
        if (entry.path !== MANIFEST_ENTRY) return notABackup();
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => {
          resolve(Buffer.concat(chunks).toString('utf8'));
          input.destroy();
        });
      },
    });
    parser.on('error', notABackup);
    parser.on('end', notABackup);
    input.on('error', reject);
    input.pipe(parser);
  });
}

/**
 * Unpacks the archive into `dir`: only the manifest, the database dump and plain files and
 * folders under `media/`; anything else in the archive is ignored.
 */
export async function extractArchive(file: string, dir: string, databaseEntry: string): Promise<void> {
  await tar.extract({
    file,
    cwd: dir,
    strict: true,
    preserveOwner: false,
    filter: (path, entry) => {
      const type = 'type' in entry ? entry.type : undefined;
      if (path === MANIFEST_ENTRY || path === databaseEntry) return type === 'File';
      return (path === `${MEDIA_ENTRY}/` || path.startsWith(`${MEDIA_ENTRY}/`)) && (type === 'File' || type === 'Directory');
    },
  });
}
