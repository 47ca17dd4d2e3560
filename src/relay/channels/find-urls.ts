/** A link found in a post's text; `start` and `end` are UTF-16 indices. */
export interface FoundUrl {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

// Up to white space (Unicode's: the narrow no-break space before « ; » too) or a character
// that never ends a URL in French text.
const URL_PATTERN = /https?:\/\/[^\s<>"«»]+/giu;
// Punctuation at the end belongs to the sentence (« Lisez https://exemple.fr/a. »), as
// networks' own link detection decides.
const TRAILING = /[.,;:!?'’)\]}]+$/u;

/**
 * The http(s) links of a text, as networks detect them: a link runs to the next space and
 * loses its final punctuation. Bare domains ("exemple.fr") are not links here: Relais always
 * writes links with their scheme.
 *
 * @example findUrls('Lisez https://exemple.fr/a ! Merci') // [{ start: 6, end: 26, url: 'https://exemple.fr/a' }]
 */
export function findUrls(text: string): readonly FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '');
    if (url.length <= 'https://'.length) continue;
    found.push(Object.freeze({ start: match.index, end: match.index + url.length, url }));
  }
  return Object.freeze(found);
}
