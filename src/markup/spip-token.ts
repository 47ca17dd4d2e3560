/**
 * What the tokeniser takes out of the text before the block and inline
 * passes: finished HTML (code, cadre, `<html>`, media, note calls, escaped
 * scripts) and the block markers of `<quote>` and `<poesie>`. `source`
 * is what the writer typed there, for the places that show text as typed
 * (a link's URL or title), never the placeholder.
 */
export type SpipToken =
  | { readonly kind: 'html'; readonly html: string; readonly hasAnchor: boolean; readonly source: string }
  | { readonly kind: MarkerKind };

/** The block markers: `<quote>`, `</quote>`, `<poesie>`, `</poesie>`. */
export type MarkerKind = 'quote-open' | 'quote-close' | 'poesie-open' | 'poesie-close';

/** The text with its tokens replaced by placeholders (see `placeholders.ts`). */
export interface Tokenised {
  readonly text: string;
  readonly tokens: readonly SpipToken[];
}
