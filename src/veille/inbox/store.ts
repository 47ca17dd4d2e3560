import type { Executor } from '../../db/database.js';
import type { VeilleMatchState } from '../../db/schema.js';
import { ITEM_SUMMARY_COLUMNS, toItemSummary, type ItemSummary } from '../items/item-summary.js';

/** The triage states, in the inbox's order. */
export const MATCH_STATES: readonly VeilleMatchState[] = Object.freeze(['new', 'to_handle', 'handled', 'ignored']);

/** Which matches an inbox page shows: one watch or all, one state or the open ones (new and to handle). */
export interface InboxFilter {
  readonly watchId?: number;
  readonly state?: VeilleMatchState | 'open' | 'all';
  readonly assigneeId?: number;
  /** Only matches recorded after this match id (the live arrival). */
  readonly afterMatchId?: number;
  /** Only this match. */
  readonly matchId?: number;
  /**
   * One row per story and state in each watch: a match is left out when a newer telling of its
   * story (same group) is in the same watch and state. `expandToStories` gives an action the rest.
   */
  readonly oneRowPerStory?: boolean;
}

/** One line of the inbox: a watch's match with its item, source, story size and triage. */
export interface InboxEntry extends ItemSummary {
  readonly matchId: number;
  readonly watchId: number;
  readonly watchName: string;
  readonly watchQuery: string;
  readonly sourceKind: string;
  /** The story group (`veille_groups.id`), null when the item has none. */
  readonly groupId: number | null;
  readonly state: VeilleMatchState;
  readonly assigneeId: number | null;
  readonly assigneeName: string | null;
  readonly matchedAt: string;
  readonly backfilled: boolean;
  readonly noteCount: number;
}

function filtered(db: Executor, filter: InboxFilter) {
  let query = db.selectFrom('veille_matches as m');
  if (filter.watchId !== undefined) query = query.where('m.watch_id', '=', filter.watchId);
  if (filter.state === 'open') query = query.where('m.state', 'in', ['new', 'to_handle']);
  else if (filter.state !== undefined && filter.state !== 'all') query = query.where('m.state', '=', filter.state);
  if (filter.assigneeId !== undefined) query = query.where('m.assignee_id', '=', filter.assigneeId);
  if (filter.afterMatchId !== undefined) query = query.where('m.id', '>', filter.afterMatchId);
  if (filter.matchId !== undefined) query = query.where('m.id', '=', filter.matchId);
  if (filter.oneRowPerStory) {
    query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('veille_matches as m2')
      .innerJoin('veille_items as i2', 'i2.id', 'm2.item_id')
      .select('m2.id')
      .whereRef('m2.watch_id', '=', 'm.watch_id').whereRef('m2.state', '=', 'm.state').whereRef('m2.item_id', '>', 'm.item_id')
      .where('i2.group_id', '=', eb.selectFrom('veille_items as i1').select('i1.group_id').whereRef('i1.id', '=', 'm.item_id')))));
  }
  return query;
}

/** A page of the inbox, newest item first. */
export async function listInbox(db: Executor, filter: InboxFilter, limit: number, offset = 0): Promise<InboxEntry[]> {
  const rows = await filtered(db, filter)
    .innerJoin('veille_watches as w', 'w.id', 'm.watch_id')
    .innerJoin('veille_items as i', 'i.id', 'm.item_id')
    .innerJoin('veille_sources as s', 's.id', 'i.source_id')
    .leftJoin('veille_groups as g', 'g.id', 'i.group_id')
    .leftJoin('users as u', 'u.id', 'm.assignee_id')
    .select((eb) => [
      'm.id as match_id', 'm.watch_id', 'w.name as watch_name', 'w.query as watch_query', 'm.item_id', ...ITEM_SUMMARY_COLUMNS,
      's.kind as source_kind', 'i.group_id', 'm.state', 'm.assignee_id', 'u.name as assignee_name', 'm.matched_at', 'm.backfilled',
      eb.selectFrom('veille_match_notes as n').select(eb.fn.countAll<number | string>().as('c'))
        .whereRef('n.watch_id', '=', 'm.watch_id').whereRef('n.item_id', '=', 'm.item_id').as('note_count'),
    ])
    .orderBy('m.item_id', 'desc').orderBy('m.watch_id').limit(limit).offset(offset).execute();
  return rows.map((r) => Object.freeze({
    matchId: r.match_id, watchId: r.watch_id, watchName: r.watch_name, watchQuery: r.watch_query, ...toItemSummary(r.item_id, r),
    sourceKind: r.source_kind, groupId: r.group_id, state: r.state, assigneeId: r.assignee_id, assigneeName: r.assignee_name, matchedAt: r.matched_at, backfilled: r.backfilled !== 0,
    noteCount: Number(r.note_count ?? 0),
  }));
}

/** How many matches are in each state (with the filter's watch and assignee, whatever its state). */
export async function countInboxStates(db: Executor, filter: Omit<InboxFilter, 'state'>): Promise<Record<VeilleMatchState, number>> {
  const rows = await filtered(db, filter).select((eb) => ['m.state', eb.fn.countAll<number | string>().as('count')]).groupBy('m.state').execute();
  const counts: Record<VeilleMatchState, number> = { new: 0, to_handle: 0, handled: 0, ignored: 0 };
  for (const r of rows) counts[r.state] = Number(r.count);
  return counts;
}

