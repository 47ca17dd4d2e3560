import type { Executor } from '../db/database.js';
import { readSettingValues } from '../site/settings-store.js';

/** Size limits per kind, in bytes. */
export interface MediaLimits {
  readonly imageBytes: number;
  readonly documentBytes: number;
}

const MB = 1024 * 1024;
/** Issue 5's defaults: 20 Mo for an image, 50 Mo for a document. */
export const DEFAULT_MEDIA_LIMITS: MediaLimits = Object.freeze({ imageBytes: 20 * MB, documentBytes: 50 * MB });

/** Settings keys, in whole megabytes. */
export const MEDIA_LIMIT_KEYS = Object.freeze({ imageBytes: 'media.max_image_mb', documentBytes: 'media.max_document_mb' });

/** The limits in force: the site's settings when set to a whole number of megabytes (1–2048), else the defaults. */
export async function readMediaLimits(db: Executor): Promise<MediaLimits> {
  const values = await readSettingValues(db, Object.values(MEDIA_LIMIT_KEYS));
  const read = (key: string, fallback: number) => {
    const raw = values.get(key);
    return raw !== undefined && /^[1-9]\d{0,3}$/.test(raw) && Number(raw) <= 2048 ? Number(raw) * MB : fallback;
  };
  return Object.freeze({
    imageBytes: read(MEDIA_LIMIT_KEYS.imageBytes, DEFAULT_MEDIA_LIMITS.imageBytes),
    documentBytes: read(MEDIA_LIMIT_KEYS.documentBytes, DEFAULT_MEDIA_LIMITS.documentBytes),
  });
}
