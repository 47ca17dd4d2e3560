import { collapseWhitespace } from '../../veille/normalize/collapse-whitespace.js';
import { findUrls } from './find-urls.js';

/**
 * Whether a post read back from a network is the text Relais sent, given that networks
 * rewrite links (X wraps them in t.co, Mastodon's HTML and Bluesky's app shorten them) and
 * white space: links are set aside, white space collapsed, Unicode normalized (NFC).
 *
 * @example samePostText('Budget 2027 https://t.co/abc', 'Budget  2027\nhttps://ville.fr/budget') // true
 */
export function samePostText(remote: string, sent: string): boolean {
  const comparable = comparableText(sent);
  return comparable !== '' && comparableText(remote) === comparable;
}

function comparableText(text: string): string {
  const normalized = text.normalize('NFC');
  let out = '';
  let from = 0;
  for (const url of findUrls(normalized)) {
    out += `${normalized.slice(from, url.start)} 🔗 `;
    from = url.end;
  }
  // Shortened display forms ("exemple.fr/actualites/…") left by some networks go too.
  return collapseWhitespace(`${out}${normalized.slice(from)}`.replace(/\S+(…|\.\.\.)(?=\s|$)/gu, ' 🔗 ').replace(/(🔗\s*)+/gu, '🔗 '));
}
