/** Normalised publication and update dates, and whether either had to be clamped. */
export interface ItemDates {
  readonly published?: string;
  readonly updated?: string;
  readonly clamped: boolean;
}

/**
 * Parses both dates to ISO 8601 UTC (an unreadable date counts as missing),
 * lets the publication date fall back to the update date, and brings back to
 * `now` any date later than `now + skewMs`: a feed with a wrong clock or
 * time zone must not pin its items to the top of the watch for hours. A
 * date within the skew is kept as given (clocks differ a little).
 *
 * @example
 * normalizeDates(undefined, '2026-03-01T10:00:00+01:00', new Date(), 300_000);
 * // { published: '2026-03-01T09:00:00.000Z', updated: '2026-03-01T09:00:00.000Z', clamped: false }
 */
export function normalizeDates(
  published: string | undefined,
  updated: string | undefined,
  now: Date,
  skewMs: number,
): ItemDates {
  const limit = now.getTime() + skewMs;
  let clamped = false;
  const clamp = (time: number | undefined): string | undefined => {
    if (time === undefined) return undefined;
    if (time <= limit) return new Date(time).toISOString();
    clamped = true;
    return now.toISOString();
  };
  const updatedTime = parseTime(updated);
  const publishedIso = clamp(parseTime(published) ?? updatedTime);
  const updatedIso = clamp(updatedTime);
  return { published: publishedIso, updated: updatedIso, clamped };
}

function parseTime(value: string | undefined): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
