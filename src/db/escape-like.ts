/**
 * Makes `%`, `_` and `\\` match themselves in a LIKE pattern (same `escape '\\'` clause on both dialects).
 *
 * @example
 * sql`lower(title) like ${`%${escapeLike('50%')}%`} escape '\\'`
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
