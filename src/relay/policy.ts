import type { Role } from '../accounts/user.js';

/** Who may see and change the relay; composed with the other features' rules in `accounts/policy.ts`. */
export const relayPolicy = {
  // Readers (the direction) see what goes out when; editors prepare and submit posts.
  'relay.view': ['admin', 'editor', 'moderator', 'reader'],
  'relay.compose': ['admin', 'editor'],
  // Pages hold the organisation's network credentials.
  'relay.pages.manage': ['admin'],
} as const satisfies Readonly<Record<string, readonly Role[]>>;
