import type { Role } from '../../accounts/user.js';

/** Who may see the watches and their inbox, triage it, and change the watches; composed in `accounts/policy.ts`. */
export const watchesPolicy = {
  // Readers (the direction) follow the inbox; moderators and the editorial team triage it.
  'veille.inbox.view': ['admin', 'editor', 'moderator', 'reader'],
  'veille.inbox.triage': ['admin', 'editor', 'moderator'],
  'veille.watches.manage': ['admin', 'editor'],
} as const satisfies Readonly<Record<string, readonly Role[]>>;
