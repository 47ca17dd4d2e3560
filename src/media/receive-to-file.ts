import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MediaError } from './media-error.js';

/** A received file, on disk in the temporary folder; the caller removes it. */
export interface ReceivedFile {
  readonly path: string;
  readonly bytes: number;
  /** SHA-256 of the bytes, hex, first 32 digits: the item's content hash. */
  readonly hash: string;
}

/** Bytes looked at before the size limit is chosen (enough for every signature the limit depends on). */
const HEAD_BYTES = 16;

/** "20 Mo", as limits are shown. */
export function formatLimit(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('fr-FR')} Mo`;
}

/**
 * Streams `source` into a new file under `tmpDir`, hashing it on the way, never holding it whole in
 * memory. The size limit is chosen from the first bytes (`limitFor`: images and documents have
 * their own) and enforced while the bytes flow: past it the stream is cut, the partial file
 * removed, and a `MediaError` (`too_large`) thrown.
 */
export async function receiveToFile(source: Readable, tmpDir: string, limitFor: (head: Buffer) => number): Promise<ReceivedFile> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `upload-${randomBytes(12).toString('hex')}`);
  const hash = createHash('sha256');
  let bytes = 0;
  let limit = Infinity;
  let head: Buffer | undefined = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head !== undefined) {
        head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES)]);
        if (head.length >= HEAD_BYTES) {
          limit = limitFor(head);
          head = undefined;
        }
      }
      bytes += chunk.length;
      if (bytes > limit) return done(new MediaError('too_large', `Ce fichier dépasse la taille permise (${formatLimit(limit)}).`, { status: 413 }));
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      if (head !== undefined && head.length > 0 && bytes > limitFor(head)) {
        return done(new MediaError('too_large', `Ce fichier dépasse la taille permise (${formatLimit(limitFor(head))}).`, { status: 413 }));
      }
      done();
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof MediaError) throw error;
    throw new MediaError('unreadable', 'Le fichier n’a pas pu être reçu en entier ; réessayez.', { cause: error });
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw new MediaError('empty', 'Le fichier envoyé est vide.');
  }
  return Object.freeze({ path, bytes, hash: hash.digest('hex').slice(0, 32) });
}
