import type { Generated } from 'kysely';

// The media library's tables (migration 008), part of `Database` in schema.ts.

export type MediaKind = 'image' | 'document';

/** A media-library item (migration 008), stored once by the hash of the uploaded bytes. */
export interface MediaItemsTable {
  id: Generated<number>;
  kind: MediaKind;
  /** Decided from the bytes, never from the name or the declared type. */
  mime: string;
  extension: string;
  /** SHA-256 of the uploaded bytes (hex, 32 digits); also names the stored objects. */
  hash: string;
  /** The stored file (for images, re-encoded upright without any metadata). */
  storage_key: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  /** JSON array of `MediaVariant` (`src/media/media-item.ts`). */
  variants: string;
  title: string;
  /** The text alternative; '' for a decorative image or a document. */
  alt: string;
  /** 1: explicitly decorative (RGAA 1.2), drawn with `alt=""`. */
  decorative: number;
  caption: string;
  credit: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** 1: its text alternative is still to be written by a person (an imported SPIP image had none; migration 012). */
  needs_review: Generated<number>;
}

/** One place a media item is used (migration 008), e.g. `article` 12, role `body` or `logo`. */
export interface MediaUsesTable {
  media_id: number;
  object_type: string;
  object_id: number;
  role: string;
}
