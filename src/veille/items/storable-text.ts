/**
 * Text as both dialects can store it: PostgreSQL text cannot hold U+0000 (a JSON Feed may carry
 * it), so it becomes U+FFFD on SQLite and PostgreSQL alike.
 *
 * @example
 * storableText('a\u0000b'); // 'a\uFFFDb'
 */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD');
}
