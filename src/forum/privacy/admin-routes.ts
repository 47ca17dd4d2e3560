import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission } from '../../accounts/policy.js';
import { adminContext, noticeFrom, sendAdminPage, textField, type FormFields } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { validateContribution } from '../service.js';
import { forumPrivacyOf } from './forum-privacy.js';
import { PrivacyPage } from './views/privacy-page.js';

const NOTICES = Object.freeze({ efface: 'Les messages liés à cette adresse ont été supprimés définitivement.' });

/**
 * The forum's RGPD tools in the back office (administrators and moderators): export and erase
 * by e-mail address. Addresses travel in POST bodies only, never in an URL (logs, history).
 */
export function registerForumPrivacyAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const privacy = forumPrivacyOf(http.relais);
  const guard = { preHandler: requirePermission('forum.moderate') };

  /** The address typed, or a 400 page saying what is wrong with it. */
  async function addressOr400(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
    const email = textField((request.body ?? {}) as FormFields, 'email').trim();
    const error = email === '' ? 'Indiquez l’adresse électronique de la personne.' : validateContribution({ authorName: '-', email, body: '-' }).email;
    if (error === undefined) return email;
    await sendAdminPage(reply, PrivacyPage({ ctx: await adminContext(http, request, reply), email, errors: { email: error } }), 400);
    return undefined;
  }

  app.get('/ecrire/forum/donnees', guard, async (request, reply) => sendAdminPage(reply, PrivacyPage({
    ctx: await adminContext(http, request, reply), email: '', notice: noticeFrom(request.query, NOTICES),
  })));

  app.post('/ecrire/forum/donnees/export', guard, async (request, reply) => {
    const email = await addressOr400(request, reply);
    if (email === undefined) return reply;
    const data = await privacy.exportByAddress({ userId: request.visitor!.id }, email);
    return reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="forum-donnees-${data.exporte_le.slice(0, 10)}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.post('/ecrire/forum/donnees/effacer', guard, async (request, reply) => {
    const email = await addressOr400(request, reply);
    if (email === undefined) return reply;
    if ((request.body as FormFields).confirme !== '1') {
      return sendAdminPage(reply, PrivacyPage({ ctx: await adminContext(http, request, reply), email, confirmCount: await privacy.countByAddress(email) }));
    }
    await privacy.eraseByAddress({ userId: request.visitor!.id }, email);
    return reply.redirect('/ecrire/forum/donnees?ok=efface', 303);
  });
}
