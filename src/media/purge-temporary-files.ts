import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { defineJob } from '../jobs/job.js';

/** Removes what a crashed upload left in `DATA_DIR/tmp` (the normal path removes its own files at once). */
export const PurgeMediaTemporaryFilesJob = defineJob<Record<string, never>>('media.purge-temporary-files');
/** Every six hours. */
export const PURGE_MEDIA_TEMPORARY_FILES_INTERVAL_SECONDS = 6 * 3600;

/** Older than a day, a temporary file belongs to no upload still running (none lasts that long). */
const STALE_MS = 24 * 3600 * 1000;
const OURS = /^(?:upload|encode|variants)-[0-9a-f]+/;

/** Deletes the media library's temporary files older than a day; returns how many. */
export async function purgeMediaTemporaryFiles(tmpDir: string, now: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmpDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => OURS.test(n))) {
    const path = join(tmpDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now.getTime() - info.mtimeMs > STALE_MS) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
