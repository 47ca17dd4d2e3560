import type { WatchField } from './watch-query.js';
import { WatchQuerySyntaxError } from './watch-query-syntax-error.js';

/** One token of a watch query, with its 0-based position in the text. */
export type QueryToken =
  | { readonly kind: '(' | ')' | ',' | 'not' | 'and' | 'or' | 'end'; readonly position: number; readonly text: string }
  | { readonly kind: 'word' | 'phrase'; readonly position: number; readonly text: string }
  | { readonly kind: 'field'; readonly position: number; readonly text: string; readonly field: WatchField }
  | { readonly kind: 'near'; readonly position: number; readonly text: string; readonly distance: number; readonly ordered: boolean };

/** Field names, English first (the documented ones), then their French synonyms. */
const FIELDS: Readonly<Record<string, WatchField>> = {
  title: 'title', titre: 'title', author: 'author', auteur: 'author', site: 'site', lang: 'lang', langue: 'lang', source: 'source',
};

const OPERATORS: Readonly<Record<string, 'and' | 'or' | 'not'>> = {
  AND: 'and', ET: 'and', OR: 'or', OU: 'or', NOT: 'not', SAUF: 'not',
};

/** The longest proximity allowed, in words. */
export const MAX_NEAR_DISTANCE = 50;
/** Proximity when `NEAR` is written without `/n`. */
export const DEFAULT_NEAR_DISTANCE = 5;

const OPENING_QUOTES = '"«“';
const CLOSING_QUOTES = '"»”';
const PUNCTUATION = '(),' + OPENING_QUOTES + CLOSING_QUOTES;

/** The tokens of a watch query, ending with an `end` token; throws `WatchQuerySyntaxError` on an unclosed phrase, an unknown field or a bad `NEAR/n`. */
export function lexWatchQuery(text: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { tokens.push({ kind: c, position: i, text: c }); i++; continue; }
    if (c === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!)) { tokens.push({ kind: 'not', position: i, text: c }); i++; continue; }
    if (CLOSING_QUOTES.includes(c) && !OPENING_QUOTES.includes(c)) throw new WatchQuerySyntaxError(i, 'un terme ou des guillemets ouvrants', `« ${c} »`);
    if (OPENING_QUOTES.includes(c)) {
      let end = i + 1;
      while (end < text.length && !CLOSING_QUOTES.includes(text[end]!)) end++;
      if (end >= text.length) throw new WatchQuerySyntaxError(text.length, 'des guillemets fermants', 'la fin de la requête');
      tokens.push({ kind: 'phrase', position: i, text: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]!) && !PUNCTUATION.includes(text[end]!)) end++;
    lexWord(text.slice(i, end), i, tokens);
    i = end;
  }
  tokens.push({ kind: 'end', position: text.length, text: '' });
  return tokens;
}

function lexWord(word: string, position: number, tokens: QueryToken[], allowField = true): void {
  const operator = OPERATORS[word];
  if (operator) { tokens.push({ kind: operator, position, text: word }); return; }
  const near = /^(O?NEAR)(?:\/(.*))?$/.exec(word);
  if (near) {
    const distance = near[2] === undefined ? DEFAULT_NEAR_DISTANCE : /^\d{1,3}$/.test(near[2]) ? Number(near[2]) : Number.NaN;
    if (!(distance <= MAX_NEAR_DISTANCE)) {
      throw new WatchQuerySyntaxError(position + near[1]!.length + 1, `un nombre de mots de 0 à ${MAX_NEAR_DISTANCE} après ${near[1]}/`, `« ${near[2] ?? ''} »`);
    }
    tokens.push({ kind: 'near', position, text: word, distance, ordered: near[1] === 'ONEAR' });
    return;
  }
  const field = allowField ? /^([A-Za-z]+):/.exec(word) : null;
  if (field) {
    const name = FIELDS[field[1]!.toLowerCase()];
    if (!name) throw new WatchQuerySyntaxError(position, 'un champ parmi title:, author:, site:, lang:, source:', `« ${field[0]} »`);
    tokens.push({ kind: 'field', position, text: field[0], field: name });
    // The value is a plain word even if it holds a colon (site:https://…).
    if (word.length > field[0].length) lexWord(word.slice(field[0].length), position + field[0].length, tokens, false);
    return;
  }
  tokens.push({ kind: 'word', position, text: word });
}
