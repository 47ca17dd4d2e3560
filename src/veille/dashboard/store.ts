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
 */
export async function countMatchesPerDay(db: Executor, dialect: DialectName, period: DashboardPeriod): Promise<WatchDayCount[]> {
  const day = parisDaySql(dialect, 'i.created_at');
  const rows = await db.selectFrom('veille_matches as m').innerJoin('veille_items as i', 'i.id', 'm.item_id')
    .innerJoin('veille_watches as w', 'w.id', 'm.watch_id')
    .select((eb) => ['w.id', 'w.name', day.as('day'), eb.fn.countAll<number | string>().as('items')])
    .where('i.created_at', '>=', period.since.toISOString())
    .groupBy(['w.id', 'w.name', day])
    .orderBy('w.id').orderBy(day).execute();
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
    .select((eb) => ['s.kind', eb.fn.count<number | string>('i.id').distinct().as('items')])
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
    .select((eb) => ['s.id', 's.title', 's.url', eb.fn.count<number | string>('i.id').distinct().as('items')])
    .groupBy(['s.id', 's.title', 's.url'])
    .orderBy((eb) => eb.fn.count('i.id').distinct(), 'desc').orderBy('s.id').limit(limit).execute();
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
  const rows = await db.selectFrom('veille_matches as m').innerJoin('veille_items as i', 'i.id', 'm.item_id')
    .innerJoin('veille_watches as w', 'w.id', 'm.watch_id')
    .select((eb) => ['w.id', 'w.name', 'm.state', eb.fn.countAll<number | string>().as('matches')])
    .where('i.created_at', '>=', period.since.toISOString())
    .groupBy(['w.id', 'w.name', 'm.state']).orderBy('w.id').execute();
  const byWatch = new Map<number, { watchId: number; watchName: string; counts: Record<VeilleMatchState, number> }>();
  for (const r of rows) {
    const entry = byWatch.get(r.id) ?? { watchId: r.id, watchName: r.name, counts: { new: 0, to_handle: 0, handled: 0, ignored: 0 } };
    entry.counts[r.state] += Number(r.matches);
    byWatch.set(r.id, entry);
  }
  return [...byWatch.values()].map((e) => Object.freeze({ ...e, counts: Object.freeze(e.counts) }));
}

/** Items of the period matched by at least one watch. */
function matchedItems(db: Executor, period: DashboardPeriod) {
  return db.selectFrom('veille_items as i')
    .where('i.created_at', '>=', period.since.toISOString())
    .where((eb) => eb.exists(eb.selectFrom('veille_matches as m').select('m.id').whereRef('m.item_id', '=', 'i.id')));
}
