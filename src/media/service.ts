import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/database.js';
import { defineJob, type JobQueue } from '../jobs/job.js';
import { addAuditEntry } from '../audit/store.js';
import { bumpSiteVersion } from '../site/site-version.js';
import { MediaError } from './media-error.js';
import { IMAGE_MIME, type ImageFormat, type MediaItem, type MediaVariant } from './media-item.js';
import { formatOfExtension, originalKey, variantKey } from './media-keys.js';
import { readMediaLimits } from './media-limits.js';
import type { MediaStorage } from './media-storage.js';
import { checkMediaTexts, type MediaTextsInput } from './media-texts.js';
import { encodeUpload, encodeVariant, readImageHeader, VARIANT_WIDTHS } from './process-image.js';
import { receiveToFile, type ReceivedFile } from './receive-to-file.js';
import { sniffHead, sniffMediaType, type MediaType } from './sniff-media-type.js';
import {
  deleteMediaItem, findMediaByHash, findMediaItem, insertMediaItem, listMediaUses, replaceMediaFile, setMediaVariants,
  updateMediaTexts, type MediaFile, type MediaUse,
} from './store.js';

/** Makes an image's other widths and its WebP and AVIF renditions, after the upload has answered. */
export const MakeMediaVariantsJob = defineJob<{ mediaId: number }>('media.make-variants');

/** Removes a replaced file's objects a day later, so pages and feeds cached meanwhile still find them. */
export const DeleteReplacedMediaJob = defineJob<{ keys: string[] }>('media.delete-replaced');
/** How long a replaced file stays served. */
export const REPLACED_FILE_GRACE_MS = 24 * 3600 * 1000;

/** What the media service is wired with (`main.ts`). */
export interface MediaServiceDeps {
  readonly db: Db;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly storage: MediaStorage;
  /** Where uploads and renditions are written while they are worked on (`DATA_DIR/tmp`). */
  readonly tmpDir: string;
  readonly now: () => Date;
}

/**
 * A file coming in: its bytes as a stream, or already received (`receive`: an HTTP upload is
 * spooled before its form token is checked), and the name it had (for the default title only).
 */
export type MediaUpload =
  | { readonly source: Readable; readonly fileName: string }
  | { readonly received: ReceivedFile; readonly fileName: string };

/** What adding gives back: the item, and whether it is new (false: the same bytes were already there). */
export interface AddedMedia {
  readonly item: MediaItem;
  readonly created: boolean;
}

/** The media library's use cases: add, replace, retitle, delete, make renditions. */
export interface MediaService {
  /** Streams bytes to a temporary file under the size limit of their kind (the settings'); `add` and `replace` take it and remove it. */
  receive(source: Readable): Promise<ReceivedFile>;
  add(upload: MediaUpload, texts: MediaTextsInput, userId: number | null): Promise<AddedMedia>;
  replace(id: number, upload: MediaUpload, userId?: number | null): Promise<MediaItem>;
  updateTexts(id: number, texts: MediaTextsInput, userId?: number | null): Promise<MediaItem>;
  /** Refuses (`in_use`) an item still used unless `confirmed`; returns the uses it had. */
  remove(id: number, options: { confirmed: boolean; userId?: number | null }): Promise<readonly MediaUse[]>;
  makeVariants(id: number): Promise<void>;
  /** Deletes these objects unless an item stores the same bytes again (job `media.delete-replaced`). */
  deleteReplaced(keys: readonly string[]): Promise<void>;
}

