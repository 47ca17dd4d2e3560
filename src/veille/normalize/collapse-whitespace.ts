/**
 * Collapses every run of white space (Unicode's, so no-break and narrow
 * no-break spaces too) to one plain space and trims the ends.
 *
 * @example
 * collapseWhitespace('  Conseil\u00a0\u00a0municipal \n du 3 mai '); // 'Conseil municipal du 3 mai'
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
