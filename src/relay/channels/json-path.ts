/**
 * The string (or number, as text) at a dotted path of a parsed JSON answer; undefined when
 * missing. Network answers are read through this, never trusted to have their documented shape.
 *
 * @example jsonString({ data: { id: '1460323737035677698' } }, 'data.id') // '1460323737035677698'
 */
export function jsonString(json: unknown, path: string): string | undefined {
  const value = jsonValue(json, path);
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** The value at a dotted path (array indices as numbers: `errors.0.message`), or undefined. */
export function jsonValue(json: unknown, path: string): unknown {
  let value: unknown = json;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The array at a dotted path, or an empty one. */
export function jsonArray(json: unknown, path: string): readonly unknown[] {
  const value = path === '' ? json : jsonValue(json, path);
  return Array.isArray(value) ? value : [];
}
