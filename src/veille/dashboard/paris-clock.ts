/** The time zone of alerts and charts: French local authorities live on Paris time. */
export const PARIS_TIME_ZONE = 'Europe/Paris';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
});

/** A moment as the Paris wall clock reads it: its day (`YYYY-MM-DD`) and hour (0–23). */
export interface ParisClock {
  readonly day: string;
  readonly hour: number;
}

/**
 * Reads the Paris wall clock at `at`.
 *
 * @example
 * parisClock(new Date('2026-07-01T22:30:00Z')); // { day: '2026-07-02', hour: 0 }
 */
export function parisClock(at: Date): ParisClock {
  const parts = Object.fromEntries(PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return Object.freeze({ day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) });
}

/**
 * The `count` Paris days ending with the day of `at`, oldest first.
 *
 * @example
 * parisDays(new Date('2026-03-02T10:00:00Z'), 3); // ['2026-02-28', '2026-03-01', '2026-03-02']
 */
export function parisDays(at: Date, count: number): string[] {
  const last = parisClock(at).day;
  const days: string[] = [];
  // Calendar arithmetic on the date alone (noon UTC): no time zone can move it to another day.
  const cursor = new Date(`${last}T12:00:00Z`);
  for (let i = count - 1; i >= 0; i--) days.push(new Date(cursor.getTime() - i * 86_400_000).toISOString().slice(0, 10));
  return days;
}

/**
 * The moment a Paris day begins, in UTC (23:00 or 22:00 the day before).
 *
 * @example
 * parisMidnight('2026-07-01').toISOString(); // '2026-06-30T22:00:00.000Z'
 */
export function parisMidnight(day: string): Date {
  // Paris is UTC+1 or UTC+2: its midnight is one of these two hours.
  const early = new Date(new Date(`${day}T00:00:00Z`).getTime() - 2 * 3_600_000);
  return parisClock(early).day === day ? early : new Date(early.getTime() + 3_600_000);
}
