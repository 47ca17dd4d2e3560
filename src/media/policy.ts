import type { Role } from '../accounts/user.js';

/**
 * Who may do what in the media library; composed in `accounts/policy.ts`. Editors upload, as they
 * write the articles; visitors of the public site never upload.
 */
export const mediaPolicy = {
  'media.view': ['admin', 'editor', 'moderator', 'reader'],
  'media.edit': ['admin', 'editor'],
} as const satisfies Readonly<Record<string, readonly Role[]>>;
