import { join } from 'node:path';
import type { Config } from '../config.js';
import { createDiskStorage } from './disk-storage.js';
import type { MediaStorage } from './media-storage.js';
import { createS3Storage } from './s3-storage.js';

/** The storage the configuration asks for: S3-compatible when `S3_URL` is set, else `DATA_DIR/media`. */
export function createMediaStorage(config: Pick<Config, 'dataDir' | 's3'>): MediaStorage {
  return config.s3 ? createS3Storage(config.s3) : createDiskStorage(join(config.dataDir, 'media'));
}
