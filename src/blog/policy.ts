import type { Role } from '../accounts/user.js';

/** Who may do what in the blog; composed with the other features' rules in `accounts/policy.ts`. */
export const blogPolicy = {
  'blog.article.edit': ['admin', 'editor'],
  'blog.section.edit': ['admin', 'editor'],
} as const satisfies Readonly<Record<string, readonly Role[]>>;
