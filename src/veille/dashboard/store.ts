import { sql } from 'kysely';
import type { DialectName, Executor } from '../../db/database.js';
import type { VeilleMatchState, VeilleSourceKind } from '../../db/schema.js';
import { parisDaySql } from './paris-day-sql.js';

/** The window every aggregate covers: the items stored from the Paris midnight starting `firstDay`. */
export interface DashboardPeriod {
  /** `parisMidnight(firstDay)`. */
  readonly since: Date;
  readonly firstDay: string;
}

/** Matched items of one watch on one Paris day. */
export interface WatchDayCount {
  readonly watchId: number;
  readonly watchName: string;
  readonly day: string;
  readonly items: number;
}

/**
 * Items each watch matched, per Paris day of their arrival (`created_at`: a back-filled item
 * counts on the day it was stored, not the day the watch was created). Days without any are absent.
 * Counted per UTC hour first (a cheap text prefix), then the hours are bucketed into Paris days:
 * the dialect's day expression runs once per watch and hour, not once per match.
 */
export async function countMatchesPerDay(db: Executor, dialect: DialectName, period: DashboardPeriod): Promise<WatchDayCount[]> {
  const hourOf = sql<string>`substr(i.created_at, 1, 13)`;
  const hourly = periodMatches(db, period)
    .select((eb) => ['m.watch_id', sql<string>`${hourOf} || ':00:00.000Z'`.as('hour'), eb.fn.countAll<number | string>().as('n')])
    .groupBy(['m.watch_id', hourOf]);
  const day = parisDaySql(dialect, 'h.hour');
  const rows = await db.selectFrom(hourly.as('h')).innerJoin('veille_watches as w', 'w.id', 'h.watch_id')
    .select((eb) => ['w.id', 'w.name', day.as('day'), eb.fn.sum<number | string>('h.n').as('items')])
    .groupBy(['w.id', 'w.name', day]).orderBy('w.id').orderBy(day).execute();
  return rows.map((r) => Object.freeze({ watchId: r.id, watchName: r.name, day: r.day, items: Number(r.items) }));
}

/** Distinct matched items per source kind. */
export interface KindCount {
  readonly kind: VeilleSourceKind;
  readonly items: number;
}

/** Items matched by at least one watch in the period, per kind of source, most first. */
export async function countMatchedItemsByKind(db: Executor, period: DashboardPeriod): Promise<KindCount[]> {
  const rows = await matchedItems(db, period).innerJoin('veille_sources as s', 's.id', 'i.source_id')
    .select((eb) => ['s.kind', eb.fn.countAll<number | string>().as('items')])
    .groupBy('s.kind').execute();
  return rows.map((r) => Object.freeze({ kind: r.kind, items: Number(r.items) })).sort((a, b) => b.items - a.items || a.kind.localeCompare(b.kind));
}

/** A source and how many of its items the watches matched. */
export interface SourceCount {
  readonly sourceId: number;
  readonly title: string;
  readonly url: string;
  readonly items: number;
}

/** The `limit` sources with the most matched items in the period (ties by id). */
export async function listTopSources(db: Executor, period: DashboardPeriod, limit: number): Promise<SourceCount[]> {
  const rows = await matchedItems(db, period).innerJoin('veille_sources as s', 's.id', 'i.source_id')
    .select((eb) => ['s.id', 's.title', 's.url', eb.fn.countAll<number | string>().as('items')])
    .groupBy(['s.id', 's.title', 's.url'])
    .orderBy((eb) => eb.fn.countAll(), 'desc').orderBy('s.id').limit(limit).execute();
  return rows.map((r) => Object.freeze({ sourceId: r.id, title: r.title, url: r.url, items: Number(r.items) }));
}

/** A watch's matches of the period by triage state. */
export interface WatchTriage {
  readonly watchId: number;
  readonly watchName: string;
  readonly counts: Readonly<Record<VeilleMatchState, number>>;
}

/** Each watch's matches of items stored in the period, by state (watches without any are absent). */
export async function countMatchesByState(db: Executor, period: DashboardPeriod): Promise<WatchTriage[]> {
  const counted = periodMatches(db, period).select((eb) => ['m.watch_id', 'm.state', eb.fn.countAll<number | string>().as('matches')])
    .groupBy(['m.watch_id', 'm.state']);
  const rows = await db.selectFrom(counted.as('c')).innerJoin('veille_watches as w', 'w.id', 'c.watch_id')
    .select(['w.id', 'w.name', 'c.state', 'c.matches']).orderBy('w.id').execute();
  const byWatch = new Map<number, { watchId: number; watchName: string; counts: Record<VeilleMatchState, number> }>();
  for (const r of rows) {
    const entry = byWatch.get(r.id) ?? { watchId: r.id, watchName: r.name, counts: { new: 0, to_handle: 0, handled: 0, ignored: 0 } };
    entry.counts[r.state] += Number(r.matches);
    byWatch.set(r.id, entry);
  }
  return [...byWatch.values()].map((e) => Object.freeze({ ...e, counts: Object.freeze(e.counts) }));
}

/**
 * The period's matches, items first: SQLite takes the left table of a CROSS JOIN as the outer
 * loop, so the period is read by the items' (created_at, source_id) index and each match by its
 * (item_id, watch_id, state) index, never a table row (PostgreSQL plans it as an inner join).
 */
function periodMatches(db: Executor, period: DashboardPeriod) {
  return db.selectFrom('veille_items as i').crossJoin('veille_matches as m')
    .whereRef('m.item_id', '=', 'i.id').where('i.created_at', '>=', period.since.toISOString());
}

/** Items of the period matched by at least one watch (each item once, however many watches matched it). */
function matchedItems(db: Executor, period: DashboardPeriod) {
  return db.selectFrom('veille_items as i')
    .where('i.created_at', '>=', period.since.toISOString())
    .where((eb) => eb.exists(eb.selectFrom('veille_matches as m').select('m.id').whereRef('m.item_id', '=', 'i.id')));
}
