import type { Executor } from '../db/database.js';
import { findMediaRefs } from './find-media-refs.js';
import type { MediaItem } from './media-item.js';
import { findMediaItems } from './store.js';

/**
 * In one query, the media items that texts point to (`<imgN>`, `<docN>`, `<embN>`) and the given
 * illustration ids, by id: what a page needs before it renders.
 */
export async function loadMediaFor(db: Executor, texts: readonly string[], ids: readonly (number | null)[] = []): Promise<Map<number, MediaItem>> {
  const wanted = new Set<number>(texts.flatMap((text) => findMediaRefs(text)));
  for (const id of ids) if (id !== null) wanted.add(id);
  const items = await findMediaItems(db, [...wanted]);
  return new Map(items.map((item) => [item.id, item]));
}
