type Present<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/**
 * A copy of `record` without its empty fields (undefined, `''`, empty arrays):
 * the feed result omits what a feed does not give (issue 6).
 *
 * @example omitEmpty({ title: 'A', link: '', categories: [] }) // { title: 'A' }
 */
export function omitEmpty<T extends object>(record: T): Partial<Present<T>> {
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const value: unknown = record[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as Partial<Present<T>>;
}
