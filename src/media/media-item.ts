import type { MediaKind } from '../db/schema.js';

export type { MediaKind };

/** The encodings a stored image file can have. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

/** One stored rendition of an image: a width in one format, under its own content-hash key. */
export interface MediaVariant {
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  readonly key: string;
  readonly bytes: number;
}

/** The file part of an item, set at upload and by a replacement. */
export interface MediaFile {
  readonly kind: MediaKind;
  readonly mime: string;
  readonly extension: string;
  readonly hash: string;
  /** The stored file: for an image, re-encoded upright with no EXIF, XMP or IPTC left. */
  readonly storageKey: string;
  readonly byteSize: number;
  readonly width: number | null;
  readonly height: number | null;
  /** Renditions made so far: the web size at upload, the other widths and formats by a job. */
  readonly variants: readonly MediaVariant[];
}

/** The texts of an item an editor changes. */
export interface MediaTexts {
  readonly title: string;
  /** The text alternative; '' when decorative (and for documents). */
  readonly alt: string;
  readonly decorative: boolean;
  readonly caption: string;
  readonly credit: string;
}

/** A media-library item as the rest of Relais sees it: its file and texts, who added it and when. */
export interface MediaItem extends MediaFile, MediaTexts {
  readonly id: number;
  readonly createdBy: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Its alternative is still to be written or checked by a person (an image brought in by the SPIP import). */
  readonly needsReview: boolean;
}

/** Where the site serves a stored object: content-hash keys, so the address never changes meaning. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

/** The MIME type of each image format. */
export const IMAGE_MIME: Readonly<Record<ImageFormat, string>> = Object.freeze({
  jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
});
