import { jsonString } from '../json-path.js';
import type { NetworkProfile } from '../network-profile.js';

/** The X API v2 base. */
export const X_BASE = 'https://api.x.com';

/**
 * X for the shared helpers. POST /2/tweets allows 100 posts per 15 minutes per user; a 429
 * carries x-rate-limit-reset. The OAuth token endpoint refuses a spent refresh token with
 * a 400 `invalid_request` / `invalid_grant`: the page must be connected again.
 */
export const X: NetworkProfile = Object.freeze({
  network: 'x',
  label: 'X (Twitter)',
  rateLimitWindowSeconds: 900,
  isAuthFailure: (status: number, body: unknown) =>
    status === 400 && ['invalid_request', 'invalid_grant'].includes(jsonString(body, 'error') ?? ''),
});
