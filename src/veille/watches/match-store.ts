import type { Executor } from '../../db/database.js';
import type { RecordedMatch } from './match-notifier.js';

/** What matching reads of a stored item and its source. */
export interface ItemToMatch {
  readonly id: number;
  readonly title: string;
  readonly plainText: string;
  readonly author: string | null;
  readonly link: string | null;
  readonly language: string | null;
  readonly groupId: number | null;
  readonly sourceId: number;
  readonly sourceTitle: string;
  readonly sourceKind: string;
}

function itemsWithSource(db: Executor) {
  return db.selectFrom('veille_items as i').innerJoin('veille_sources as s', 's.id', 'i.source_id')
    .select(['i.id', 'i.title', 'i.plain_text', 'i.author', 'i.link', 'i.language', 'i.group_id', 'i.source_id', 's.title as source_title', 's.url as source_url', 's.kind']);
}

type ItemWithSourceRow = Awaited<ReturnType<ReturnType<typeof itemsWithSource>['execute']>>[number];

function toItemToMatch(r: ItemWithSourceRow): ItemToMatch {
  return {
    id: r.id, title: r.title, plainText: r.plain_text, author: r.author, link: r.link, language: r.language,
    groupId: r.group_id, sourceId: r.source_id, sourceTitle: r.source_title || r.source_url, sourceKind: r.kind,
  };
}

/** The given items with their sources (those deleted meanwhile are left out). */
export async function loadItemsToMatch(db: Executor, itemIds: readonly number[]): Promise<ItemToMatch[]> {
  if (itemIds.length === 0) return [];
  const rows = await itemsWithSource(db).where('i.id', 'in', itemIds).orderBy('i.id').execute();
  return rows.map(toItemToMatch);
}

/** Up to `limit` stored items older (by id) than `beforeId`, newest first: one page of the archive for back-fill. */
export async function readArchivePage(db: Executor, beforeId: number | undefined, limit: number): Promise<ItemToMatch[]> {
  let query = itemsWithSource(db).orderBy('i.id', 'desc').limit(limit);
  if (beforeId !== undefined) query = query.where('i.id', '<', beforeId);
  return (await query.execute()).map(toItemToMatch);
}

/** A (watch, item) pair to record, with the item's story group. */
export interface MatchToRecord {
  readonly watchId: number;
  readonly itemId: number;
  readonly groupId: number | null;
}

/**
 * Records matches in state `new`, once per (watch, item): pairs already recorded are left as they
 * are. Returns those actually inserted.
 */
export async function insertMatches(db: Executor, matches: readonly MatchToRecord[], backfilled: boolean, now: Date): Promise<RecordedMatch[]> {
  if (matches.length === 0) return [];
  const matchedAt = now.toISOString();
  const groups = new Map(matches.map((m) => [`${m.watchId}:${m.itemId}`, m.groupId]));
  const inserted: RecordedMatch[] = [];
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let start = 0; start < matches.length; start += 500) {
    const rows = await db.insertInto('veille_matches')
      .values(matches.slice(start, start + 500).map((m) => ({ watch_id: m.watchId, item_id: m.itemId, state: 'new' as const, matched_at: matchedAt, backfilled: backfilled ? 1 : 0 })))
      .onConflict((oc) => oc.columns(['watch_id', 'item_id']).doNothing())
      .returning(['id', 'watch_id', 'item_id']).execute();
    for (const r of rows) inserted.push({ matchId: r.id, watchId: r.watch_id, itemId: r.item_id, groupId: groups.get(`${r.watch_id}:${r.item_id}`) ?? null, matchedAt });
  }
  return inserted.sort((a, b) => a.matchId - b.matchId);
}

/**
 * Before a watch's query or scope changes is matched again over the archive: drops its matches
 * nobody has touched yet (still new, unassigned, without notes). Triaged ones stay.
 */
export async function deleteUntouchedMatches(db: Executor, watchId: number): Promise<number> {
  const result = await db.deleteFrom('veille_matches')
    .where('watch_id', '=', watchId).where('state', '=', 'new').where('assignee_id', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('veille_match_notes as n').select('n.id')
      .whereRef('n.watch_id', '=', 'veille_matches.watch_id').whereRef('n.item_id', '=', 'veille_matches.item_id'))))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
