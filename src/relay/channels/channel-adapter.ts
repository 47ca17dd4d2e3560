import type { FetchResource } from '../../veille/fetch/create-guarded-fetch.js';

/**
 * The guarded HTTP client every call of an adapter goes through
 * (`createGuardedFetch` of the veille, `FETCH_ALLOW_HOSTS` for tests).
 */
export type GuardedFetch = FetchResource;

/** The networks Relais relays to, one folder each under `src/relay/channels/`. */
export type NetworkName = 'mastodon' | 'bluesky' | 'facebook' | 'linkedin' | 'x' | 'threads';

/** Every network, in the order screens list them. */
export const NETWORK_NAMES: readonly NetworkName[] = Object.freeze([
  'mastodon',
  'bluesky',
  'facebook',
  'linkedin',
  'x',
  'threads',
]);

/**
 * A page's credentials, decrypted, in memory only (never logged, never shown back).
 *
 * - `instance`: the API base URL. Required for Mastodon (`https://mastodon.exemple.fr`); for
 *   the other networks it overrides the official base (a Bluesky PDS, or a local contract
 *   server in tests: `http://127.0.0.1:PORT`).
 * - `accessToken`: Mastodon user token; Bluesky app password (the session is created from
 *   it, see `identifier`); Facebook page access token; LinkedIn / X / Threads OAuth token.
 * - `accountId`: Bluesky handle or DID; Facebook page id; LinkedIn organization id (digits or
 *   `urn:li:organization:…`); Threads user id. Unused by Mastodon and X.
 * - `refreshToken`: Bluesky refresh JWT once a session exists.
 * - extras: Bluesky `accessJwt` / `did` of the current session (returned by
 *   `verifyCredentials` as `refreshedCredentials`, to store encrypted again).
 */
export interface ChannelCredentials {
  readonly instance?: string;
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly accountId?: string;
  readonly [extra: string]: string | undefined;
}

/** An image to attach, with its text alternative (required by Relais, sent to every network). */
export interface ChannelMedia {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly alt: string;
  readonly fileName: string;
  /** The file's public address on the site: Threads fetches images by URL, never by upload. */
  readonly url?: string;
}

/** What the outbox asks an adapter to post: the variant's final text (links already in it). */
export interface OutgoingPost {
  readonly text: string;
  /** The article's link, for link cards / Facebook `link` / LinkedIn article content. */
  readonly link?: string;
  readonly linkTitle?: string;
  readonly linkDescription?: string;
  readonly media?: readonly ChannelMedia[];
  /** Mastodon only; `public` by default. */
  readonly visibility?: 'public' | 'unlisted';
  /** ISO 639-1 language of the text, `fr` by default (Mastodon `language`, Bluesky `langs`). */
  readonly language?: string;
}

/** Per attempt: the variant's idempotency key (same on every retry) and the guarded client. */
export interface PublishContext {
  /**
   * Stable per variant. Sent as Mastodon's `Idempotency-Key`; kept by the adapters as the
   * marker `findRecentPost` looks for when a network has no such header (see `postMarker`).
   */
  readonly idempotencyKey: string;
  readonly fetch: GuardedFetch;
}

/** A post the network accepted. */
export interface PublishedPost {
  readonly remoteId: string;
  readonly url?: string;
  /** New credentials to store encrypted again when publishing had to renew a session (Bluesky). */
  readonly refreshedCredentials?: ChannelCredentials;
}

/** What a network accepts in one post. */
export interface ChannelLimits {
  readonly maxLength: number;
  readonly maxMedia: number;
  readonly maxAltLength?: number;
}

/** What `verifyCredentials` learns about an account. */
export interface VerifiedAccount {
  readonly accountName: string;
  /** ISO date when the token expires, when the network says. */
  readonly expiresAt?: string;
  /** New credentials to store encrypted again (e.g. a new Bluesky session). */
  readonly refreshedCredentials?: ChannelCredentials;
}

/**
 * One network behind the interface the outbox, the composer and the health screen use.
 * Failures are thrown as `ChannelError` (see `channel-error.ts`), whose `kind` drives retries.
 *
 * @example
 * const adapter = CHANNELS[page.network];
 * if (adapter.countLength(text) > adapter.limits().maxLength) blockPublishing();
 * const posted = await adapter.publish({ text, link }, credentials, { idempotencyKey: variant.key, fetch });
 */
export interface ChannelAdapter {
  readonly network: NetworkName;
  limits(): ChannelLimits;
  /**
   * The limits of this page's own server, where they vary by server (a Mastodon instance may
   * allow 5,000 characters); absent where `limits()` is the whole story.
   */
  readLimits?(credentials: ChannelCredentials, ctx: { readonly fetch: GuardedFetch }): Promise<ChannelLimits>;
  /** The length as the network counts it (graphemes; URLs as the network counts them). */
  countLength(text: string): number;
  verifyCredentials(credentials: ChannelCredentials, ctx: { readonly fetch: GuardedFetch }): Promise<VerifiedAccount>;
  publish(post: OutgoingPost, credentials: ChannelCredentials, ctx: PublishContext): Promise<PublishedPost>;
  /**
   * Looks through the account's recent posts for one whose text is `marker` (the
   * `OutgoingPost.text` of the attempt whose outcome is unknown; compared with white space
   * collapsed and links set aside, as networks rewrite both): the outbox calls it before
   * retrying an attempt that timed out after sending, so a post is never published twice.
   */
  findRecentPost(
    marker: string,
    credentials: ChannelCredentials,
    ctx: { readonly fetch: GuardedFetch },
  ): Promise<PublishedPost | undefined>;
}
