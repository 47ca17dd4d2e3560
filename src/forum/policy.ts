import type { Role } from '../accounts/user.js';

/** Who may do what in the forum; composed with the other features' rules in `accounts/policy.ts`. */
export const forumPolicy = {
  'forum.moderate': ['admin', 'moderator'],
} as const satisfies Readonly<Record<string, readonly Role[]>>;
