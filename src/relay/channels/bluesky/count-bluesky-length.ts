import { countGraphemes } from '../count-graphemes.js';
import { prepareBlueskyText } from './prepare-bluesky-text.js';

/**
 * The length of a post as Bluesky counts it (300 at most): graphemes of the record's text,
 * where each link is shown short (see `prepareBlueskyText`).
 *
 * @example countBlueskyLength('Lire : https://www.ville-exemple.fr/actualites/2027/budget') // 43
 */
export function countBlueskyLength(text: string): number {
  return countGraphemes(prepareBlueskyText(text).text);
}
