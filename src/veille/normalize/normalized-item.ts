/** One enclosure with its absolute address. */
export interface ItemEnclosure {
  readonly url: string;
  readonly type?: string;
  readonly length?: number;
}

/** The one normalised shape of a watched item (issue 6, "Items"), whatever its source. */
export interface NormalizedItem {
  readonly sourceId: string;
  /** Identity within the source: the entry's id, else its canonical link, else `sha256:` and the hash of title and text. */
  readonly guid: string;
  /** The entry's own link, made absolute. */
  readonly link?: string;
  /** The link's canonical form (see `canonicalLink`), for de-duplication. */
  readonly canonicalLink?: string;
  /** Plain text, white space collapsed; '' when the entry has none. */
  readonly title: string;
  readonly author?: string;
  /** ISO 8601 UTC; the update date when the entry gives no publication date. */
  readonly published?: string;
  /** ISO 8601 UTC. */
  readonly updated?: string;
  /** Sanitised HTML, as the parser gave it. */
  readonly summary?: string;
  /** Sanitised HTML, as the parser gave it. */
  readonly content?: string;
  /** The text of the content (else of the summary): one line per block. */
  readonly plainText: string;
  /** ISO 639-1 code: declared by the source, else detected; absent when unknown. */
  readonly language?: string;
  readonly categories: readonly string[];
  readonly enclosures: readonly ItemEnclosure[];
  /** SHA-256 (hex) of `plainText`. */
  readonly contentHash: string;
  /** True when a date lay in the future beyond the allowed skew and was brought back to the time of normalisation. */
  readonly datesClamped: boolean;
}