/** How many matches the filter selects, and the highest match id among them (0: none). */
export async function countMatchesAfter(db: Executor, filter: InboxFilter): Promise<{ count: number; lastMatchId: number }> {
  const row = await filtered(db, filter)
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('m.id').as('last')]).executeTakeFirstOrThrow();
  return { count: Number(row.count), lastMatchId: Number(row.last ?? 0) };
}

/** The highest match id recorded so far (0: none): the live inbox's starting point. */
export async function latestMatchId(db: Executor): Promise<number> {
  const row = await db.selectFrom('veille_matches').select((eb) => eb.fn.max('id').as('last')).executeTakeFirstOrThrow();
  return Number(row.last ?? 0);
}

/**
 * The matches with every other telling of their story in the same watch and state: what a row of
 * the one-row-per-story inbox stands for.
 */
export async function expandToStories(db: Executor, matchIds: readonly number[]): Promise<number[]> {
  if (matchIds.length === 0) return [];
  const rows = await db.selectFrom('veille_matches as m')
    .innerJoin('veille_items as i', 'i.id', 'm.item_id')
    .innerJoin('veille_items as i2', 'i2.group_id', 'i.group_id')
    .innerJoin('veille_matches as m2', (join) => join.onRef('m2.item_id', '=', 'i2.id').onRef('m2.watch_id', '=', 'm.watch_id').onRef('m2.state', '=', 'm.state'))
    .select('m2.id').distinct().where('m.id', 'in', matchIds).execute();
  return [...new Set([...matchIds, ...rows.map((r) => r.id)])].sort((a, b) => a - b);
}

/** Moves matches to a triage state; returns how many changed. */
export async function setMatchesState(db: Executor, matchIds: readonly number[], state: VeilleMatchState, now: Date): Promise<number> {
  if (matchIds.length === 0) return 0;
  const result = await db.updateTable('veille_matches').set({ state, state_changed_at: now.toISOString() })
    .where('id', 'in', matchIds).where('state', '!=', state).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Gives matches to someone (null: to nobody); returns how many rows it touched. */
export async function assignMatches(db: Executor, matchIds: readonly number[], assigneeId: number | null): Promise<number> {
  if (matchIds.length === 0) return 0;
  const result = await db.updateTable('veille_matches').set({ assignee_id: assigneeId }).where('id', 'in', matchIds).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The items behind these matches (for the kept flag). */
export async function itemIdsOfMatches(db: Executor, matchIds: readonly number[]): Promise<number[]> {
  if (matchIds.length === 0) return [];
  const rows = await db.selectFrom('veille_matches').select('item_id').distinct().where('id', 'in', matchIds).execute();
  return rows.map((r) => r.item_id);
}

/** Marks items kept (exempt from the retention purge) or not. */
export async function setItemsKept(db: Executor, itemIds: readonly number[], kept: boolean): Promise<void> {
  if (itemIds.length === 0) return;
  await db.updateTable('veille_items').set({ kept: kept ? 1 : 0 }).where('id', 'in', itemIds).execute();
}

/** One telling of a story: an item of the group with its source. */
export interface StoryTelling {
  readonly itemId: number;
  readonly title: string;
  readonly link: string | null;
  readonly sourceTitle: string;
  readonly publishedAt: string | null;
  readonly storedAt: string;
}

/** The items telling one story, oldest first (where it started), at most `limit`. */
export async function listStoryTellings(db: Executor, groupId: number, limit: number): Promise<StoryTelling[]> {
  const rows = await db.selectFrom('veille_items as i').innerJoin('veille_sources as s', 's.id', 'i.source_id')
    .select(['i.id', 'i.title', 'i.link', 's.title as source_title', 's.url', 'i.published_at', 'i.created_at'])
    .where('i.group_id', '=', groupId).orderBy('i.id').limit(limit).execute();
  return rows.map((r) => ({ itemId: r.id, title: r.title, link: r.link, sourceTitle: r.source_title || r.url, publishedAt: r.published_at, storedAt: r.created_at }));
}

/** A note on a match. */
export interface MatchNote {
  readonly id: number;
  readonly authorName: string | null;
  readonly body: string;
  readonly createdAt: string;
}

/** Adds a note to a watch's match of an item. */
export async function addMatchNote(db: Executor, note: { watchId: number; itemId: number; authorId: number | null; body: string }, now: Date): Promise<void> {
  await db.insertInto('veille_match_notes')
    .values({ watch_id: note.watchId, item_id: note.itemId, author_id: note.authorId, body: note.body, created_at: now.toISOString() }).execute();
}

/** The notes on a watch's match of an item, oldest first. */
export async function listMatchNotes(db: Executor, watchId: number, itemId: number): Promise<MatchNote[]> {
  const rows = await db.selectFrom('veille_match_notes as n').leftJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'u.name', 'n.body', 'n.created_at']).where('n.watch_id', '=', watchId).where('n.item_id', '=', itemId)
    .orderBy('n.id').execute();
  return rows.map((r) => ({ id: r.id, authorName: r.name, body: r.body, createdAt: r.created_at }));
}
