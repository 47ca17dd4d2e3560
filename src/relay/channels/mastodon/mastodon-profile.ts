import type { NetworkProfile } from '../network-profile.js';

/** Mastodon for the shared helpers: 300 calls per 5 minutes, 30 media uploads per 30 minutes. */
export const MASTODON: NetworkProfile = Object.freeze({
  network: 'mastodon',
  label: 'Mastodon',
  rateLimitWindowSeconds: 300,
});
