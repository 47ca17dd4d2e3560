import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../accounts/policy.js';
import { adminContext, idParam, noticeFrom, pageParam, sendAdminPage, textField, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { NotFoundError } from '../errors.js';
import { findArticleById } from '../blog/store.js';
import { CONTRIBUTION_STATUSES, type ContributionStatus } from './contribution.js';
import { isModerationAction } from './moderation-action.js';
import { countContributionsByStatus, listContributionsForModeration } from './store.js';
import { ModerationPage, queueHref } from './views/moderation-page.js';

const PER_PAGE = 30;
const NOTICES = Object.freeze({
  approve: 'Message publié.', reject: 'Message refusé.', spam: 'Message classé comme spam.', unpublish: 'Message dépublié : il est de nouveau à valider.',
  answer: 'Réponse de l’organisation publiée.',
});

const statusOf = (raw: string | undefined): ContributionStatus =>
  (CONTRIBUTION_STATUSES as readonly string[]).includes(raw ?? '') ? (raw as ContributionStatus) : 'proposed';

/** The moderation back office (administrators and moderators): the queue and its actions. */
export function registerForumAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, forum } = http.relais;
  const guard = { preHandler: requirePermission('forum.moderate') };

  app.get('/ecrire/forum', guard, async (request, reply) => {
    const query = request.query as FormFields;
    const status = statusOf(query.statut);
    const page = pageParam(query);
    const article = query.article === undefined ? undefined : await findArticleById(db.kysely, idParam(query.article));
    if (query.article !== undefined && !article) throw new NotFoundError();
    const articleId = article?.id;
    const rows = await listContributionsForModeration(db.kysely, { status, articleId, limit: PER_PAGE + 1, offset: (page - 1) * PER_PAGE });
    const counts = await countContributionsByStatus(db.kysely, articleId);
    const site = await http.snapshots.latest();
    return sendAdminPage(reply, ModerationPage({
      ctx: await adminContext(http, request, reply), status, counts, contributions: rows.slice(0, PER_PAGE), page,
      hasNext: rows.length > PER_PAGE, timeZone: site.settings.timeZone, notice: noticeFrom(query, NOTICES),
      article: article && { id: article.id, title: article.title },
    }));
  });

  app.post<{ Params: { id: string } }>('/ecrire/forum/:id/reponse', guard, async (request, reply) => {
    const form = (request.body ?? {}) as FormFields;
    const user = request.visitor!;
    await forum.answerAsOrganisation({ userId: user.id, name: user.name }, idParam(request.params.id), textField(form, 'texte'));
    const articleId = form.article ? idParam(form.article) : undefined;
    return reply.redirect(`${queueHref(statusOf(form.retour), 1, articleId)}&ok=answer`, 303);
  });

  app.post<{ Params: { id: string; action: string } }>('/ecrire/forum/:id/:action', guard, async (request, reply) => {
    const { action } = request.params;
    if (!isModerationAction(action)) throw new NotFoundError();
    await forum.moderate({ userId: request.visitor!.id }, idParam(request.params.id), action);
    const form = (request.body ?? {}) as FormFields;
    const articleId = form.article ? idParam(form.article) : undefined;
    return reply.redirect(`${queueHref(statusOf(form.retour), 1, articleId)}&ok=${action}`, 303);
  });
}
