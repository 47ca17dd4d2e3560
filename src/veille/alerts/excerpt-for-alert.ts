import { escapeHtml } from '../../markup/escape-html.js';
import { highlightMatches } from '../match/highlight-matches.js';
import { parseWatchQuery } from '../match/parse-watch-query.js';
import { alertExcerpt, type AlertExcerpt } from './alert-excerpt.js';
import type { AlertView } from './alert-view-store.js';

/** Text beyond this is never shown in an excerpt: no need to highlight it. */
const HIGHLIGHT_LIMIT = 20_000;

/** The excerpt an alert shows: the item's text around the words its watch matched, marked. */
export function excerptForAlert(view: AlertView): AlertExcerpt {
  const text = (view.item.text || view.item.title).slice(0, HIGHLIGHT_LIMIT);
  let highlighted: string;
  try {
    highlighted = highlightMatches(parseWatchQuery(view.watch.query), text);
  } catch {
    // A query saved before a parser change that no longer reads: the excerpt goes unmarked.
    highlighted = escapeHtml(text);
  }
  return alertExcerpt(highlighted);
}
