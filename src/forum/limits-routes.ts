import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../accounts/policy.js';
import { ValidationError } from '../errors.js';
import { adminContext, noticeFrom, sendAdminPage, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { readForumLimits } from './forum-limits.js';
import { limitsFormValues, parseForumLimitsForm } from './limits-form.js';
import { saveForumLimits } from './save-forum-limits.js';
import { LimitsPage } from './views/limits-page.js';

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  enregistre: 'Limites enregistrées : elles s’appliquent dès le prochain message.',
  inchange: 'Aucune limite n’a changé.',
});

/** The forum's anti-spam limits in the back office (administrators). */
export function registerForumLimitsRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  const guard = { preHandler: requirePermission('site.settings.edit') };

  app.get('/ecrire/reglages/forum', guard, async (request, reply) => sendAdminPage(reply, LimitsPage({
    ctx: await adminContext(http, request, reply), values: limitsFormValues(await readForumLimits(db.kysely)), notice: noticeFrom(request.query, NOTICES),
  })));

  app.post<{ Body: FormFields }>('/ecrire/reglages/forum', guard, async (request, reply) => {
    const values = limitsFormValues(request.body);
    try {
      const changed = await saveForumLimits(db, request.visitor?.id ?? null, parseForumLimitsForm(values), now());
      return reply.redirect(`/ecrire/reglages/forum?ok=${changed > 0 ? 'enregistre' : 'inchange'}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendAdminPage(reply, LimitsPage({ ctx: await adminContext(http, request, reply), values, errors: error.fields }), 400);
    }
  });
}
