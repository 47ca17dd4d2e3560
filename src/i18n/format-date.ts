/**
 * Dates as French readers expect them, always in the site's time zone.
 *
 * @example
 * formatMonthYear('2012-04-03T10:00:00.000Z', 'fr', 'Europe/Paris') // "avril 2012"
 * formatLongDate('2012-04-03T10:00:00.000Z', 'fr', 'Europe/Paris')  // "3 avril 2012"
 */
export function formatMonthYear(iso: string, language: string, timeZone: string): string {
  return formatter(language, timeZone, { month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "3 avril 2012" (the 1st is "1er", as French typography wants). */
export function formatLongDate(iso: string, language: string, timeZone: string): string {
  const text = formatter(language, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
  return language === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** "3 avril 2012 à 14:05" for the back office. */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return formatter(language, timeZone, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** The value a `<input type="datetime-local">` shows for `iso` in the site's time zone. */
export function toLocalInputValue(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Reads a `datetime-local` value typed in the site's time zone; undefined when it is not a date. */
export function fromLocalInputValue(value: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return undefined;
  // The zone's offset at that moment; a second pass settles the rare DST-boundary case.
  let guess = asUtc - offsetMs(asUtc, timeZone);
  guess = asUtc - offsetMs(guess, timeZone);
  return new Date(guess);
}

function offsetMs(at: number, timeZone: string): number {
  const local = toLocalInputValue(new Date(at).toISOString(), timeZone);
  return Date.parse(`${local}:00Z`) - Math.floor(at / 60000) * 60000;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, { ...options, timeZone });
    cache.set(key, found);
  }
  return found;
}
