import type { Readable } from 'node:stream';

/** An object read back from the storage. */
export interface StoredObject {
  readonly body: Readable;
  readonly bytes: number;
}

/**
 * Where media files live, behind one interface: the local disk under `DATA_DIR/media` by default,
 * S3-compatible object storage when `S3_URL` is set (several web processes then share the files).
 * Keys are content-hash names (`src/media/media-keys.ts`), so an object is never rewritten.
 */
export interface MediaStorage {
  /** `disk` or `s3`, for messages and the benchmark. */
  readonly name: string;
  /** Stores the file at `filePath` under `key` (the file itself is left where it is). */
  put(key: string, filePath: string, contentType: string): Promise<void>;
  /** The object, or undefined when there is none. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Whether the object exists. */
  has(key: string): Promise<boolean>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
}
