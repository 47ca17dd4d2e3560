const ISO = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:[T ]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAY_FIRST = /^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:er)?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})(?:(?:\s+|\s*,\s*|t)(?:a\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(.*)$/;
const MONTH_FIRST = /^(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/;
/** Month names and abbreviations, English and French, without accents: the first matching start wins. */
const MONTH_STARTS: ReadonlyArray<readonly [string, number]> = [
  ['jan', 1], ['fe', 2], ['mar', 3], ['ap', 4], ['av', 4], ['mai', 5], ['may', 5], ['juin', 6], ['jun', 6],
  ['juil', 7], ['jul', 7], ['au', 8], ['ao', 8], ['se', 9], ['oc', 10], ['no', 11], ['de', 12],
];
/** RFC 822 §5.1 zones, plus the European ones French sites write. */
const ZONES: Readonly<Record<string, number>> = {
  '': 0, z: 0, ut: 0, utc: 0, gmt: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, cet: 60, cest: 120, met: 60, mest: 120, wet: 0, west: 60, bst: 60,
};

function monthNumber(name: string): number | undefined {
  if (name.length < 3 && name !== 'fe' && name !== 'ao') return undefined;
  return MONTH_STARTS.find(([start]) => name.startsWith(start))?.[1];
}

/** Minutes east of UTC for `+0100`, `+01:00`, `-05`, a zone name; undefined when unreadable. */
function zoneOffset(zone: string): number | undefined {
  // RFC 822 comments, e.g. `+0200 (CEST)`, say nothing the offset does not.
  const trimmed = zone.replace(/\([^)]*\)/g, '').trim();
  const numeric = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(trimmed);
  if (numeric !== null) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  const named = /^([a-z]*)/.exec(trimmed)?.[1] ?? '';
  return trimmed.length === named.length ? ZONES[named] : undefined;
}

/** RFC 2822 §4.3: a two-digit year below 50 is 20xx, otherwise 19xx. */
function fullYear(year: string): number {
  const value = Number(year);
  if (year.length > 2) return value;
  return value < 50 ? 2000 + value : 1900 + value;
}

function toIso(year: number, month: number, day: number, hour: number, minute: number, second: number, offset: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  const check = new Date(local);
  if (check.getUTCDate() !== day || year < 1000 || year > 9999) return undefined;
  return new Date(local - offset * 60_000).toISOString().replace('.000Z', 'Z');
}

/**
 * A feed date as ISO 8601 UTC, or undefined when it cannot be read (the
 * caller records the problem; a date never makes parsing fail). Reads
 * RFC 3339 / ISO 8601 and their usual variants (space instead of `T`, no
 * seconds, no zone: UTC assumed), RFC 822 dates with English or French
 * month and day names, two-digit years, numeric or named zones.
 *
 * @example parseFeedDate('mar., 05 mars 2024 10:00:00 +0100') // '2024-03-05T09:00:00Z'
 * @example parseFeedDate('Tue, 5 Mar 24 10:00 GMT') // '2024-03-05T10:00:00Z'
 */
export function parseFeedDate(text: string): string | undefined {
  const trimmed = text.trim();
  // Accents matter only for French month names; most dates are ASCII.
  const ascii = /^[\x20-\x7e]*$/.test(trimmed);
  const value = (ascii ? trimmed.toLowerCase() : trimmed.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')).replace(/\s+/g, ' ');
  if (value === '' || value.length > 80) return undefined;
  const iso = ISO.exec(value);
  if (iso !== null) {
    const [, y, mo, d, h, mi, s, , zone] = iso;
    const offset = zoneOffset(zone ?? '');
    if (offset === undefined) return undefined;
    return toIso(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), offset);
  }
  const dayFirst = DAY_FIRST.exec(value);
  const monthFirst = dayFirst === null ? MONTH_FIRST.exec(value) : null;
  const parts = dayFirst ?? monthFirst;
  if (parts === null) return undefined;
  const [, a, b, y, h, mi, s, zone] = parts;
  const month = monthNumber(dayFirst !== null ? b! : a!);
  const offset = zoneOffset(zone ?? '');
  if (month === undefined || offset === undefined) return undefined;
  return toIso(fullYear(y!), month, Number(dayFirst !== null ? a : b), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), offset);
}

/** `parseFeedDate`, recording an unreadable date as a French problem; undefined for an absent date. */
export function dateOrProblem(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const date = parseFeedDate(raw);
  if (date === undefined) problems.push(`La date « ${raw.trim().slice(0, 60)} » est illisible ; elle est ignorée.`);
  return date;
}
