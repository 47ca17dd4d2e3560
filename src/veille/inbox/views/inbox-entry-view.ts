import { escapeHtml } from '../../../markup/escape-html.js';
import { highlightMatches } from '../../match/highlight-matches.js';
import { parseWatchQuery } from '../../match/parse-watch-query.js';
import type { WatchQuery } from '../../match/watch-query.js';
import type { VeilleMatchState } from '../../../db/schema.js';
import { excerptAroundMark } from '../excerpt-around-mark.js';
import type { InboxEntry } from '../store.js';

/** The triage states as the inbox names them. */
export const STATE_LABELS: Readonly<Record<VeilleMatchState, string>> = Object.freeze({
  new: 'Nouveau', to_handle: 'À traiter', handled: 'Traité', ignored: 'Ignoré',
});

/** The address form of each state (`?etat=`), and back. */
export const STATE_PARAMS: Readonly<Record<VeilleMatchState, string>> = Object.freeze({
  new: 'nouveaux', to_handle: 'a-traiter', handled: 'traites', ignored: 'ignores',
});

/** An inbox entry with its title and excerpt highlighted (HTML, escaped, `<mark>` around matched words). */
export interface HighlightedEntry {
  readonly entry: InboxEntry;
  readonly titleHtml: string;
  readonly excerptHtml: string;
}

/** Highlights each entry by its own watch's query (each query parsed once per page). */
export function highlightEntries(entries: readonly InboxEntry[]): HighlightedEntry[] {
  const queries = new Map<number, WatchQuery | undefined>();
  const queryOf = (entry: InboxEntry) => {
    if (!queries.has(entry.watchId)) {
      try {
        queries.set(entry.watchId, parseWatchQuery(entry.watchQuery));
      } catch {
        queries.set(entry.watchId, undefined);
      }
    }
    return queries.get(entry.watchId);
  };
  return entries.map((entry) => {
    const query = queryOf(entry);
    return {
      entry,
      titleHtml: query ? highlightMatches(query, entry.title) : escapeHtml(entry.title),
      excerptHtml: excerptAroundMark(query ? highlightMatches(query, entry.plainText) : escapeHtml(entry.plainText)),
    };
  });
}
