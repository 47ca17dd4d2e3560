import type { FetchResource } from '../fetch/create-guarded-fetch.js';
import type { FeedEntry } from '../parse/parsed-feed.js';

/**
 * An entry from a social network: a `FeedEntry` (what normalisation takes) plus what
 * a feed does not say but a network API does.
 */
export interface AdapterEntry extends FeedEntry {
  /** The language the author declared (`fr`), to use before any detection. */
  readonly language?: string;
  /** Marked sensitive or adult by its author or the network (Mastodon `sensitive`, Reddit `over_18`). */
  readonly sensitive?: boolean;
}

/**
 * What an adapter remembers between two polls to ask only for what is new (a Mastodon
 * `min_id`, a Reddit fullname, a Bluesky date, an ETag). Plain strings, so the sources
 * store can keep it as JSON on the source's row; an adapter reads only its own keys.
 */
export type AdapterState = Readonly<Record<string, string>>;

/** What an adapter needs from the outside, passed by the poller. */
export interface AdapterDeps {
  /** The guarded client (src/veille/fetch): every request of an adapter goes through it. */
  readonly fetchResource: FetchResource;
  /** Cancels the poll (the worker shuts down). */
  readonly signal?: AbortSignal;
}

/** How an adapter is built; `ADAPTERS` uses the defaults. */
export interface AdapterOptions {
  /** Where the network's API is (its real address by default); tests point it at a local server. */
  readonly apiBase?: string;
}

/** One poll's outcome. */
export interface AdapterResult {
  /** New entries, newest first as the network gives them; empty when nothing is new. */
  readonly entries: readonly AdapterEntry[];
  /** To store on the source and give back at the next poll. */
  readonly state: AdapterState;
  /**
   * Seconds until the next poll is worth it, when the adapter knows better than the
   * source's rhythm: a full page means more is waiting.
   */
  readonly nextCheckHint?: number;
  /** French sentences for the source's screen: entries skipped because unreadable. */
  readonly problems: readonly string[];
}

/** A configuration checked by `validate`: the config itself, or French messages by field. */
export type ConfigCheck<C> =
  | { readonly ok: true; readonly config: C }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/**
 * One kind of watch source behind the network's public API (issue 6, "Sources"). The
 * poller keeps each source's `kind`, its config (JSON, as the user entered it) and its
 * state, and for each poll calls:
 *
 * @example
 * const adapter = ADAPTERS[source.kind];
 * const check = adapter.validate(source.config);
 * if (!check.ok) return markInvalid(source, Object.values(check.errors));
 * try {
 *   const { entries, state, nextCheckHint, problems } = await adapter.fetch(check.config, source.state, { fetchResource });
 *   // normalizeItem(entry, { id: source.id, language: entry.language }) for each entry, then save state
 * } catch (error) {
 *   // FetchError or SourceAdapterError: `message` is French for the screen, `detail` for the log
 * }
 *
 * Failures are thrown: `FetchError` (from the guarded client) or `SourceAdapterError`;
 * both have a French `message` and never contain a token.
 */
export interface SourceAdapter<C> {
  readonly kind: string;
  /** A French label for the sources screen (« Mastodon : #conseilmunicipal sur mastodon.social »). */
  describe(config: C): string;
  /**
   * The web page a person would open to see what the source follows
   * (`https://mastodon.social/tags/lyon`): stored as the source's address, so the same
   * hashtag, search, subreddit or channel is watched once.
   */
  address(config: C): string;
  /** Checks what the user entered (or what was stored); French messages by field. */
  validate(input: unknown): ConfigCheck<C>;
  /** Polls once for what is new since `state` (empty state: the latest page). */
  fetch(config: C, state: AdapterState, deps: AdapterDeps): Promise<AdapterResult>;
}
