import type { Role } from '../../accounts/user.js';

/** Who may see and change the watch's sources; composed with the other features' rules in `accounts/policy.ts`. */
export const sourcesPolicy = {
  // Readers (the direction) see the sources' health; only those who run the watch change them.
  'veille.sources.view': ['admin', 'editor', 'moderator', 'reader'],
  'veille.sources.manage': ['admin', 'editor'],
} as const satisfies Readonly<Record<string, readonly Role[]>>;
