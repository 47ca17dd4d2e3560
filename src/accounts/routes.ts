import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HttpContext } from '../http/app.js';
import { renderDocument } from '../http/render.js';
import { hitRateLimit } from '../http/rate-limit-store.js';
import { ValidationError } from '../errors.js';
import { SendMailJob } from '../mail/mailer.js';
import { can } from './policy.js';
import { attemptSignIn, signOut } from './sign-in.js';
import { normalizeEmail, type User } from './user.js';
import { ForgotPasswordPage, LoginPage, ResetPasswordPage } from './views.js';
import { registerVisitorRoutes } from './visitors/public-routes.js';
import { safeReturnPath } from './visitors/safe-return-path.js';

type Form = Record<string, string | undefined>;

/** Only a back-office path of this site, so the login form cannot send anyone elsewhere. */
function safeReturn(value: string | undefined): string | undefined {
  const path = safeReturnPath(value);
  return path?.startsWith('/ecrire/') ? path : undefined;
}

/** Where a signed-in user goes by default: the back office, or the public site for a visitor. */
function homeOf(user: User): string {
  return can(user, 'backoffice.view') ? '/ecrire/' : '/';
}

/** Sign in, sign out and password reset (back office), then the visitors' public pages. */
export function registerAccountRoutes(app: FastifyInstance, http: HttpContext): void {
  const { relais } = http;
  const { db, now } = relais;

  async function page(reply: FastifyReply, status: number, draw: (base: { assets: typeof http.assets; siteName: string; csrfToken: string }) => ReturnType<typeof LoginPage>) {
    const site = await http.snapshots.latest();
    const body = renderDocument(draw({ assets: http.assets, siteName: site.settings.siteName, csrfToken: reply.generateCsrf() }));
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  }

  app.get<{ Querystring: Form }>('/ecrire/login', (request, reply) => {
    if (request.visitor) return reply.redirect(safeReturn(request.query.retour) ?? homeOf(request.visitor), 303);
    const notice = request.query.reinitialise !== undefined ? 'Votre mot de passe a été changé : vous pouvez vous connecter.' : undefined;
    return page(reply, 200, (base) => LoginPage({ ...base, returnTo: safeReturn(request.query.retour), notice, canReset: relais.mailer.enabled }));
  });

  app.post<{ Body: Form }>('/ecrire/login', async (request, reply) => {
    const email = normalizeEmail(request.body.email ?? '');
    const password = request.body.password ?? '';
    const returnTo = safeReturn(request.body.retour);
    const again = (status: number, error: string) =>
      page(reply, status, (base) => LoginPage({ ...base, email, error, returnTo, canReset: relais.mailer.enabled }));

    const outcome = await attemptSignIn(http, request, reply, email, password);
    if (!('user' in outcome)) return again(outcome.status, outcome.error);
    return reply.redirect(returnTo ?? homeOf(outcome.user), 303);
  });

  app.post('/ecrire/logout', signOut(http));

  app.get('/ecrire/mot-de-passe-oublie', (_request, reply) => page(reply, relais.mailer.enabled ? 200 : 404, (base) => ForgotPasswordPage(base)));

  app.post<{ Body: Form }>('/ecrire/mot-de-passe-oublie', async (request, reply) => {
    if (!relais.mailer.enabled) return reply.callNotFound();
    const limit = await hitRateLimit(db.kysely, `reset:ip:${request.ip}`, { limit: 5, windowSeconds: 3600 }, now());
    const reset = limit.allowed ? await relais.accounts.createPasswordReset(request.body.email ?? '') : undefined;
    if (reset) {
      const site = await http.snapshots.latest();
      const link = `${relais.config.publicUrl}/ecrire/nouveau-mot-de-passe?token=${reset.token}`;
      await relais.jobs.enqueue(SendMailJob, {
        to: reset.user.email,
        subject: `${site.settings.siteName} : choisir un nouveau mot de passe`,
        text: `Bonjour ${reset.user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${link}\n\n` +
          `Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.\n`,
      });
    }
    // Same answer whether or not the account exists.
    return page(reply, 200, (base) => ForgotPasswordPage({ ...base, sent: true }));
  });

  app.get<{ Querystring: Form }>('/ecrire/nouveau-mot-de-passe', (request, reply) =>
    page(reply, 200, (base) => ResetPasswordPage({ ...base, token: request.query.token ?? '' })));

  app.post<{ Body: Form }>('/ecrire/nouveau-mot-de-passe', async (request, reply) => {
    const token = request.body.token ?? '';
    try {
      if (await relais.accounts.resetPassword(token, request.body.password ?? '')) return reply.redirect('/ecrire/login?reinitialise', 303);
      return page(reply, 400, (base) => ResetPasswordPage({ ...base, token, error: 'Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.' }));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return page(reply, 400, (base) => ResetPasswordPage({ ...base, token, error: Object.values(error.fields).join(' ') }));
    }
  });

  registerVisitorRoutes(app, http);
}
