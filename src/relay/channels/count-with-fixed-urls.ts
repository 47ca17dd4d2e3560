import { countGraphemes } from './count-graphemes.js';
import { findUrls } from './find-urls.js';

/**
 * Graphemes, each http(s) link counting `urlLength` whatever its length, as Mastodon (23)
 * counts.
 *
 * @example countWithFixedUrls('Voir https://www.ville-exemple.fr/actualites/2026/budget', 23) // 28
 */
export function countWithFixedUrls(text: string, urlLength: number): number {
  let count = 0;
  let from = 0;
  for (const url of findUrls(text)) {
    count += countGraphemes(text.slice(from, url.start)) + urlLength;
    from = url.end;
  }
  return count + countGraphemes(text.slice(from));
}
