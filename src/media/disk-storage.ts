import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MEDIA_KEY } from './media-keys.js';
import type { MediaStorage, StoredObject } from './media-storage.js';

/** Refuses any key that is not a content-hash name: no `..`, no absolute path reaches the disk. */
export function checkedKey(key: string): string {
  if (!MEDIA_KEY.test(key)) throw new Error(`invalid media key: ${key}`);
  return key;
}

/**
 * Media on the local disk, under `root` (`DATA_DIR/media`, which `relais backup` archives).
 * Writes go to a temporary name then are renamed, so a reader never sees half a file.
 */
export function createDiskStorage(root: string): MediaStorage {
  const pathOf = (key: string) => join(root, checkedKey(key));
  return Object.freeze({
    name: 'disk',
    async put(key: string, filePath: string) {
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true });
      const partial = `${target}.${randomBytes(6).toString('hex')}.part`;
      await copyFile(filePath, partial);
      await rename(partial, target);
    },
    async get(key: string): Promise<StoredObject | undefined> {
      const path = pathOf(key);
      try {
        const { size } = await stat(path);
        return { body: createReadStream(path), bytes: size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async has(key: string) {
      try {
        await stat(pathOf(key));
        return true;
      } catch {
        return false;
      }
    },
    async delete(key: string) {
      await rm(pathOf(key), { force: true });
    },
  });
}
