import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext } from '../http/app.js';
import { fillVisitorParts } from '../http/cached-page.js';
import { idParam, textField, type FormFields } from '../http/admin-page.js';
import { renderDocument } from '../http/render.js';
import { clientAddress } from '../http/visitor.js';
import { ForbiddenError, NotFoundError, RateLimitError, ValidationError } from '../errors.js';
import { isPublicAt } from '../blog/article.js';
import { findArticleById } from '../blog/store.js';
import { findContribution } from './store.js';
import { validateContribution } from './service.js';
import { TOKEN_MESSAGES } from './token-messages.js';
import type { ForumFormValues } from './views/forum-form.js';
import { ForumFormPage, type ForumFormPageProps } from './views/forum-form-page.js';
import { ThanksPage } from './views/thanks-page.js';

/** The public forum: posting (with preview), the reply page, the page after sending. */
export function registerForumRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, forum, now } = http.relais;

  /** A public article that has a forum, or a 404. */
  async function forumArticle(id: number) {
    const article = await findArticleById(db.kysely, id);
    if (!article || article.kind !== 'article' || !isPublicAt(article, now())) throw new NotFoundError();
    return article;
  }

  /** The mode, refusing what it does not allow: a closed forum, or a members-only one for an anonymous visitor. */
  async function openMode(request: FastifyRequest, articleId: number) {
    const mode = await forum.modeOf(articleId);
    if (mode === 'non' || (mode === 'abo' && !request.visitor)) throw new ForbiddenError('message');
    return mode;
  }

  async function sendFormPage(request: FastifyRequest, reply: FastifyReply, props: Omit<ForumFormPageProps, 'ctx' | 'tokens'>, time: string, status = 200) {
    const ctx = await http.publicContext();
    const html = renderDocument(ForumFormPage({ ...props, ctx, tokens: { csrf: reply.generateCsrf(), time } }));
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(fillVisitorParts(http, request, reply, html));
  }

  app.get<{ Params: { id: string } }>('/forum/repondre/:id', async (request, reply) => {
    const parent = await findContribution(db.kysely, idParam(request.params.id));
    if (parent?.status !== 'published') throw new NotFoundError();
    const article = await forumArticle(parent.articleId);
    await openMode(request, article.id);
    return sendFormPage(request, reply, { article, parent, values: { nom: request.visitor?.name ?? '', email: '', texte: '', prevenir: false } }, forum.tokens.issue());
  });

  app.post('/forum/envoyer', async (request, reply) => {
    const form = (request.body ?? {}) as FormFields;
    const article = await forumArticle(idParam(form.article));
    const mode = await openMode(request, article.id);
    const parent = form.parent ? await findContribution(db.kysely, idParam(form.parent)) : undefined;
    if (form.parent && (parent?.status !== 'published' || parent.articleId !== article.id)) throw new NotFoundError();
    const values: ForumFormValues = { nom: textField(form, 'nom'), email: textField(form, 'email'), texte: textField(form, 'texte'), prevenir: form.prevenir === '1' };
    const check = forum.tokens.check(form.jeton);
    // A token still valid is kept across a preview or an error, so the 3 seconds are not asked twice.
    const keptToken = check === 'ok' || check === 'too-soon' ? form.jeton! : forum.tokens.issue();
    const page = { article, parent, values };
    const input = { articleId: article.id, parentId: parent?.id ?? null, authorName: values.nom, email: values.email, body: values.texte, notifyReplies: values.prevenir };

    if (form.action === 'previsualiser') {
      const errors = validateContribution(input);
      return sendFormPage(request, reply, { ...page, errors, preview: { authorName: values.nom.trim(), body: values.texte } }, keptToken);
    }
    const honeypot = (form.site_web ?? '') !== '';
    if (!honeypot && check !== 'ok') return sendFormPage(request, reply, { ...page, errors: { jeton: TOKEN_MESSAGES[check] } }, keptToken, 400);
    try {
      const created = await forum.post(input, { ip: clientAddress(request), userId: request.visitor?.id ?? null, honeypot }, mode);
      return reply.redirect(`/forum/merci?article=${article.id}${created.status === 'published' ? '&etat=en-ligne' : ''}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return sendFormPage(request, reply, { ...page, errors: error.fields }, keptToken, 400);
      if (error instanceof RateLimitError) {
        const minutes = Math.ceil(error.retryAfterSeconds / 60);
        const message = `Vous avez envoyé beaucoup de messages en peu de temps : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}. Votre texte est conservé.`;
        return sendFormPage(request, reply, { ...page, errors: { limite: message } }, keptToken, 429);
      }
      throw error;
    }
  });

  app.get('/forum/merci', async (request, reply) => {
    const query = request.query as FormFields;
    const article = await forumArticle(idParam(query.article));
    const html = renderDocument(ThanksPage({ ctx: await http.publicContext(), article, online: query.etat === 'en-ligne' }));
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(fillVisitorParts(http, request, reply, html));
  });
}
