import type { FastifyInstance } from 'fastify';
import { can, requirePermission } from '../accounts/policy.js';
import { countArticlesByStatus, listArticlesForEditors, listUpcomingPublications } from '../blog/store.js';
import { countContributionsByStatus } from '../forum/store.js';
import { ValidationError } from '../errors.js';
import { adminContext, noticeFrom, sendAdminPage, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { DashboardPage } from './admin-views/dashboard-page.js';
import { HelpPage } from './admin-views/help-page.js';
import { SettingsPage } from './admin-views/settings-page.js';
import { saveSiteSettings } from './save-site-settings.js';
import { parseSettingsForm, settingsValuesFrom } from './settings-form.js';
import { readSiteSettings } from './settings-store.js';

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  enregistre: 'Réglages enregistrés : le site les affiche dès maintenant.',
  inchange: 'Aucun réglage n’a changé.',
});

/** The back office's home (dashboard), the site settings and the shortcuts help. */
export function registerSiteAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  const view = { preHandler: requirePermission('backoffice.view') };
  const settings = { preHandler: requirePermission('site.settings.edit') };

  app.get('/ecrire', (_request, reply) => reply.redirect('/ecrire/', 301));

  app.get('/ecrire/', view, async (request, reply) => {
    const site = await http.snapshots.latest();
    const [counts, forumCounts, latest, upcoming] = await Promise.all([
      countArticlesByStatus(db.kysely, 'article'),
      countContributionsByStatus(db.kysely),
      listArticlesForEditors(db.kysely, { kind: 'article', limit: 8, offset: 0 }),
      listUpcomingPublications(db.kysely, { now: now(), limit: 10 }),
    ]);
    return sendAdminPage(reply, DashboardPage({
      ctx: await adminContext(http, request, reply), counts, forumCounts, latest, upcoming,
      canEdit: can(request.visitor, 'blog.article.edit'), canModerate: can(request.visitor, 'forum.moderate'),
      timeZone: site.settings.timeZone, now: now(),
    }));
  });

  app.get('/ecrire/aide', view, async (request, reply) => sendAdminPage(reply, HelpPage({ ctx: await adminContext(http, request, reply) })));

  app.get('/ecrire/reglages', settings, async (request, reply) => sendAdminPage(reply, SettingsPage({
    ctx: await adminContext(http, request, reply), values: await readSiteSettings(db.kysely), notice: noticeFrom(request.query, NOTICES),
  })));

  app.post<{ Body: FormFields }>('/ecrire/reglages', settings, async (request, reply) => {
    const values = settingsValuesFrom(request.body);
    try {
      const changed = await saveSiteSettings(db, request.visitor?.id ?? null, parseSettingsForm(values), now());
      return reply.redirect(`/ecrire/reglages?ok=${changed.length > 0 ? 'enregistre' : 'inchange'}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendAdminPage(reply, SettingsPage({ ctx: await adminContext(http, request, reply), values, errors: error.fields }), 400);
    }
  });
}
