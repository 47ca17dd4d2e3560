import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService } from '../accounts/service.js';
import type { User } from '../accounts/user.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in back-office user, or null for an anonymous visitor. */
    visitor: User | null;
    /** The session id behind `visitor`. */
    sessionId: string | null;
  }
}

export const SESSION_COOKIE = 'relais_session';

/** Loads the signed-in user from the signed session cookie on every request that carries one. */
export function registerVisitor(app: FastifyInstance, accounts: Pick<AccountService, 'sessionUser'>, secure: boolean): void {
  app.decorateRequest('visitor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', (request, reply, done) => {
    // Most page views carry no session: answer them without a promise.
    if (!request.cookies[SESSION_COOKIE]) return done();
    loadVisitor(request, reply).then(() => done(), done);
  });

  async function loadVisitor(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const raw = request.cookies[SESSION_COOKIE]!;
    const unsigned = request.unsignCookie(raw);
    const user = unsigned.valid && unsigned.value ? await accounts.sessionUser(unsigned.value) : undefined;
    if (user) {
      request.visitor = user;
      request.sessionId = unsigned.value;
    } else {
      clearSessionCookie(reply, secure);
    }
  }
}

/** Sets the session cookie: signed, httpOnly, SameSite=Lax, Secure behind https. */
export function setSessionCookie(reply: FastifyReply, session: { id: string; expiresAt: Date }, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.id, { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true, expires: session.expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true });
}

/** The client address as Fastify resolved it (X-Forwarded-For believed only from TRUST_PROXY). */
export function clientAddress(request: FastifyRequest): string {
  return request.ip;
}
