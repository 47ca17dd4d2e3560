import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, requirePermission } from '../accounts/policy.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { ConfirmPage } from '../http/admin-kit.js';
import { adminContext, idParam, noticeFrom, pageParam, sendAdminPage, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import {
  ARTICLE_EDITOR, EMPTY_ARTICLE_FORM, formValuesFrom, formValuesOf, PAGE_EDITOR, unsavedArticle, withFixedFields,
  type ArticleFormValues, type EditorKind,
} from './admin-article-form.js';
import { ARTICLE_STATUSES, type Article, type ArticleStatus } from './article.js';
import { loadRelated } from './related.js';
import { loadArticleMedia } from './article-logo.js';
import { imageChoices } from '../media/image-choices.js';
import { parseArticleForm, type ArticleInput } from './schema.js';
import { sectionChoices } from './section-tree.js';
import { countArticlesForEditors, findArticleById, listArticlesForEditors } from './store.js';
import { ArticleFormPage } from './admin-views/article-form-page.js';
import { ArticleListPage } from './admin-views/article-list-page.js';
import { renderArticlePage } from './views/article-page.js';
import { isForumMode, type ForumMode } from '../forum/contribution.js';
import { readArticleForumMode } from '../forum/store.js';

const PER_PAGE = 25;

/** Fixed confirmations after a redirect (`?ok=`). */
const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  cree: 'Article créé.',
  enregistre: 'Modifications enregistrées.',
  programme: 'Modifications enregistrées : la publication est programmée à la date indiquée.',
  publie: 'Publication effectuée.',
  depublie: 'Dépublié : le texte est repassé en brouillon et n’est plus visible sur le site.',
  supprime: 'Article supprimé.',
});

type Params = { Params: { id: string } };

/** The forum field of the article form: '' follows the site default (null), otherwise one of the modes. */
function forumModeField(raw: string): ForumMode | null {
  if (raw === '') return null;
  if (!isForumMode(raw)) throw new ValidationError({ forumMode: 'Choisissez un mode de forum dans la liste.' });
  return raw;
}

/** Back-office article and footer-page editing: list, create, edit with preview, publish, unpublish, delete. */
export function registerArticleAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  for (const kind of [ARTICLE_EDITOR, PAGE_EDITOR]) registerEditor(app, http, kind);
}

