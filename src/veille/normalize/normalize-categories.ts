import { collapseWhitespace } from './collapse-whitespace.js';

/**
 * Categories trimmed (inner white space collapsed), empty ones dropped, and
 * duplicates removed ignoring case and Unicode composition (`Culture`,
 * `culture `): the first spelling met is kept, in the order given.
 *
 * @example
 * normalizeCategories([' Culture', 'culture', '', 'Vie  locale']); // ['Culture', 'Vie locale']
 */
export function normalizeCategories(categories: readonly unknown[] | undefined): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const category of categories ?? []) {
    if (typeof category !== 'string') continue;
    const name = collapseWhitespace(category).normalize('NFC');
    const key = name.toLocaleLowerCase('fr');
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept;
}
