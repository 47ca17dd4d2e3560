import type { VeilleSourceKind } from '../../db/schema.js';

/** Each kind of source as the sources screen and the CLI name it, in French. */
export const SOURCE_KIND_LABELS: Readonly<Record<VeilleSourceKind, string>> = Object.freeze({
  feed: 'Flux RSS / Atom',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  youtube: 'Chaîne YouTube',
});
