/** A file attached to an entry (RSS `<enclosure>`, Atom `rel="enclosure"`, media RSS, JSON Feed attachment). */
export interface FeedEnclosure {
  readonly url: string;
  readonly type?: string;
  readonly length?: number;
}

/** One entry of a feed, normalised; a field the feed does not give is absent, never empty. */
export interface FeedEntry {
  readonly id?: string;
  /** The entry's own link, resolved against `xml:base` and the document address, unchanged otherwise. */
  readonly link?: string;
  /** Plain text. */
  readonly title?: string;
  readonly author?: string;
  /** ISO 8601, UTC. */
  readonly published?: string;
  /** ISO 8601, UTC. */
  readonly updated?: string;
  /** Sanitised HTML, links and image sources absolute. */
  readonly summary?: string;
  /** Sanitised HTML, links and image sources absolute. */
  readonly content?: string;
  readonly categories?: readonly string[];
  readonly enclosures?: readonly FeedEnclosure[];
}

/** What a feed says about itself. */
export interface FeedInfo {
  readonly title?: string;
  readonly link?: string;
  readonly subtitle?: string;
  readonly language?: string;
  readonly updated?: string;
  readonly author?: string;
  readonly image?: string;
}

/**
 * The normalised result of `parseFeed`, the shape `relais feed parse --json`
 * prints (issue 6). `problems` are French sentences for the source's screen.
 */
export interface ParsedFeed {
  readonly feed: FeedInfo;
  readonly entries: readonly FeedEntry[];
  readonly problems: readonly string[];
}
