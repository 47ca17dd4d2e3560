/** French elided articles and pronouns written before an apostrophe: `l'`, `d'`, `qu'`, `j'`, `n'`, `s'`, `c'`, `m'`, `t'`, `jusqu'`, `lorsqu'`, `puisqu'`. */
const ELISION = /^(l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)['’]/;

/**
 * The words of a text for comparison: lower-cased, accents folded
 * (`été` → `ete`, so a missing accent does not make another word), French
 * elisions split off (`l'école` → `l`, `ecole`), anything that is not a
 * letter or a digit treated as a separator. Reads at most `limit` words.
 *
 * @example
 * foldWords("L'Été à Évry, qu'il pleuve !"); // ['l', 'ete', 'a', 'evry', 'qu', 'il', 'pleuve']
 */
export function foldWords(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  const words: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    let word = match[0];
    let elided = ELISION.exec(word);
    while (elided !== null && words.length < limit) {
      words.push(elided[1]!);
      word = word.slice(elided[0].length);
      elided = ELISION.exec(word);
    }
    if (words.length >= limit) break;
    // Other apostrophes (English `don't`, `o'clock`) join one word.
    words.push(word.replace(/['’]/g, ''));
  }
  return words;
}
