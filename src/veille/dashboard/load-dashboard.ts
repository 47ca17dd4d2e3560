import type { Db } from '../../db/database.js';
import type { VeilleMatchState } from '../../db/schema.js';
import type { ChartSeries } from './charts/chart-scale.js';
import { parisDays, parisMidnight } from './paris-clock.js';
import { countMatchedItemsByKind, countMatchesByState, countMatchesPerDay, listTopSources, type KindCount, type SourceCount } from './store.js';

/** The periods the dashboard offers, in days. */
export const DASHBOARD_PERIODS = Object.freeze([30, 90] as const);
export type DashboardDays = (typeof DASHBOARD_PERIODS)[number];

/** At most this many watches get a line of their own; the others are summed in one line. */
const MAX_LINES = 6;
const TOP_SOURCES = 10;

/** Everything the dashboard page shows, computed once per request. */
export interface DashboardData {
  readonly days: DashboardDays;
  /** The period's Paris days, oldest first. */
  readonly dayList: readonly string[];
  /** One series per watch (the busiest ones), values in `dayList` order. */
  readonly perDay: readonly ChartSeries[];
  readonly byKind: readonly KindCount[];
  readonly topSources: readonly SourceCount[];
  /** Per watch: handled (handled or ignored) and not yet (new, to handle). */
  readonly triage: readonly { readonly name: string; readonly handled: number; readonly ignored: number; readonly open: number }[];
}

/**
 * Reads the dashboard's aggregates for the `days` Paris days ending today: items each watch
 * matched per day, their share by source kind, the top sources, and what has been handled.
 */
export async function loadDashboard(db: Db, now: Date, days: DashboardDays): Promise<DashboardData> {
  const dayList = parisDays(now, days);
  const period = { since: parisMidnight(dayList[0]!), firstDay: dayList[0]! };
  const [perDayRows, byKind, topSources, triageRows] = await Promise.all([
    countMatchesPerDay(db.kysely, db.dialect, period), countMatchedItemsByKind(db.kysely, period),
    listTopSources(db.kysely, period, TOP_SOURCES), countMatchesByState(db.kysely, period),
  ]);
  const index = new Map(dayList.map((d, i) => [d, i]));
  const byWatch = new Map<number, { name: string; values: number[]; total: number }>();
  for (const row of perDayRows) {
    const at = index.get(row.day);
    if (at === undefined) continue;
    const entry = byWatch.get(row.watchId) ?? { name: row.watchName, values: dayList.map(() => 0), total: 0 };
    entry.values[at]! += row.items;
    entry.total += row.items;
    byWatch.set(row.watchId, entry);
  }
  const ranked = [...byWatch.values()].sort((a, b) => b.total - a.total);
  const perDay: ChartSeries[] = ranked.slice(0, MAX_LINES).map((w) => Object.freeze({ name: w.name, values: Object.freeze(w.values) }));
  const rest = ranked.slice(MAX_LINES);
  if (rest.length > 0) {
    perDay.push(Object.freeze({ name: `Autres veilles (${rest.length})`, values: Object.freeze(dayList.map((_d, i) => rest.reduce((s, w) => s + w.values[i]!, 0))) }));
  }
  const sum = (c: Readonly<Record<VeilleMatchState, number>>, states: readonly VeilleMatchState[]) => states.reduce((s, k) => s + c[k], 0);
  return Object.freeze({
    days, dayList: Object.freeze(dayList), perDay: Object.freeze(perDay), byKind, topSources,
    triage: Object.freeze(triageRows.map((t) => Object.freeze({
      name: t.watchName, handled: sum(t.counts, ['handled']), ignored: sum(t.counts, ['ignored']), open: sum(t.counts, ['new', 'to_handle']),
    }))),
  });
}

/** `?jours=90` → 90; anything else → 30. */
export function dashboardDaysParam(query: unknown): DashboardDays {
  return (query as Record<string, string | undefined> | undefined)?.jours === '90' ? 90 : 30;
}
