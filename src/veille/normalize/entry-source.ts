/** What normalisation needs to know of the source an entry came from. */
export interface EntrySource {
  /** The source's identifier, copied onto every item. */
  readonly id: string;
  /** The address of the feed or site, against which relative links are resolved. */
  readonly link?: string;
  /** The language the feed declares (`fr`, `fr-FR`), used before any detection. */
  readonly language?: string;
}
