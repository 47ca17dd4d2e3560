/**
 * What the tokeniser takes out of the text before the block and inline
 * passes: finished HTML (code, cadre, `<html>`, media, note calls, escaped
 * scripts) and the block markers of `<quote>` and `<poesie>`.
 */
export type SpipToken =
  | { readonly kind: 'html'; readonly html: string; readonly hasAnchor: boolean }
  | { readonly kind: MarkerKind };

/** The block markers: `<quote>`, `</quote>`, `<poesie>`, `</poesie>`. */
export type MarkerKind = 'quote-open' | 'quote-close' | 'poesie-open' | 'poesie-close';

/** The text with its tokens replaced by placeholders (see `placeholders.ts`). */
export interface Tokenised {
  readonly text: string;
  readonly tokens: readonly SpipToken[];
}