/** Wires the media library to its database, job queue and storage. */
export function createMediaService(deps: MediaServiceDeps): MediaService {
  const { db, storage, tmpDir, now } = deps;

  async function receiveSource(source: Readable): Promise<ReceivedFile> {
    const limits = await readMediaLimits(db.kysely);
    return receiveToFile(source, tmpDir, (head) => {
      const verdict = sniffHead(head);
      return typeof verdict === 'object' && verdict.kind === 'image' ? limits.imageBytes : limits.documentBytes;
    });
  }

  async function receive(upload: MediaUpload): Promise<{ received: ReceivedFile; type: MediaType }> {
    const received = 'received' in upload ? upload.received : await receiveSource(upload.source);
    const limits = await readMediaLimits(db.kysely);
    try {
      const type = await sniffMediaType(received.path);
      const limit = type.kind === 'image' ? limits.imageBytes : limits.documentBytes;
      if (received.bytes > limit) throw new MediaError('too_large', 'Ce fichier dépasse la taille permise.', { status: 413 });
      return { received, type };
    } catch (error) {
      await rm(received.path, { force: true });
      throw error;
    }
  }

  /** Stores the file (an image re-encoded upright without metadata, plus its web size); removes every temporary file. */
  async function storeFile(received: ReceivedFile, type: MediaType): Promise<MediaFile> {
    const key = originalKey(received.hash, type.extension);
    const format = formatOfExtension(type.extension);
    if (type.kind === 'document' || format === undefined) {
      await storage.put(key, received.path, type.mime);
      return { ...type, hash: received.hash, storageKey: key, byteSize: received.bytes, width: null, height: null, variants: [] };
    }
    const header = await readImageHeader(received.path);
    const work = join(tmpDir, `encode-${randomBytes(8).toString('hex')}`);
    try {
      const { original, web } = await encodeUpload(received.path, format, header, tmpDir, work.slice(tmpDir.length + 1));
      await storage.put(key, original.path, type.mime);
      const variants: MediaVariant[] = [];
      if (web) {
        const webKey = variantKey(received.hash, web.width, format);
        await storage.put(webKey, web.path, type.mime);
        variants.push({ width: web.width, height: web.height, format, key: webKey, bytes: web.bytes });
      }
      return { ...type, hash: received.hash, storageKey: key, byteSize: original.bytes, width: header.width, height: header.height, variants };
    } finally {
      await Promise.all([rm(`${work}-original`, { force: true }), rm(`${work}-web`, { force: true })]);
    }
  }

  async function deleteObjects(file: Pick<MediaItem, 'storageKey' | 'variants'>): Promise<void> {
    for (const key of new Set([file.storageKey, ...file.variants.map((v) => v.key)])) await storage.delete(key);
  }

  async function requireItem(id: number): Promise<MediaItem> {
    const item = await findMediaItem(db.kysely, id);
    if (!item) throw new MediaError('not_found', 'Ce média n’existe pas (ou plus).', { status: 404 });
    return item;
  }

  async function enqueueVariants(item: Pick<MediaItem, 'id' | 'kind' | 'extension'>): Promise<void> {
    if (item.kind === 'image' && item.extension !== 'gif') await deps.jobs.enqueue(MakeMediaVariantsJob, { mediaId: item.id }, { singletonKey: `media:${item.id}` });
  }

  return {
    receive: receiveSource,

    async add(upload, input, userId) {
      const { received, type } = await receive(upload);
      try {
        const texts = checkMediaTexts(input, type.kind, upload.fileName);
        const existing = await findMediaByHash(db.kysely, received.hash);
        if (existing) return { item: existing, created: false };
        const file = await storeFile(received, type);
        let id: number;
        try {
          id = await db.kysely.transaction().execute(async (trx) => {
            const newId = await insertMediaItem(trx, file, texts, userId, now());
            await bumpSiteVersion(trx);
            await addAuditEntry(trx, { userId, action: 'media.item.added', objectType: 'media', objectId: newId, summary: texts.title }, now());
            return newId;
          });
        } catch (error) {
          // The same bytes sent twice at once: the other upload stored them first (same keys, same files).
          const winner = await findMediaByHash(db.kysely, received.hash);
          if (winner) return { item: winner, created: false };
          throw error;
        }
        const item = await requireItem(id);
        await enqueueVariants(item);
        return { item, created: true };
      } finally {
        await rm(received.path, { force: true });
      }
    },

    async replace(id, upload, userId = null) {
      const before = await requireItem(id);
      const { received, type } = await receive(upload);
      try {
        if (type.kind !== before.kind) {
          throw new MediaError('wrong_kind', before.kind === 'image' ? 'Remplacez une image par une autre image.' : 'Remplacez un document par un autre document.');
        }
        if (received.hash === before.hash) return before;
        const other = await findMediaByHash(db.kysely, received.hash);
        if (other) throw new MediaError('duplicate', `Ce fichier est déjà dans la médiathèque (n° ${other.id}, « ${other.title} »).`, { status: 409 });
        const file = await storeFile(received, type);
        await db.kysely.transaction().execute(async (trx) => {
          await replaceMediaFile(trx, id, file, now());
          await bumpSiteVersion(trx);
          await addAuditEntry(trx, { userId, action: 'media.item.replaced', objectType: 'media', objectId: id, summary: before.title }, now());
        });
        const oldKeys = [...new Set([before.storageKey, ...before.variants.map((v) => v.key)])];
        await deps.jobs.enqueue(DeleteReplacedMediaJob, { keys: oldKeys }, { runAt: new Date(now().getTime() + REPLACED_FILE_GRACE_MS) });
        const item = await requireItem(id);
        await enqueueVariants(item);
        return item;
      } finally {
        await rm(received.path, { force: true });
      }
    },

    async updateTexts(id, input, userId = null) {
      const item = await requireItem(id);
      const texts = checkMediaTexts(input, item.kind, '');
      await db.kysely.transaction().execute(async (trx) => {
        await updateMediaTexts(trx, id, texts, now());
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId, action: 'media.item.updated', objectType: 'media', objectId: id, summary: texts.title }, now());
      });
      return requireItem(id);
    },

    async remove(id, options) {
      const item = await requireItem(id);
      const uses = await listMediaUses(db.kysely, id);
      if (uses.length > 0 && !options.confirmed) {
        throw new MediaError('in_use', `Ce média est utilisé à ${uses.length} endroit${uses.length > 1 ? 's' : ''} : confirmez la suppression après avoir lu la liste.`, { status: 409 });
      }
      await db.kysely.transaction().execute(async (trx) => {
        await deleteMediaItem(trx, id);
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: options.userId ?? null, action: 'media.item.deleted', objectType: 'media', objectId: id, summary: `${item.title}${uses.length > 0 ? ` (utilisé à ${uses.length} endroit${uses.length > 1 ? 's' : ''})` : ''}` }, now());
      });
      await deleteObjects(item);
      return uses;
    },

    async deleteReplaced(keys) {
      for (const key of keys) {
        // Keys are `ab/<hash>…`: the same bytes uploaded again since then are an item's files once more.
        if (!(await findMediaByHash(db.kysely, key.slice(3, 35)))) await storage.delete(key);
      }
    },

    async makeVariants(id) {
      const item = await findMediaItem(db.kysely, id);
      const format = item ? formatOfExtension(item.extension) : undefined;
      // A GIF may be animated: an AVIF rendition would freeze it, so it keeps its web size only.
      if (!item || item.kind !== 'image' || !format || format === 'gif' || item.width === null || item.height === null) return;
      const source = await storage.get(item.storageKey);
      if (!source) return;
      await mkdir(tmpDir, { recursive: true });
      const work = join(tmpDir, `variants-${randomBytes(8).toString('hex')}`);
      const header = { width: item.width, height: item.height };
      try {
        await pipeline(source.body, createWriteStream(`${work}-source`));
        const variants = [...item.variants];
        const made: string[] = [];
        for (const target of variantTargets(format, item.width)) {
          const key = variantKey(item.hash, target.width, target.format);
          if (variants.some((v) => v.key === key)) continue;
          const encoded = await encodeVariant(`${work}-source`, format, header, target.width, target.format, `${work}-out`);
          await storage.put(key, encoded.path, IMAGE_MIME[target.format]);
          made.push(key);
          variants.push({ width: encoded.width, height: encoded.height, format: target.format, key, bytes: encoded.bytes });
        }
        if (await setMediaVariants(db.kysely, id, item.hash, variants)) {
          await db.kysely.transaction().execute((trx) => bumpSiteVersion(trx));
        } else {
          // Replaced or deleted while we worked: these renditions belong to no item.
          for (const key of made) await storage.delete(key);
        }
      } finally {
        await Promise.all([rm(`${work}-source`, { force: true }), rm(`${work}-out`, { force: true })]);
      }
    },
  };
}

/**
 * The renditions an image of `width` gets: every `srcset` width below its own (and its own when
 * it is narrower than the widest), in its format and in WebP and AVIF; the original itself
 * serves its own width in its own format.
 */
export function variantTargets(format: ImageFormat, width: number): { width: number; format: ImageFormat }[] {
  const widest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
  const widths = [...VARIANT_WIDTHS.filter((w) => w < width), ...(width <= widest ? [width] : [])];
  const formats = [...new Set<ImageFormat>([format, 'webp', 'avif'])];
  return widths.flatMap((w) => formats.map((f) => ({ width: w, format: f }))).filter((t) => !(t.format === format && t.width === width));
}
