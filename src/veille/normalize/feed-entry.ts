/** One enclosure of a feed entry (a podcast's audio, an attached document). */
export interface FeedEnclosure {
  readonly url?: string;
  readonly type?: string;
  readonly length?: number;
}

/**
 * One entry as the feed parser gives it (`relais feed parse --json`): dates
 * are ISO 8601 UTC strings, `title` plain text, `summary` and `content`
 * sanitised HTML. Every field may be missing; normalisation copes.
 */
export interface FeedEntry {
  readonly id?: string;
  readonly link?: string;
  readonly title?: string;
  readonly author?: string;
  readonly published?: string;
  readonly updated?: string;
  readonly summary?: string;
  readonly content?: string;
  readonly categories?: readonly string[];
  readonly enclosures?: readonly FeedEnclosure[];
}

/** What normalisation needs to know of the source an entry came from. */
export interface EntrySource {
  /** The source's identifier, copied onto every item. */
  readonly id: string;
  /** The address of the feed or site, against which relative links are resolved. */
  readonly link?: string;
  /** The language the feed declares (`fr`, `fr-FR`), used before any detection. */
  readonly language?: string;
}
