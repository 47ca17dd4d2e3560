/** What the inline pass returns for one run of text. */
export interface InlineResult {
  readonly html: string;
  /** True when typed block elements (`<div>`, `<ul>`…) were kept: the run is then not wrapped in `<p>`. */
  readonly hasBlock: boolean;
  /** Note calls met inside link text, to place just after the link (links cannot nest). */
  readonly afterLink: string;
}
