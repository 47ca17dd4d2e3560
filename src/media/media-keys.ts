import type { ImageFormat } from './media-item.js';

const EXTENSION: Readonly<Record<ImageFormat, string>> = Object.freeze({ jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' });

/** A stored object's key: `ab/<hash>.pdf`; the two-letter folder keeps folders small on disk. */
export function originalKey(hash: string, extension: string): string {
  return `${hash.slice(0, 2)}/${hash}.${extension}`;
}

/** An image rendition's key: `ab/<hash>-800.webp`. */
export function variantKey(hash: string, width: number, format: ImageFormat): string {
  return `${hash.slice(0, 2)}/${hash}-${width}.${EXTENSION[format]}`;
}

/** Keys as `originalKey` and `variantKey` write them; anything else never reaches the storage. */
export const MEDIA_KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}(?:-[1-9][0-9]{0,4})?\.[a-z0-9]{2,5}$/;

/** The image format an extension stands for, when it is one. */
export function formatOfExtension(extension: string): ImageFormat | undefined {
  return (Object.entries(EXTENSION) as [ImageFormat, string][]).find(([, ext]) => ext === extension)?.[0];
}
