import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext } from '../../http/app.js';
import type { FormFields } from '../../http/admin-page.js';
import { renderDocument } from '../../http/render.js';
import { fillVisitorParts } from '../../http/cached-page.js';
import { findArticleById } from '../../blog/store.js';
import { findContribution } from '../store.js';
import type { Contribution } from '../contribution.js';
import { forumPrivacyOf } from '../privacy/forum-privacy.js';
import { forumMailLinks, type MailLinkPurpose } from './mail-link.js';
import { stopContributionMail } from './store.js';
import { MailLinkPage, type MailLinkForm } from './views/mail-link-page.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's signed link is its proof, not a CSRF token (RFC 8058 one-click unsubscribe from mail clients). */
    readonly signedLinkOnly?: boolean;
  }
}

const INVALID = [
  'Ce lien n’est pas valide : il a peut-être été coupé ou modifié en le copiant, ou le message concerné a été supprimé.',
  'Ouvrez le lien directement depuis le courriel reçu. Si le problème persiste, écrivez au site par sa page de contact.',
];

/**
 * The pages behind the links of forum e-mails: stop the e-mails about a message (GET shows a
 * button; the POST — the button, or a mail client's one-click request — stops them), and remove a
 * message (GET asks, the POST with its CSRF token deletes). Every link is signed for its purpose,
 * message and address; a link that does not check out gets a plain page saying so.
 */
export async function registerForumMailLinkRoutes(app: FastifyInstance, http: HttpContext): Promise<void> {
  const { relais } = http;
  const links = forumMailLinks(relais.secretKey, relais.config.publicUrl);
  const privacy = forumPrivacyOf(relais);

  async function signed(purpose: MailLinkPurpose, fields: FormFields): Promise<Contribution | undefined> {
    const id = Number(fields.m);
    if (!Number.isSafeInteger(id) || id < 1) return undefined;
    const c = await findContribution(relais.db.kysely, id);
    return c?.email && links.verify(purpose, { contributionId: c.id, email: c.email }, fields.s) ? c : undefined;
  }

  async function page(request: FastifyRequest, reply: FastifyReply, status: number, title: string, paragraphs: readonly string[], form?: MailLinkForm) {
    const html = renderDocument(MailLinkPage({ ctx: await http.publicContext(), title, paragraphs, form, alert: status >= 400 }));
    return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer').send(fillVisitorParts(http, request, reply, html));
  }

  const articleTitle = async (c: Contribution) => (await findArticleById(relais.db.kysely, c.articleId))?.title ?? '';
  const query = (c: Contribution, s: string | undefined) => `m=${c.id}&s=${encodeURIComponent(s ?? '')}`;

  app.get('/forum/desabonner', async (request, reply) => {
    const fields = request.query as FormFields;
    const c = await signed('desabonner', fields);
    if (!c) return page(request, reply, 400, 'Lien de désabonnement non valide', INVALID);
    return page(request, reply, 200, 'Ne plus recevoir de courriel', [
      `Vous ne recevrez plus aucun courriel à propos de votre message sous l’article « ${await articleTitle(c)} » (ni publication, ni réponse).`,
    ], { action: `/forum/desabonner?${query(c, fields.s)}`, label: 'Confirmer : ne plus recevoir de courriel', fields: {} });
  });

  const unsubscribe = async (request: FastifyRequest, reply: FastifyReply) => {
    const c = await signed('desabonner', request.query as FormFields);
    if (!c?.email) return page(request, reply, 400, 'Lien de désabonnement non valide', INVALID);
    await stopContributionMail(relais.db.kysely, c.id, c.email);
    return page(request, reply, 200, 'Désabonnement enregistré', ['C’est fait : vous ne recevrez plus de courriel à propos de ce message.']);
  };

  app.get('/forum/retirer', async (request, reply) => {
    const fields = request.query as FormFields;
    const c = await signed('retirer', fields);
    if (!c) return page(request, reply, 400, 'Lien de retrait non valide', INVALID);
    return page(request, reply, 200, 'Retirer votre message', [
      `Votre message sous l’article « ${await articleTitle(c)} » sera supprimé du site, avec votre nom et votre adresse électronique. Les réponses d’autres personnes restent en ligne.`,
      'Cette suppression est définitive.',
    ], { action: '/forum/retirer', label: 'Supprimer mon message', fields: { m: String(c.id), s: fields.s ?? '' }, csrfToken: reply.generateCsrf() });
  });

  app.post('/forum/retirer', async (request, reply) => {
    const c = await signed('retirer', (request.body ?? {}) as FormFields);
    if (!c) return page(request, reply, 400, 'Lien de retrait non valide', INVALID);
    await privacy.removeAtAuthorsRequest(c.id);
    return page(request, reply, 200, 'Message supprimé', ['Votre message a été supprimé du site, avec votre nom et votre adresse électronique.']);
  });

  // Mail clients may send the one-click POST as multipart/form-data (RFC 8058, section 3.1): its
  // content ("List-Unsubscribe=One-Click") tells nothing the signed address does not, so it is read and ignored.
  await app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));
    scope.post('/forum/desabonner', { config: { signedLinkOnly: true } }, unsubscribe);
  });
}
