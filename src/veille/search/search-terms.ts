import { STOP_WORDS } from '../normalize/stop-words.js';

/** One term of a search: words in a row (a single word, or a quoted phrase), or a word prefix (`festiv*`). */
export type SearchTerm =
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'prefix'; readonly prefix: string };

const ELISIONS: ReadonlySet<string> = new Set(['l', 'd', 'qu', 'j', 'n', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu']);
// `été` and `être` stay: a season is worth finding, and PostgreSQL's French list, read after
// unaccent, no longer recognises them either.
const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set((STOP_WORDS.fr ?? []).filter((w) => w !== 'ete' && w !== 'etre'));
const DIACRITICS = /\p{M}/gu;

/** Lower case, no accents, split where the full-text indexes split: anything but letters and digits. */
function tokens(text: string): string[] {
  return text.toLowerCase().normalize('NFD').replace(DIACRITICS, '').split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
}

/**
 * The terms of a search box's text, all required: "quoted phrases" as typed, other words with
 * French elisions (`l'`, `d'`, `qu'`…) and common function words (`le`, `de`, `et`…) dropped —
 * unless nothing else is left — and `mot*` as a prefix. Accents and case are folded, as in both
 * full-text indexes.
 *
 * @example
 * searchTerms('Le festival "fête de la musique" d’Évry programm*');
 * // [{ kind: 'words', words: ['festival'] }, { kind: 'words', words: ['fete', 'de', 'la', 'musique'] },
 * //  { kind: 'words', words: ['evry'] }, { kind: 'prefix', prefix: 'programm' }]
 */
export function searchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const plain: SearchTerm[] = [];
  for (const [, phrase, chunk] of text.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    if (phrase !== undefined) {
      const words = tokens(phrase);
      if (words.length > 0) terms.push(Object.freeze({ kind: 'words', words: Object.freeze(words) }));
      continue;
    }
    const words = tokens(chunk!);
    while (words.length > 1 && ELISIONS.has(words[0]!)) words.shift();
    if (words.length === 0) continue;
    if (chunk!.endsWith('*') && words.length === 1) {
      terms.push(Object.freeze({ kind: 'prefix', prefix: words[0]! }));
      continue;
    }
    const term: SearchTerm = Object.freeze({ kind: 'words', words: Object.freeze(words) });
    if (words.length === 1 && FRENCH_STOP_WORDS.has(words[0]!)) plain.push(term);
    else terms.push(term);
  }
  // Only function words ("la une"): search for them rather than for nothing.
  return terms.length > 0 ? terms : plain;
}
