import { checkQuery } from '../check-query.js';
import { asObject, stringField } from '../json-fields.js';
import type { ConfigCheck } from '../source-adapter.js';

/** A Reddit source: a subreddit's new posts, or a search of all Reddit sorted by date. */
export type RedditConfig =
  | { readonly mode: 'subreddit'; readonly subreddit: string }
  | { readonly mode: 'search'; readonly query: string };

// Reddit's names: letters, digits and underscores, at most 21, not starting with an underscore
// (new ones need 3; a few old ones such as r/de have 2).
const SUBREDDIT = /^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/;

/**
 * Checks a Reddit source as entered: `mode` `subreddit` (a name, `r/` removed) or
 * `search` (the query). Messages are French, by field.
 *
 * @example validateRedditConfig({ mode: 'subreddit', subreddit: 'r/france' })
 * // { ok: true, config: { mode: 'subreddit', subreddit: 'france' } }
 */
export function validateRedditConfig(input: unknown): ConfigCheck<RedditConfig> {
  const object = asObject(input);
  const mode = object?.['mode'];
  if (mode === 'subreddit') {
    const subreddit = stringField(object, 'subreddit')?.trim().replace(/^\/?r\//i, '');
    if (subreddit === undefined || !SUBREDDIT.test(subreddit)) {
      return { ok: false, errors: { subreddit: 'Indiquez le nom d’un subreddit : 2 à 21 lettres, chiffres ou « _ », par exemple « france ».' } };
    }
    return { ok: true, config: Object.freeze({ mode, subreddit }) };
  }
  if (mode === 'search') {
    const check = checkQuery(object?.['query']);
    return check.ok ? { ok: true, config: Object.freeze({ mode, query: check.query }) } : { ok: false, errors: { query: check.error } };
  }
  return { ok: false, errors: { mode: 'Choisissez de suivre un subreddit ou une recherche.' } };
}
