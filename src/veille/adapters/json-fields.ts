/** A JSON value read as an object, or undefined when it is not one. */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Reads `value` as a JSON object (not null, not an array).
 *
 * @example asObject(JSON.parse('{"id":"1"}'))?.['id'] // '1'
 */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The objects of a JSON array; anything else in it is left out. Undefined when `value` is not an array. */
export function asObjects(value: unknown): JsonObject[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item: unknown) => {
    const object = asObject(item);
    return object === undefined ? [] : [object];
  });
}

/** A non-empty string field, else undefined. */
export function stringField(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The non-empty strings of an array field. */
export function stringsField(object: JsonObject | undefined, key: string): string[] {
  const value = object?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}
