/** French elided articles and pronouns written before an apostrophe: `l'`, `d'`, `qu'`, `j'`, `n'`, `s'`, `c'`, `m'`, `t'`, `jusqu'`, `lorsqu'`, `puisqu'`. */
const ELISION = /^(l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)'/;

/** Combining diacritical marks, left apart from their letters by NFD: removing them folds `é` to `e`. */
const DIACRITICS = /[\u0300-\u036f]/g;

/**
 * A letter or digit, written as "no space, no punctuation" (ASCII, Latin-1
 * and general punctuation, arrows and symbols, CJK and full-width
 * punctuation): V8 runs this class several times faster than
 * `[\p{L}\p{N}]`, which made word splitting the costliest step of
 * normalisation.
 */
const WORD_CHAR = "[^\\s!-\\/:-@\\[-`{-~\\u00a0-\\u00bf\\u00d7\\u00f7\\u2000-\\u206f\\u2190-\\u2bff\\u3000-\\u303f\\ufe30-\\ufe4f\\uff00-\\uff0f]";

/** A word, with inner apostrophes (`l'ecole`, `aujourd'hui`) kept for the elision step. */
const WORD = new RegExp(`${WORD_CHAR}+(?:['\u2019]${WORD_CHAR}+)*`, 'g');

/**
 * The words of a text for comparison: lower-cased, accents folded
 * (`été` → `ete`, so a missing accent does not make another word), French
 * elisions split off (`l'école` → `l`, `ecole`), spaces and punctuation
 * treated as separators.
 *
 * @example
 * foldWords("L'Été à Évry, qu'il pleuve !"); // ['l', 'ete', 'a', 'evry', 'qu', 'il', 'pleuve']
 */
export function foldWords(text: string): string[] {
  const folded = text.toLowerCase().normalize('NFD').replace(DIACRITICS, '');
  const words: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    let word = match[0];
    if (word.includes('\u2019')) word = word.replace(/\u2019/g, "'");
    if (!word.includes("'")) {
      words.push(word);
      continue;
    }
    let elided = ELISION.exec(word);
    while (elided !== null) {
      words.push(elided[1]!);
      word = word.slice(elided[0].length);
      elided = ELISION.exec(word);
    }
    // Other apostrophes (`aujourd'hui`, English `don't`) join one word.
    words.push(word.replace(/'/g, ''));
  }
  return words;
}
