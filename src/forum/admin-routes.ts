import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../accounts/policy.js';
import { adminContext, idParam, noticeFrom, pageParam, sendAdminPage, textField, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { NotFoundError } from '../errors.js';
import { findArticleById } from '../blog/store.js';
import { isModerationAction } from './moderation-action.js';
import { moderateSelection } from './moderation-bulk.js';
import { bulkReportQuery, bulkReportText } from './moderation-bulk-report.js';
import { registerModerationEditRoutes } from './moderation-edit-routes.js';
import { queueFrom, queueStatusOf, returnToQueue } from './moderation-return.js';
import { countContributionsByStatus, findContribution, listArticlesWithContributions, listContributionsForModeration } from './store.js';
import { ModerationPage } from './views/moderation-page.js';

const PER_PAGE = 30;
const NOTICES = Object.freeze({
  approve: 'Message publié.', reject: 'Message refusé.', spam: 'Message classé comme spam.', unpublish: 'Message dépublié : il est de nouveau à valider.',
  answer: 'Réponse de l’organisation publiée.', edit: 'Message modifié.',
  vide: 'Aucun message sélectionné : cochez au moins un message, ou « Tous les messages de cette page ».',
  'sans-action': 'Choisissez l’action à appliquer aux messages sélectionnés.',
});

/** The ids a bulk form names: every message of the page, or the boxes ticked (one value or several). */
function selectedIds(form: Readonly<Record<string, string | readonly string[] | undefined>>): number[] {
  const raw = form.toute_la_page === '1' ? String(form.page_ids ?? '').split(',') : [form.selection ?? []].flat();
  return raw.filter((id) => id !== '').map(idParam);
}

/** The moderation back office (administrators and moderators): the queue, its actions, bulk actions and editing. */
export function registerForumAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, forum } = http.relais;
  const guard = { preHandler: requirePermission('forum.moderate') };

  app.get('/ecrire/forum', guard, async (request, reply) => {
    const query = request.query as FormFields;
    const status = queueStatusOf(query.statut);
    const page = pageParam(query);
    // The filter form sends `article=` for « Tous les articles ».
    const rawArticle = query.article || undefined;
    const article = rawArticle === undefined ? undefined : await findArticleById(db.kysely, idParam(rawArticle));
    if (rawArticle !== undefined && !article) throw new NotFoundError();
    const articleId = article?.id;
    const rows = await listContributionsForModeration(db.kysely, { status, articleId, limit: PER_PAGE + 1, offset: (page - 1) * PER_PAGE });
    const counts = await countContributionsByStatus(db.kysely, articleId);
    const site = await http.snapshots.latest();
    return sendAdminPage(reply, ModerationPage({
      ctx: await adminContext(http, request, reply), status, counts, contributions: rows.slice(0, PER_PAGE), page,
      hasNext: rows.length > PER_PAGE, timeZone: site.settings.timeZone, notice: noticeFrom(query, NOTICES) ?? bulkReportText(query),
      article: article && { id: article.id, title: article.title }, articles: await listArticlesWithContributions(db.kysely),
    }));
  });

  // One transaction per message (see moderateSelection): a message that cannot move is reported, the others move.
  app.post('/ecrire/forum/selection', guard, async (request, reply) => {
    const form = (request.body ?? {}) as Readonly<Record<string, string | readonly string[] | undefined>>;
    const back = form as FormFields;
    const action = form.action_groupee;
    if (!isModerationAction(action)) return reply.redirect(returnToQueue(back, 'sans-action'), 303);
    const ids = selectedIds(form);
    if (ids.length === 0) return reply.redirect(returnToQueue(back, 'vide'), 303);
    const find = (id: number) => findContribution(db.kysely, id);
    const outcome = await moderateSelection({ forum, find }, { userId: request.visitor!.id }, ids, action);
    return reply.redirect(`${queueFrom(back)}&${bulkReportQuery(outcome)}`, 303);
  });

  app.post<{ Params: { id: string } }>('/ecrire/forum/:id/reponse', guard, async (request, reply) => {
    const form = (request.body ?? {}) as FormFields;
    const user = request.visitor!;
    await forum.answerAsOrganisation({ userId: user.id, name: user.name }, idParam(request.params.id), textField(form, 'texte'));
    return reply.redirect(returnToQueue(form, 'answer'), 303);
  });

  app.post<{ Params: { id: string; action: string } }>('/ecrire/forum/:id/:action', guard, async (request, reply) => {
    const { action } = request.params;
    if (!isModerationAction(action)) throw new NotFoundError();
    await forum.moderate({ userId: request.visitor!.id }, idParam(request.params.id), action);
    return reply.redirect(returnToQueue((request.body ?? {}) as FormFields, action), 303);
  });

  registerModerationEditRoutes(app, http);
}
