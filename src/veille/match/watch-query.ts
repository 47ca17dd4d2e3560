/**
 * Where a term is looked for: `text` is the default (the item's title and
 * its text), the others are named in the query (`title:`, `author:`,
 * `site:`, `lang:`, `source:`).
 */
export type WatchField = 'text' | 'title' | 'author' | 'site' | 'lang' | 'source';

/** A plain word: matched on its light French stem (`festivals` finds `festival`). `word` is folded (lower case, no accents, no elision). */
export interface WordTerm {
  readonly kind: 'word';
  readonly field: WatchField;
  readonly word: string;
}

/** An exact phrase (`"budget primitif"`): these folded words in a row, without stemming. */
export interface PhraseTerm {
  readonly kind: 'phrase';
  readonly field: WatchField;
  readonly words: readonly string[];
}

/** A prefix (`festiv*`): any folded word starting with `prefix`. */
export interface PrefixTerm {
  readonly kind: 'prefix';
  readonly field: WatchField;
  readonly prefix: string;
}

/** A term that has positions in the text: what phrases and `NEAR` are made of. */
export type WatchTerm = WordTerm | PhraseTerm | PrefixTerm;

/**
 * `NEAR/n(a, b)`: `a` and `b` with at most `n` words between them, in
 * either order; `ONEAR/n(a, b)`: the same with `a` first. Each side is one
 * term or a choice of terms (`(concert OR spectacle)`).
 */
export interface NearQuery {
  readonly kind: 'near';
  readonly field: WatchField;
  readonly distance: number;
  readonly ordered: boolean;
  readonly left: readonly WatchTerm[];
  readonly right: readonly WatchTerm[];
}

export interface AndQuery {
  readonly kind: 'and';
  readonly children: readonly WatchQuery[];
}

export interface OrQuery {
  readonly kind: 'or';
  readonly children: readonly WatchQuery[];
}

export interface NotQuery {
  readonly kind: 'not';
  readonly child: WatchQuery;
}

/**
 * A parsed watch query: a frozen `kind`-tagged tree. Fields are pushed
 * down to the terms (`title:(a OR b)` gives two terms of field `title`).
 */
export type WatchQuery = WatchTerm | NearQuery | AndQuery | OrQuery | NotQuery;
