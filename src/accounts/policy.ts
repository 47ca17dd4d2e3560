import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors.js';
import { blogPolicy } from '../blog/policy.js';
import { forumPolicy } from '../forum/policy.js';
import { sourcesPolicy } from '../veille/sources/policy.js';
import { watchesPolicy } from '../veille/watches/policy.js';
import { relayPolicy } from '../relay/policy.js';
import { mediaPolicy } from '../media/policy.js';
import type { Role, User } from './user.js';

/** Rules of the accounts feature itself. Readers (direction, élu·es) see the back office and change nothing. */
const accountsPolicy = {
  'backoffice.view': ['admin', 'editor', 'moderator', 'reader'],
  'accounts.user.manage': ['admin'],
  'site.settings.edit': ['admin'],
  'audit.view': ['admin'],
} as const satisfies Readonly<Record<string, readonly Role[]>>;

/** Every feature's rules in one table: the single place answering "may this role do that?". */
const POLICY = { ...accountsPolicy, ...blogPolicy, ...forumPolicy, ...sourcesPolicy, ...watchesPolicy, ...relayPolicy, ...mediaPolicy } as const;

export type Permission = keyof typeof POLICY;

/** Whether the user (null: anonymous) has the permission. */
export function can(user: Pick<User, 'role'> | null, permission: Permission): boolean {
  return user !== null && (POLICY[permission] as readonly Role[]).includes(user.role);
}

/**
 * A route hook: anonymous visitors are sent to the login page (then back), signed-in users
 * without the permission get a 403 page.
 */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!request.visitor) {
      const next = request.method === 'GET' ? `?retour=${encodeURIComponent(request.url)}` : '';
      await reply.redirect(`/ecrire/login${next}`, 303);
      return;
    }
    if (!can(request.visitor, permission)) throw new ForbiddenError();
  };
}
