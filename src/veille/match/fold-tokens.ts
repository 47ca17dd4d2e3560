/** French elided words written before an apostrophe (`l'école`, `qu'il`, `jusqu'à`): dropped from the word that follows. */
const ELISIONS: ReadonlySet<string> = new Set(['l', 'd', 'qu', 'j', 'n', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

/** Folded form of each non-ASCII character seen so far ('' for combining marks), or `null` when it separates words. */
const FOLDED = new Map<number, string | null>();
/** The same for the first code points (Latin, Greek, Cyrillic, punctuation), in an array: read for every accented letter. */
const FOLDED_LOW: (string | null | undefined)[] = new Array(0x2100).fill(undefined);

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const DIACRITICS = /\p{M}/gu;
/** Letters NFD does not split: `cœur` is found by `coeur`; Greek final sigma is a sigma. */
const LIGATURES: Readonly<Record<string, string>> = { 'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'ĳ': 'ij', 'ς': 'σ' };

function foldCharacter(code: number): string | null {
  let folded = code < FOLDED_LOW.length ? FOLDED_LOW[code] : FOLDED.get(code);
  if (folded !== undefined) return folded;
  const character = String.fromCodePoint(code);
  if (MARK.test(character)) folded = '';
  // U+02BC is a letter to Unicode, an apostrophe to French writers (lʼécole).
  else if (!LETTER_OR_DIGIT.test(character) || code === 0x2bc) folded = null;
  else {
    const stripped = character.toLowerCase().normalize('NFD').replace(DIACRITICS, '');
    folded = '';
    for (const letter of stripped) folded += LIGATURES[letter] ?? letter;
  }
  if (code < FOLDED_LOW.length) FOLDED_LOW[code] = folded;
  else FOLDED.set(code, folded);
  return folded;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
}

/**
 * The words of a text as the matching engine compares them: lower case,
 * accents and ligatures folded (`Œuvre` → `oeuvre`), French elisions dropped
 * (`l’école` → `ecole`), other apostrophes joined (`aujourd'hui` →
 * `aujourdhui`), anything but letters and digits separating words. When
 * `offsets` is given, each word's start and end in `text` are pushed to it
 * (for highlighting).
 *
 * @example
 * foldTokens("L’Été à Évry, qu'il pleuve !"); // ['ete', 'a', 'evry', 'il', 'pleuve']
 */
export function foldTokens(text: string, offsets?: number[]): string[] {
  const words: string[] = [];
  // The word so far is text.slice(start, i) while `built` is null (plain lower-case ASCII), else `built`.
  let built: string | null = null;
  let start = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      if (start < 0) start = i;
      else if (built !== null) built += text[i];
      continue;
    }
    let folded: string | null;
    let width = 1;
    if (code < 0x80) folded = code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : null;
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) width = 2;
      folded = foldCharacter(point);
    }
    if (folded !== null) {
      if (start < 0) {
        start = i;
        built = folded;
      } else {
        built = (built ?? text.slice(start, i)) + folded;
      }
      i += width - 1;
      continue;
    }
    if (start >= 0 && isApostrophe(code) && i + 1 < length && startsWord(text, i + 1)) {
      // l'école: the elision goes, the word starts after the apostrophe; aujourd'hui: one word.
      const word: string = built ?? text.slice(start, i);
      if (ELISIONS.has(word)) {
        built = null;
        start = i + 1;
      } else if (built === null) {
        built = word;
      }
      continue;
    }
    if (start >= 0) {
      const word = built ?? text.slice(start, i);
      if (word !== '') {
        words.push(word);
        offsets?.push(start, i);
      }
      built = null;
      start = -1;
    }
  }
  if (start >= 0) {
    const word = built ?? text.slice(start);
    if (word !== '') {
      words.push(word);
      offsets?.push(start, length);
    }
  }
  return words;
}

/** Whether a letter or digit follows at `i`, combining marks skipped (they are dropped before reading, as accents). */
function startsWord(text: string, i: number): boolean {
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
    const folded = foldCharacter(text.codePointAt(i)!);
    if (folded === null) return false;
    if (folded !== '') return true;
  }
  return false;
}
