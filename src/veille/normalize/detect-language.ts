import { foldWords } from './fold-words.js';
import { STOP_WORDS } from './stop-words.js';

/** Words read at most: a few sentences settle the language, and long texts stay cheap. */
const MAX_WORDS = 300;
/** Below this many stop words the text is too short or too unusual to say. */
const MIN_HITS = 3;

/** For each known word, the languages it belongs to. */
const LANGUAGES_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [language, words] of Object.entries(STOP_WORDS)) {
    for (const word of words) map.set(word, [...(map.get(word) ?? []), language]);
  }
  return map;
})();

/**
 * Detects the language of a text among French, English, German, Spanish,
 * Italian, Dutch and Portuguese, by counting each language's most frequent
 * function words in the first few hundred words (accents folded, French
 * elisions split). Returns the ISO 639-1 code, or `undefined` when the text
 * is too short or no language clearly leads.
 *
 * A stop-word count rather than a trigram model (franc): on the short texts
 * of a watch (a post, a summary) function words are the most reliable clue,
 * it is much cheaper per item, and it covers the languages met on French
 * local news and nothing more.
 *
 * @example
 * detectLanguage('Le conseil municipal a voté le budget de la commune pour cette année.'); // 'fr'
 */
export function detectLanguage(text: string): string | undefined {
  const counts = new Map<string, number>();
  const words = foldWords(text, MAX_WORDS);
  for (const word of words) {
    for (const language of LANGUAGES_OF.get(word) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < MIN_HITS) return undefined;
  // A tie between two languages is no answer: say nothing rather than guess.
  return second !== undefined && second[1] === first[1] ? undefined : first[0];
}
