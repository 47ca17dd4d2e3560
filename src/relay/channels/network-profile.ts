import type { NetworkName } from './channel-adapter.js';

/** What the shared call and error helpers need to know about one network. */
export interface NetworkProfile {
  readonly network: NetworkName;
  /** Its name in French sentences ("Mastodon", "X (Twitter)"). */
  readonly label: string;
  /** The wait its documentation gives when a 429 says nothing of when to come back. */
  readonly rateLimitWindowSeconds: number;
  /** A refusal that means the token is expired or invalid, beyond HTTP 401 (Facebook's code 190). */
  readonly isAuthFailure?: (status: number, body: unknown) => boolean;
  /** A refusal that is a rate limit, beyond HTTP 429 (Facebook's codes 4, 17, 32, 613). */
  readonly isRateLimit?: (status: number, body: unknown) => boolean;
}
