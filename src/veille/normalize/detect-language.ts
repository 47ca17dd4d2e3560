import { foldWords } from './fold-words.js';
import { STOP_WORDS } from './stop-words.js';

/** Characters read at most (some 300 words): a few sentences settle the language, and long texts stay cheap. */
const MAX_CHARS = 2000;
/** Below this many stop words the text is too short or too unusual to say. */
const MIN_HITS = 3;

const LANGUAGES: readonly string[] = Object.keys(STOP_WORDS);

/** For each known word, the indexes in `LANGUAGES` of the languages it belongs to. */
const LANGUAGES_OF: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  LANGUAGES.forEach((language, index) => {
    for (const word of STOP_WORDS[language]!) map.set(word, [...(map.get(word) ?? []), index]);
  });
  return map;
})();

/**
 * Detects the language of a text among French, English, German, Spanish,
 * Italian, Dutch and Portuguese, by counting each language's most frequent
 * function words in the first 2,000 characters (accents folded, French
 * elisions split). Returns the ISO 639-1 code, or `undefined` when the text
 * is too short or no language clearly leads.
 *
 * A stop-word count rather than a trigram model (franc): on the short texts
 * of a watch (a post, a summary) function words are the surest clue, it
 * needs no model, and it covers the languages met on French local news and
 * nothing more.
 *
 * @example
 * detectLanguage('Le conseil municipal a voté le budget de la commune pour cette année.'); // 'fr'
 */
export function detectLanguage(text: string): string | undefined {
  const counts = new Int32Array(LANGUAGES.length);
  for (const word of foldWords(text.slice(0, MAX_CHARS))) {
    for (const index of LANGUAGES_OF.get(word) ?? []) counts[index]!++;
  }
  let best = 0;
  for (let index = 1; index < counts.length; index++) if (counts[index]! > counts[best]!) best = index;
  const top = counts[best]!;
  if (top < MIN_HITS) return undefined;
  // A tie between two languages is no answer: say nothing rather than guess.
  return counts.filter((count) => count === top).length > 1 ? undefined : LANGUAGES[best];
}
