import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../errors.js';
import { adminContext, idParam, noticeFrom, sendAdminPage, textField, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { generatePassword } from './password.js';
import { requirePermission } from './policy.js';
import { isRole } from './user.js';
import { UserCreatedPage, UserFormPage } from './admin-views/user-form-page.js';
import { UserListPage } from './admin-views/user-list-page.js';
import { InviteVisitorPage } from './admin-views/invite-visitor-page.js';
import { invitationMail } from './visitors/visitor-mails.js';
import { SendMailJob } from '../mail/mailer.js';

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  cree: 'Compte créé avec le mot de passe saisi.',
  role: 'Rôle modifié.',
  desactive: 'Compte désactivé : ses sessions ouvertes sont fermées.',
  active: 'Compte réactivé.',
  invite: 'Invitation envoyée : le compte sera créé quand la personne aura choisi son mot de passe.',
});

type Params = { Params: { id: string } };

/** Administrators manage accounts: list, create, invite a visitor, change role, disable / enable. */
export function registerAccountAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const { accounts, visitors, jobs, mailer, config } = http.relais;
  const manage = { preHandler: requirePermission('accounts.user.manage') };
  const actorId = (request: FastifyRequest) => request.visitor!.id;

  async function listPage(request: FastifyRequest, reply: FastifyReply, errors?: Readonly<Record<string, string>>) {
    const site = await http.snapshots.latest();
    return sendAdminPage(reply, UserListPage({
      ctx: await adminContext(http, request, reply), users: await accounts.listUsers(), timeZone: site.settings.timeZone,
      notice: noticeFrom(request.query, NOTICES), errors,
    }), errors ? 400 : 200);
  }

  /** Runs a change on one account, then back to the list with its notice (or the refusal). */
  async function change(request: FastifyRequest<Params>, reply: FastifyReply, ok: string, run: (userId: number) => Promise<void>) {
    try {
      await run(idParam(request.params.id));
      return reply.redirect(`/ecrire/utilisateurs?ok=${ok}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return listPage(request, reply, error.fields);
    }
  }

  app.get('/ecrire/utilisateurs', manage, (request, reply) => listPage(request, reply));

  app.get('/ecrire/utilisateurs/nouveau', manage, async (request, reply) =>
    sendAdminPage(reply, UserFormPage({ ctx: await adminContext(http, request, reply), values: { email: '', name: '', role: 'editor' } })));

  app.post<{ Body: FormFields }>('/ecrire/utilisateurs/nouveau', manage, async (request, reply) => {
    const values = { email: textField(request.body, 'email').trim(), name: textField(request.body, 'name').trim(), role: textField(request.body, 'role') };
    const typed = textField(request.body, 'password');
    const password = typed === '' ? generatePassword() : typed;
    try {
      if (!isRole(values.role)) throw new ValidationError({ role: 'Choisissez un rôle dans la liste.' });
      if (values.name.length > 100) throw new ValidationError({ name: 'Le nom ne peut pas dépasser 100 caractères.' });
      const user = await accounts.addUser(actorId(request), { ...values, role: values.role, password });
      if (typed !== '') return reply.redirect('/ecrire/utilisateurs?ok=cree', 303);
      // The generated password can only be shown in this response: it is never stored in clear.
      return sendAdminPage(reply, UserCreatedPage({ ctx: await adminContext(http, request, reply), user, password }));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendAdminPage(reply, UserFormPage({ ctx: await adminContext(http, request, reply), values, errors: error.fields }), 400);
    }
  });

  app.get('/ecrire/utilisateurs/inviter', manage, async (request, reply) =>
    sendAdminPage(reply, InviteVisitorPage({ ctx: await adminContext(http, request, reply), values: { email: '', name: '' }, canMail: mailer.enabled })));

  app.post<{ Body: FormFields }>('/ecrire/utilisateurs/inviter', manage, async (request, reply) => {
    const values = { email: textField(request.body, 'email').trim(), name: textField(request.body, 'name').trim() };
    if (!mailer.enabled) return sendAdminPage(reply, InviteVisitorPage({ ctx: await adminContext(http, request, reply), values, canMail: false }), 503);
    try {
      const link = await visitors.inviteVisitor(actorId(request), values);
      const site = await http.snapshots.latest();
      await jobs.enqueue(SendMailJob, invitationMail(site.settings.siteName, config.publicUrl, link));
      return reply.redirect('/ecrire/utilisateurs?ok=invite', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendAdminPage(reply, InviteVisitorPage({ ctx: await adminContext(http, request, reply), values, errors: error.fields, canMail: true }), 400);
    }
  });

  app.post<Params & { Body: FormFields }>('/ecrire/utilisateurs/:id/role', manage, (request, reply) => change(request, reply, 'role', async (userId) => {
    const role = textField(request.body, 'role');
    if (!isRole(role)) throw new ValidationError({ role: 'Choisissez un rôle dans la liste.' });
    await accounts.changeUserRole(actorId(request), userId, role);
  }));
  app.post<Params>('/ecrire/utilisateurs/:id/desactiver', manage, (request, reply) =>
    change(request, reply, 'desactive', (userId) => accounts.setUserDisabled(actorId(request), userId, true)));
  app.post<Params>('/ecrire/utilisateurs/:id/activer', manage, (request, reply) =>
    change(request, reply, 'active', (userId) => accounts.setUserDisabled(actorId(request), userId, false)));
}
