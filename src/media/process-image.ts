import { join } from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { MediaError } from './media-error.js';
import type { ImageFormat } from './media-item.js';

/** Above this many pixels (all frames together) an image is refused before any decoding. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** The rendition made at upload: articles show it at once. */
export const WEB_WIDTH = 1200;
/** Widths of `srcset`; those under the image's own width are made by the variants job. */
export const VARIANT_WIDTHS: readonly number[] = Object.freeze([480, 800, 1200, 1600]);

/** What the header says, the width and height already turned upright. */
export interface ImageHeader {
  readonly width: number;
  readonly height: number;
  readonly pages: number;
}

/** A file written by the encoder. */
export interface EncodedImage {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

const ANIMATED: ReadonlySet<ImageFormat> = new Set(['gif', 'webp']);

/**
 * Reads only the image's header (dimensions, frames, EXIF orientation): a decompression bomb is
 * refused here, in a few milliseconds and without decoding a pixel.
 */
export async function readImageHeader(path: string): Promise<ImageHeader> {
  let meta: Metadata;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new MediaError('unreadable', 'Cette image est illisible ou abîmée ; enregistrez-la de nouveau et réessayez.', { cause: error });
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  const pages = meta.pages ?? 1;
  if (width <= 0 || height <= 0) throw new MediaError('unreadable', 'Cette image est illisible ou abîmée ; enregistrez-la de nouveau et réessayez.');
  if (width * height * pages > MAX_INPUT_PIXELS) {
    throw new MediaError('too_many_pixels', `Cette image est démesurée (${width} × ${height} pixels${pages > 1 ? `, ${pages} images` : ''}) : au plus ${MAX_INPUT_PIXELS / 1_000_000} mégapixels. Réduisez-la avant de l’envoyer.`);
  }
  // EXIF orientations 5 to 8 turn the picture a quarter (TIFF 6.0 / EXIF 2.32 "Orientation").
  const turned = (meta.orientation ?? 1) >= 5;
  return Object.freeze({ width: turned ? height : width, height: turned ? width : height, pages });
}

/** Opens an image for work: pixel limit enforced by the decoder too, upright, every frame when animated. */
function openImage(path: string, format: ImageFormat): Sharp {
  return sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, animated: ANIMATED.has(format), sequentialRead: true }).autoOrient();
}

/** Sets the output encoding. sharp writes no EXIF, XMP nor IPTC unless asked to (we never ask). */
export function encodeAs(image: Sharp, format: ImageFormat, role: 'original' | 'variant'): Sharp {
  switch (format) {
    case 'jpeg': return image.jpeg({ quality: role === 'original' ? 90 : 82, progressive: true });
    case 'png': return image.png();
    case 'webp': return image.webp({ quality: role === 'original' ? 90 : 80 });
    case 'avif': return image.avif({ quality: role === 'original' ? 70 : 55, effort: 4 });
    case 'gif': return image.gif();
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** The upright size an image of `header` gets at `width` (never enlarged). */
export function scaledSize(header: Pick<ImageHeader, 'width' | 'height'>, width: number): { width: number; height: number } {
  const w = Math.min(width, header.width);
  return { width: w, height: Math.max(1, Math.round((header.height * w) / header.width)) };
}

async function write(image: Sharp, path: string, size: { width: number; height: number }): Promise<EncodedImage> {
  try {
    const info = await image.toFile(path);
    return Object.freeze({ path, width: size.width, height: size.height, bytes: info.size });
  } catch (error) {
    throw new MediaError('unreadable', 'Cette image n’a pas pu être lue jusqu’au bout ; enregistrez-la de nouveau et réessayez.', { cause: error });
  }
}

/**
 * The upload's own work, from one decoding: the original re-encoded upright with no metadata,
 * and the web-size rendition (none when the image is no wider than it).
 */
export async function encodeUpload(input: string, format: ImageFormat, header: ImageHeader, outDir: string, name: string): Promise<{ original: EncodedImage; web: EncodedImage | undefined }> {
  const base = openImage(input, format);
  const original = write(encodeAs(base.clone(), format, 'original'), join(outDir, `${name}-original`), header);
  if (header.width <= WEB_WIDTH) return { original: await original, web: undefined };
  const size = scaledSize(header, WEB_WIDTH);
  const web = write(encodeAs(base.clone().resize({ width: size.width }), format, 'variant'), join(outDir, `${name}-web`), size);
  const [a, b] = await Promise.all([original, web]);
  return { original: a, web: b };
}

/** One rendition of a stored (already clean and upright) image. */
export async function encodeVariant(input: string, sourceFormat: ImageFormat, header: Pick<ImageHeader, 'width' | 'height'>, width: number, format: ImageFormat, outPath: string): Promise<EncodedImage> {
  const size = scaledSize(header, width);
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: ANIMATED.has(sourceFormat), sequentialRead: true });
  return write(encodeAs(size.width < header.width ? image.resize({ width: size.width }) : image, format, 'variant'), outPath, size);
}
