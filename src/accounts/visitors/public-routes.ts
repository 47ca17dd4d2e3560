import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { HttpContext } from '../../http/app.js';
import { fillVisitorParts } from '../../http/cached-page.js';
import { hitRateLimit } from '../../http/rate-limit-store.js';
import { renderDocument } from '../../http/render.js';
import { ValidationError } from '../../errors.js';
import { SendMailJob } from '../../mail/mailer.js';
import { attemptSignIn, signOut } from '../sign-in.js';
import { normalizeEmail } from '../user.js';
import { safeReturnPath } from './safe-return-path.js';
import { alreadyRegisteredMail, signUpMail } from './visitor-mails.js';
import type { AccountPageBase } from './views/account-page-frame.js';
import { ChoosePasswordPage } from './views/choose-password-page.js';
import { SignUpPage } from './views/sign-up-page.js';
import { VisitorSignInPage } from './views/visitor-sign-in-page.js';

type Form = Record<string, string | undefined>;

/** Sign-up requests allowed per client address in an hour. */
const SIGNUPS_PER_ADDRESS = { limit: 5, windowSeconds: 3600 };

/** Whether anyone may create a visitor account: the site setting, and a way to mail the link. */
async function signUpOpen(http: HttpContext): Promise<boolean> {
  return http.relais.mailer.enabled && (await http.snapshots.latest()).settings.visitorSignup === 'oui';
}

/**
 * The visitors' pages on the public site: "Se connecter" (`/connexion`, back to a same-site
 * page), "Se déconnecter", "Créer un compte" (when the site allows it) and the page a mailed
 * link leads to, where the password is chosen and the account created.
 */
export function registerVisitorRoutes(app: FastifyInstance, http: HttpContext): void {
  const { relais } = http;

  async function send(request: FastifyRequest, reply: FastifyReply, status: number, draw: (base: AccountPageBase) => VNode) {
    const base = { ctx: await http.publicContext(), path: request.url.split('?')[0]!, csrfToken: reply.generateCsrf() };
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(fillVisitorParts(http, request, reply, renderDocument(draw(base))));
  }

  app.get<{ Querystring: Form }>('/connexion', async (request, reply) => {
    const returnTo = safeReturnPath(request.query.retour);
    if (request.visitor) return reply.redirect(returnTo ?? '/', 303);
    const notice = request.query.compte === 'active' ? 'Votre compte est activé : connectez-vous avec votre adresse et votre mot de passe.' : undefined;
    const canSignUp = await signUpOpen(http);
    return send(request, reply, 200, (base) => VisitorSignInPage({ base, returnTo, notice, canSignUp, canReset: relais.mailer.enabled }));
  });

  app.post<{ Body: Form }>('/connexion', async (request, reply) => {
    const email = normalizeEmail(request.body.email ?? '');
    const returnTo = safeReturnPath(request.body.retour);
    const outcome = await attemptSignIn(http, request, reply, email, request.body.password ?? '');
    if ('user' in outcome) return reply.redirect(returnTo ?? '/', 303);
    const canSignUp = await signUpOpen(http);
    return send(request, reply, outcome.status, (base) =>
      VisitorSignInPage({ base, email, error: outcome.error, returnTo, canSignUp, canReset: relais.mailer.enabled }));
  });

  app.post('/deconnexion', signOut(http));

  app.get('/inscription', async (request, reply) => {
    const open = await signUpOpen(http);
    return send(request, reply, open ? 200 : 403, (base) => SignUpPage({ base, state: open ? 'form' : 'closed' }));
  });

  app.post<{ Body: Form }>('/inscription', async (request, reply) => {
    if (!(await signUpOpen(http))) return send(request, reply, 403, (base) => SignUpPage({ base, state: 'closed' }));
    const values = { email: (request.body.email ?? '').trim(), name: (request.body.name ?? '').trim() };
    const limit = await hitRateLimit(relais.db.kysely, `signup:ip:${request.ip}`, SIGNUPS_PER_ADDRESS, relais.now());
    if (!limit.allowed) {
      reply.header('retry-after', String(limit.retryAfterSeconds));
      return send(request, reply, 429, (base) => SignUpPage({ base, state: 'form', values, errors: { limite: 'Trop de demandes depuis votre connexion : réessayez dans une heure.' } }));
    }
    try {
      const outcome = await relais.visitors.requestSignup(values);
      const { siteName } = (await http.snapshots.latest()).settings;
      if (outcome.kind === 'link') await relais.jobs.enqueue(SendMailJob, signUpMail(siteName, relais.config.publicUrl, outcome.link));
      if (outcome.kind === 'exists') await relais.jobs.enqueue(SendMailJob, alreadyRegisteredMail(siteName, relais.config.publicUrl, outcome.user));
      // The same page whatever happened: it must not tell which addresses have an account.
      return send(request, reply, 200, (base) => SignUpPage({ base, state: 'sent' }));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return send(request, reply, 400, (base) => SignUpPage({ base, state: 'form', values, errors: error.fields }));
    }
  });

  app.get<{ Querystring: Form }>('/compte/activer', async (request, reply) => {
    const token = request.query.jeton ?? '';
    const pending = token ? await relais.visitors.pendingLink(token) : undefined;
    return send(request, reply, pending ? 200 : 410, (base) => ChoosePasswordPage({ base, token, pending }));
  });

  app.post<{ Body: Form }>('/compte/activer', async (request, reply) => {
    const token = request.body.jeton ?? '';
    try {
      const user = token ? await relais.visitors.acceptLink(token, request.body.password ?? '') : undefined;
      if (user) return reply.redirect('/connexion?compte=active', 303);
      return send(request, reply, 410, (base) => ChoosePasswordPage({ base, token }));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const pending = await relais.visitors.pendingLink(token);
      return send(request, reply, pending ? 400 : 410, (base) => ChoosePasswordPage({ base, token, pending, error: Object.values(error.fields).join(' ') }));
    }
  });
}
