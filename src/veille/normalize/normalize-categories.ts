import { collapseWhitespace } from './collapse-whitespace.js';

/**
 * Categories trimmed (inner white space collapsed), empty ones dropped, and
 * duplicates removed ignoring case and Unicode composition (`Culture`,
 * `culture `): the first spelling met is kept, in the order given.
 *
 * @example
 * normalizeCategories([' Culture', 'culture', '', 'Vie  locale']); // ['Culture', 'Vie locale']
 */
export function normalizeCategories(categories: unknown): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  // Entries come from JSON: anything but a list counts as no category.
  for (const category of Array.isArray(categories) ? categories : []) {
    if (typeof category !== 'string') continue;
    const name = collapseWhitespace(category).normalize('NFC');
    const key = name.toLocaleLowerCase('fr');
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept;
}
