/**
 * What the matching engine reads of an item: its title and plain text, and
 * the values the fields `author:`, `site:`, `lang:` and `source:` look at.
 *
 * @example
 * const item: MatchableItem = { title: 'Budget voté', text: '…', site: 'www.leprogres.fr', lang: 'fr', source: ['Le Progrès', 'feed'] };
 */
export interface MatchableItem {
  readonly title: string;
  readonly text: string;
  readonly author?: string;
  /** Host name of the item's link, e.g. `www.leprogres.fr`. */
  readonly site?: string;
  /** ISO 639-1 code. */
  readonly lang?: string;
  /** The source's name and kind, e.g. `['Le Progrès', 'feed']`. */
  readonly source?: readonly string[];
}
