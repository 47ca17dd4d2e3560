import { jsonString } from '../json-path.js';
import type { NetworkProfile } from '../network-profile.js';

/** The official PDS; a page on another PDS sets `credentials.instance`. */
export const BLUESKY_BASE = 'https://bsky.social';

/**
 * Bluesky for the shared helpers. An expired or invalid access JWT is a 400 with
 * `ExpiredToken` / `InvalidToken` (XRPC error names), not a 401.
 */
export const BLUESKY: NetworkProfile = Object.freeze({
  network: 'bluesky',
  label: 'Bluesky',
  rateLimitWindowSeconds: 300,
  isAuthFailure: (status: number, body: unknown) =>
    status === 400 && ['ExpiredToken', 'InvalidToken'].includes(jsonString(body, 'error') ?? ''),
});
