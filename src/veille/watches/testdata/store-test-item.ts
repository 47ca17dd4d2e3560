import type { Db } from '../../../db/database.js';
import { storeItem } from '../../items/store-item.js';
import { normalizeItem } from '../../normalize/normalize-item.js';
import { addSource } from '../../sources/store.js';

/** Adds a feed source at this address for tests; returns its id. */
export async function addTestSource(db: Db, url: string, now = new Date('2026-11-01T00:00:00Z')): Promise<number> {
  return (await addSource(db.kysely, { url, kind: 'feed', title: new URL(url).hostname }, now))!.id;
}

/** Stores one item of a source as polling would; returns its id. */
export async function storeTestItem(
  db: Db, sourceId: number, item: { guid: string; title: string; text?: string; link?: string; author?: string; at?: string },
): Promise<number> {
  const at = new Date(item.at ?? '2026-11-20T10:00:00Z');
  const normalized = normalizeItem(
    { id: item.guid, title: item.title, link: item.link ?? `https://exemple.fr/${item.guid}`, content: item.text ?? '', published: at.toISOString(), ...(item.author ? { author: item.author } : {}) },
    { id: String(sourceId) }, { now: at },
  );
  let id: number | undefined;
  await db.kysely.transaction().execute((trx) => storeItem(trx, db.dialect, sourceId, normalized, at, (newId) => { id = newId; }));
  if (id === undefined) throw new Error(`item ${item.guid} was not new`);
  return id;
}
