/** Where a bare URL may start: `http://`, `https://`, `www.` (SPIP's auto links). */
const URL_START = /https?:\/\/|www\./gi;
/** Where a bare URL stops: spaces, quotes, brackets, braces, markers. */
const URL_STOP = /[\s<>"'[\]{}|\\^`\u00a0\uE000-\uE00F]/;
/** Punctuation that ends a sentence rather than the URL. */
const URL_TRAILING = '.,;:!?)';

/** Where the next bare URL may start at or after `from`, or -1. */
export function nextUrlStart(text: string, from: number): number {
  URL_START.lastIndex = from;
  return URL_START.exec(text)?.index ?? -1;
}

/**
 * The end of the bare URL starting at `at`, or -1 when there is none there: glued to a word or an
 * address before it, or nothing after `http://`. Trailing punctuation is left out, except a `)`
 * the URL itself opened.
 *
 * @example
 * bareUrlEnd('Voir https://exemple.fr.', 5) // 23 (the final `.` is not part of it)
 */
export function bareUrlEnd(text: string, at: number): number {
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  if (/[A-Za-z0-9/.@_-]/.test(String.fromCharCode(before))) return -1;
  URL_START.lastIndex = at;
  const start = URL_START.exec(text);
  const hostStart = start?.index === at ? at + start[0].length : -1;
  if (hostStart < 0) return -1;
  let end = hostStart;
  while (end < text.length && !URL_STOP.test(text[end] ?? ' ')) end++;
  // A `)` stays when the URL opened one; searched within the URL only, not back to the text's start.
  const open = end > at ? text.slice(at, end).indexOf('(') : -1;
  while (end > hostStart && URL_TRAILING.includes(text[end - 1] ?? '')) {
    if (text[end - 1] === ')' && open >= 0 && at + open < end) break;
    end--;
  }
  return end > hostStart ? end : -1;
}
