import type { NetworkName } from './channel-adapter.js';
import { jsonValue } from './json-path.js';
import type { NetworkProfile } from './network-profile.js';

// Graph API error codes (developers.facebook.com/docs/graph-api/guides/error-handling).
const AUTH_CODES = new Set([102, 190]);
const RATE_CODES = new Set([4, 17, 32, 613, 80001, 80002]);

/**
 * A network on Meta's Graph API (Facebook pages, Threads): an expired or revoked token is
 * error code 190 (or 102) whatever the HTTP status, and rate limits are codes 4, 17, 32,
 * 613 and 800xx, often sent as 400 or 403 rather than 429.
 */
export function metaGraphProfile(network: NetworkName, label: string): NetworkProfile {
  const code = (body: unknown) => Number(jsonValue(body, 'error.code'));
  return Object.freeze({
    network,
    label,
    rateLimitWindowSeconds: 3600,
    isAuthFailure: (_status: number, body: unknown) => AUTH_CODES.has(code(body)),
    isRateLimit: (_status: number, body: unknown) => RATE_CODES.has(code(body)),
  });
}
