import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext } from '../http/app.js';
import { clearRateLimit, hitRateLimit } from '../http/rate-limit-store.js';
import { clearSessionCookie, setSessionCookie } from '../http/visitor.js';
import type { User } from './user.js';

/** Failed sign-ins allowed per account, and per client address, in 15 minutes. */
const PER_ACCOUNT = { limit: 5, windowSeconds: 900 };
const PER_ADDRESS = { limit: 20, windowSeconds: 900 };

/** A sign-in that worked (the session cookie is set), or the status and message to show. */
export type SignInOutcome = { readonly user: User } | { readonly status: 401 | 429; readonly error: string };

/**
 * Checks credentials under the login rate limits (per address and per account, whichever page
 * the form is on: back office or public site) and opens the session on success.
 */
export async function attemptSignIn(http: HttpContext, request: FastifyRequest, reply: FastifyReply, email: string, password: string): Promise<SignInOutcome> {
  const { db, now, accounts } = http.relais;
  const byAddress = await hitRateLimit(db.kysely, `login:ip:${request.ip}`, PER_ADDRESS, now());
  const byAccount = await hitRateLimit(db.kysely, `login:account:${email}`, PER_ACCOUNT, now());
  if (!byAddress.allowed || !byAccount.allowed) {
    const wait = Math.max(byAddress.retryAfterSeconds, byAccount.retryAfterSeconds);
    const minutes = Math.ceil(wait / 60);
    reply.header('retry-after', String(wait));
    return { status: 429, error: `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.` };
  }
  const user = email && password ? await accounts.authenticate(email, password) : undefined;
  if (!user) return { status: 401, error: 'Adresse e-mail ou mot de passe incorrect.' };
  await clearRateLimit(db.kysely, `login:account:${email}`);
  setSessionCookie(reply, await accounts.openSession(user.id), http.secureCookies);
  request.log.info({ userId: user.id }, 'accounts.login.succeeded');
  return { user };
}

/** Signing out, from the back office or the public site: the session ends, its cookie goes, home page. */
export function signOut(http: HttpContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.sessionId) await http.relais.accounts.closeSession(request.sessionId);
    clearSessionCookie(reply, http.secureCookies);
    return reply.redirect('/', 303);
  };
}
