import { ValidationError } from '../../errors.js';
import { parseWatchQuery } from '../match/parse-watch-query.js';
import { WatchQuerySyntaxError } from '../match/watch-query-syntax-error.js';
import type { WatchFields } from './store.js';
import { ALL_SOURCES, type WatchScope } from './watch-scope.js';

/** Longest watch name accepted. */
export const MAX_WATCH_NAME = 200;
/** Longest watch query accepted. */
export const MAX_WATCH_QUERY = 2000;

/** A watch form that cannot be saved; `queryPosition` (0-based) points at a query's syntax error. */
export class WatchInputError extends ValidationError {
  constructor(fields: Readonly<Record<string, string>>, readonly queryPosition?: number) {
    super(fields);
  }
}

/**
 * Checks a watch's name, query (parsed: a syntax error names its position, in French) and scope;
 * returns the fields to store, trimmed, or throws `WatchInputError`.
 *
 * @example
 * checkWatchFields({ name: 'Festival', query: 'festival ET été', scope: ALL_SOURCES });
 */
export function checkWatchFields(input: { name: string; query: string; scope?: WatchScope }): WatchFields {
  const name = input.name.trim();
  const query = input.query.trim();
  const errors: Record<string, string> = {};
  let position: number | undefined;
  if (name === '') errors.name = 'Donnez un nom à cette veille.';
  else if (name.length > MAX_WATCH_NAME) errors.name = `Le nom ne doit pas dépasser ${MAX_WATCH_NAME} caractères.`;
  if (query === '') errors.query = 'Écrivez la requête : les mots que les éléments doivent contenir.';
  else if (query.length > MAX_WATCH_QUERY) errors.query = `La requête ne doit pas dépasser ${MAX_WATCH_QUERY} caractères.`;
  else {
    try {
      parseWatchQuery(query);
    } catch (error) {
      if (!(error instanceof WatchQuerySyntaxError)) throw error;
      // The position is counted in the trimmed text: shift it back to the text as typed.
      position = error.position + (input.query.length - input.query.trimStart().length);
      errors.query = error.message;
    }
  }
  const scope = input.scope ?? ALL_SOURCES;
  if (!scope.all && scope.sourceIds.length === 0 && scope.sourceKinds.length === 0) {
    errors.scope = 'Choisissez au moins une source ou un type de source, ou « toutes les sources ».';
  }
  if (Object.keys(errors).length > 0) throw new WatchInputError(errors, position);
  return Object.freeze({ name, query, scope });
}