function registerEditor(app: FastifyInstance, http: HttpContext, kind: EditorKind): void {
  const { relais } = http;
  const { db, now, blog, forum } = relais;
  const view = { preHandler: requirePermission('backoffice.view') };
  const edit = { preHandler: requirePermission('blog.article.edit') };
  const actor = (request: FastifyRequest) => ({ userId: request.visitor?.id ?? null });

  async function findOwn(rawId: string): Promise<Article> {
    const article = await findArticleById(db.kysely, idParam(rawId));
    if (!article || article.kind !== kind.kind) throw new NotFoundError();
    return article;
  }

  async function formPage(request: FastifyRequest, reply: FastifyReply, state: {
    saved?: Article; values: ArticleFormValues; errors?: Readonly<Record<string, string>>; preview?: string; status?: number;
  }) {
    const site = await http.snapshots.latest();
    const page = ArticleFormPage({
      ctx: await adminContext(http, request, reply), kind, ...state, timeZone: site.settings.timeZone, publicUrl: relais.config.publicUrl,
      defaultForumMode: site.settings.defaultForumMode,
      now: now(), sections: sectionChoices(site.sections, '(aucune rubrique)'), notice: noticeFrom(request.query, NOTICES),
      logoChoices: kind.full ? await imageChoices(db.kysely, state.saved?.logoMediaId) : [],
    });
    return sendAdminPage(reply, page, state.status);
  }

  /** The public page as it would look, built from the unsaved input. */
  async function previewOf(input: ArticleInput, saved: Article | undefined): Promise<string> {
    const article = unsavedArticle(input, kind.kind, saved, now());
    const ctx = await http.publicContext();
    const related = await loadRelated(db.kysely, article, now());
    return renderArticlePage(ctx, article, related, await loadArticleMedia(db.kysely, related, [article]));
  }

  /** Save or preview a submitted form; an invalid form comes back as typed, with its messages. */
  async function submit(request: FastifyRequest<{ Body: FormFields }>, reply: FastifyReply, saved: Article | undefined) {
    const site = await http.snapshots.latest();
    const values = withFixedFields(formValuesFrom(request.body), kind, saved, site.settings.timeZone);
    try {
      const input = parseArticleForm({ ...values }, site.settings.timeZone);
      if (input.sectionId !== null && !site.sections.some((s) => s.id === input.sectionId)) {
        throw new ValidationError({ sectionId: 'Choisissez une rubrique dans la liste.' });
      }
      const forumMode = kind.full ? forumModeField(values.forumMode) : undefined;
      if (request.body.action === 'preview') return formPage(request, reply, { saved, values, preview: await previewOf(input, saved) });
      const article = saved ? await blog.updateArticle(actor(request), saved.id, input) : await blog.createArticle(actor(request), input, kind.kind);
      // The mode is the forum's own setting (audited there); it changes only when the choice did.
      const previousMode = saved ? (await readArticleForumMode(db.kysely, saved.id)) ?? null : null;
      if (forumMode !== undefined && forumMode !== previousMode) await forum.setArticleMode(actor(request), article.id, forumMode);
      const scheduled = article.status === 'published' && article.publishedAt !== null && article.publishedAt > now().toISOString();
      return reply.redirect(`${kind.base}/${article.id}?ok=${scheduled ? 'programme' : saved ? 'enregistre' : 'cree'}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return formPage(request, reply, { saved, values, errors: error.fields, status: 400 });
    }
  }

  /** Publish (keeping a scheduled date) or send back to draft, from the saved text. */
  async function setStatus(request: FastifyRequest<Params>, reply: FastifyReply, status: ArticleStatus) {
    const saved = await findOwn(request.params.id);
    await blog.updateArticle(actor(request), saved.id, {
      title: saved.title, slug: saved.slug, sectionId: saved.sectionId, lead: saved.lead, body: saved.body, credits: saved.credits,
      status, publishedAt: undefined,
    });
    return reply.redirect(`${kind.base}/${saved.id}?ok=${status === 'published' ? 'publie' : 'depublie'}`, 303);
  }

  app.get<{ Querystring: FormFields }>(kind.base, view, async (request, reply) => {
    const rawStatus = request.query.statut ?? '';
    const status = (ARTICLE_STATUSES as readonly string[]).includes(rawStatus) ? rawStatus as ArticleStatus : undefined;
    const search = (request.query.q ?? '').trim().slice(0, 200);
    const filter = { kind: kind.kind, status, search: search || undefined };
    const total = await countArticlesForEditors(db.kysely, filter);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const page = Math.min(pageParam(request.query), pages);
    const articles = await listArticlesForEditors(db.kysely, { ...filter, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const site = await http.snapshots.latest();
    return sendAdminPage(reply, ArticleListPage({
      ctx: await adminContext(http, request, reply), kind, articles, total, page, pages, status, search, sections: site.sections,
      canEdit: can(request.visitor, 'blog.article.edit'), timeZone: site.settings.timeZone, now: now(), notice: noticeFrom(request.query, NOTICES),
    }));
  });

  if (kind.full) {
    app.get(`${kind.base}/nouveau`, edit, (request, reply) => formPage(request, reply, { values: EMPTY_ARTICLE_FORM }));
    app.post<{ Body: FormFields }>(`${kind.base}/nouveau`, edit, (request, reply) => submit(request, reply, undefined));
  }

  app.get<Params>(`${kind.base}/:id`, edit, async (request, reply) => {
    const saved = await findOwn(request.params.id);
    const site = await http.snapshots.latest();
    const forumMode = kind.full ? (await readArticleForumMode(db.kysely, saved.id)) ?? '' : '';
    return formPage(request, reply, { saved, values: formValuesOf(saved, site.settings.timeZone, forumMode) });
  });
  app.post<Params & { Body: FormFields }>(`${kind.base}/:id`, edit, async (request, reply) => submit(request, reply, await findOwn(request.params.id)));
  app.post<Params>(`${kind.base}/:id/publier`, edit, (request, reply) => setStatus(request, reply, 'published'));
  app.post<Params>(`${kind.base}/:id/depublier`, edit, (request, reply) => setStatus(request, reply, 'draft'));

  if (kind.full) {
    app.get<Params>(`${kind.base}/:id/supprimer`, edit, async (request, reply) => {
      const saved = await findOwn(request.params.id);
      return sendAdminPage(reply, ConfirmPage({
        ctx: await adminContext(http, request, reply), title: `Supprimer « ${saved.title} » ?`, current: kind.base,
        action: `${kind.base}/${saved.id}/supprimer`, confirmLabel: 'Supprimer définitivement', cancelHref: `${kind.base}/${saved.id}`,
        message: 'L’article sera effacé, ainsi que ses anciennes adresses. Cette action ne peut pas être annulée : pour seulement le retirer du site, dépubliez-le ou archivez-le.',
      }));
    });
    app.post<Params>(`${kind.base}/:id/supprimer`, edit, async (request, reply) => {
      const saved = await findOwn(request.params.id);
      await blog.deleteArticle(actor(request), saved.id);
      return reply.redirect(`${kind.base}?ok=supprime`, 303);
    });
  }
}
