import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
import { ForumBusyError } from './forum-busy-error.js';
import { tokenRulesOf } from './forum-limits.js';
import { SESSION_TOKEN_MESSAGE, tokenMessage } from './token-message.js';
import type { ForumFormValues } from './views/forum-form.js';
import { ForumFormPage, type ForumFormPageProps } from './views/forum-form-page.js';
import { ThanksPage } from './views/thanks-page.js';

/** The largest form the forum reads as a message (the issue's 64 KB); larger ones come back with the text kept. */
const MAX_SUBMISSION_BYTES = 64 * 1024;

/** The size of the submitted form: its declared length, or (sent in chunks) the size of its fields. */
function submittedBytes(request: FastifyRequest, form: FormFields): number {
  const declared = Number(request.headers['content-length']);
  if (Number.isSafeInteger(declared)) return declared;
  return Object.entries(form).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value ?? '') + 2, 0);
}

function oversizeMessage(bytes: number): string {
  const kilobytes = Math.ceil(bytes / 1024).toLocaleString('fr-FR');
  return `Votre envoi pèse ${kilobytes} Ko : le forum accepte au plus 64 Ko par message. Raccourcissez-le (ou retirez les longues citations) ; votre texte est conservé ci-dessous.`;
}

/** The public forum: posting (with preview), the reply page, the page after sending. */
export function registerForumRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, forum, now } = http.relais;

  /** A public article that has a forum, or a 404. */
  async function forumArticle(id: number) {
    const article = await findArticleById(db.kysely, id);
    if (!article || article.kind !== 'article' || !isPublicAt(article, now())) throw new NotFoundError();
    return article;
  }

  /** The mode, refusing a closed forum (a members-only one shows its sign-in notice instead of refusing). */
  async function openMode(articleId: number) {
    const mode = await forum.modeOf(articleId);
    if (mode === 'non') throw new ForbiddenError('message');
    return mode;
  }

  async function sendFormPage(request: FastifyRequest, reply: FastifyReply, props: Omit<ForumFormPageProps, 'ctx' | 'tokens'>, time: string, status = 200) {
    const ctx = await http.publicContext();
    const membersOnly = (await forum.modeOf(props.article.id)) === 'abo';
    const access = membersOnly ? (request.visitor ? { member: request.visitor } : { signInRequired: true }) : {};
    const html = renderDocument(ForumFormPage({ ...props, ...access, ctx, tokens: { csrf: reply.generateCsrf(), time } }));
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store')
      .send(fillVisitorParts(http, request, reply, html));
  }

  app.get<{ Params: { id: string } }>('/forum/repondre/:id', async (request, reply) => {
    const parent = await findContribution(db.kysely, idParam(request.params.id));
    if (parent?.status !== 'published') throw new NotFoundError();
    const article = await forumArticle(parent.articleId);
    await openMode(article.id);
    return sendFormPage(request, reply, { article, parent, values: { nom: request.visitor?.name ?? '', email: '', texte: '', prevenir: false } }, forum.tokens.issue());
  });

  /** What a form sent: its public article, the message it answers, what was typed. */
  async function readSubmission(form: FormFields) {
    const article = await forumArticle(idParam(form.article));
    const parent = form.parent ? await findContribution(db.kysely, idParam(form.parent)) : undefined;
    if (form.parent && (parent?.status !== 'published' || parent.articleId !== article.id)) throw new NotFoundError();
    const values: ForumFormValues = { nom: textField(form, 'nom'), email: textField(form, 'email'), texte: textField(form, 'texte'), prevenir: form.prevenir === '1' };
    return { article, parent, values };
  }

  app.post('/forum/envoyer', {
    // A refused session token (expired session, another tab) must not lose a message written for
    // half an hour: the form comes back with the text and a fresh token. Anything else goes on to
    // the site's error handler.
    errorHandler: async (error: FastifyError, request, reply) => {
      if ((error.code !== 'FST_CSRF_INVALID_TOKEN' && error.code !== 'FST_CSRF_MISSING_SECRET') || !request.body) throw error;
      const page = await readSubmission(request.body as FormFields);
      return sendFormPage(request, reply, { ...page, errors: { jeton: SESSION_TOKEN_MESSAGE } }, forum.tokens.issue(), 403);
    },
  }, async (request, reply) => {
    const form = (request.body ?? {}) as FormFields;
    const page = await readSubmission(form);
    const { article, parent, values } = page;
    const mode = await openMode(article.id);
    // Members only and nobody signed in (the session ended while typing): nothing is posted, the text comes back with the sign-in notice.
    if (mode === 'abo' && !request.visitor) return sendFormPage(request, reply, page, forum.tokens.issue(), 403);
    const identity = mode === 'abo' && request.visitor ? { nom: request.visitor.name, email: request.visitor.email } : values;
    const limits = await forum.limits();
    const check = forum.tokens.check(form.jeton, tokenRulesOf(limits));
    // A token still valid is kept across a preview or an error, so the delay is not asked twice.
    const keptToken = check === 'ok' || check === 'too-soon' ? form.jeton! : forum.tokens.issue();
    const input = { articleId: article.id, parentId: parent?.id ?? null, authorName: identity.nom, email: identity.email, body: values.texte, notifyReplies: values.prevenir };

    const bytes = submittedBytes(request, form);
    if (bytes > MAX_SUBMISSION_BYTES) return sendFormPage(request, reply, { ...page, errors: { texte: oversizeMessage(bytes) } }, keptToken, 413);
    if (form.action === 'previsualiser') {
      const errors = validateContribution(input, limits.maxMessageLength);
      return sendFormPage(request, reply, { ...page, errors, preview: { authorName: values.nom.trim(), body: values.texte } }, keptToken);
    }
    const honeypot = (form.site_web ?? '') !== '';
    if (!honeypot && check !== 'ok') return sendFormPage(request, reply, { ...page, errors: { jeton: tokenMessage(check, limits) } }, keptToken, 400);
    try {
      const created = await forum.post(input, { ip: clientAddress(request), userId: request.visitor?.id ?? null, honeypot }, mode);
      return reply.redirect(`/forum/merci?article=${article.id}${created.status === 'published' ? '&etat=en-ligne' : ''}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return sendFormPage(request, reply, { ...page, errors: error.fields }, keptToken, 400);
      if (error instanceof RateLimitError) {
        const minutes = Math.ceil(error.retryAfterSeconds / 60);
        const wait = `réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}. Votre texte est conservé.`;
        const message = error instanceof ForumBusyError
          ? `Le forum reçoit un très grand nombre de messages en ce moment : par précaution, il n’en accepte plus pour quelques minutes ; ${wait}`
          : `Vous avez envoyé beaucoup de messages en peu de temps : ${wait}`;
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
