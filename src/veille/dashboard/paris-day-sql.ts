import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../db/database.js';

/**
 * The dialect seam of date bucketing: the Europe/Paris calendar day (`YYYY-MM-DD`) of an ISO
 * 8601 UTC text column, so a chart's "day" is the one the team lives in, not UTC's.
 *
 * PostgreSQL converts with its time zone database. SQLite has none, so the French rule is
 * spelled out: UTC+2 from the last Sunday of March at 01:00 UTC to the last Sunday of October at
 * 01:00 UTC, UTC+1 otherwise (EU Directive 2000/84/EC, art. 2 and 3). `date('YYYY-03-31',
 * '-6 days', 'weekday 0')` is that last Sunday: the first Sunday on or after the 25th.
 *
 * @example
 * db.selectFrom('veille_items').select(parisDaySql(db.dialect, 'veille_items.created_at').as('day'))
 */
export function parisDaySql(dialect: DialectName, column: string): RawBuilder<string> {
  const c = sql.ref(column);
  if (dialect === 'postgres') return sql<string>`to_char((${c})::timestamptz at time zone 'Europe/Paris', 'YYYY-MM-DD')`;
  const year = sql`substr(${c}, 1, 4)`;
  return sql<string>`date(${c}, case when ${c} >= date(${year} || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
    and ${c} < date(${year} || '-10-31', '-6 days', 'weekday 0') || 'T01:00' then '+2 hours' else '+1 hours' end)`;
}
