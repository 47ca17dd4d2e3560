import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission } from '../accounts/policy.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { adminContext, idParam, sendAdminPage, textField, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { queueFrom, queueStatusOf, returnToQueue } from './moderation-return.js';
import { correctionLengthLimit } from './forum-limits.js';
import { renderContributionText } from './render-contribution.js';
import { validateContribution } from './service.js';
import { findContributionForModeration, type QueuedContribution } from './store.js';
import { ModerationEditPage, type ContributionEditValues } from './views/moderation-edit-page.js';

type Params = { Params: { id: string } };

/** Editing a message (moderators): the form, its preview through the forum renderer, and saving. */
export function registerModerationEditRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, forum } = http.relais;
  const guard = { preHandler: requirePermission('forum.moderate') };

  async function findQueued(rawId: string): Promise<QueuedContribution> {
    const contribution = await findContributionForModeration(db.kysely, idParam(rawId));
    if (!contribution) throw new NotFoundError('message');
    return contribution;
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, contribution: QueuedContribution, origin: FormFields, state: {
    values: ContributionEditValues; errors?: Readonly<Record<string, string>>; previewHtml?: string; status?: number;
  }) {
    const site = await http.snapshots.latest();
    const articleId = origin.article ? idParam(origin.article) : undefined;
    return sendAdminPage(reply, ModerationEditPage({
      ctx: await adminContext(http, request, reply), contribution, timeZone: site.settings.timeZone, ...state,
      origin: { status: queueStatusOf(origin.retour), articleId }, backHref: queueFrom(origin),
    }), state.status);
  }

  app.get<Params & { Querystring: FormFields }>('/ecrire/forum/:id/modifier', guard, async (request, reply) => {
    const c = await findQueued(request.params.id);
    return editPage(request, reply, c, request.query, { values: { nom: c.authorName, email: c.email ?? '', texte: c.body } });
  });

  app.post<Params & { Body: FormFields }>('/ecrire/forum/:id/modifier', guard, async (request, reply) => {
    const c = await findQueued(request.params.id);
    const form = request.body ?? {};
    const values = { nom: textField(form, 'nom'), email: textField(form, 'email'), texte: textField(form, 'texte') };
    const text = { authorName: values.nom, email: values.email, body: values.texte };
    try {
      if (form.action === 'preview') {
        const errors = validateContribution(text, correctionLengthLimit(await forum.limits(), c));
        if (Object.keys(errors).length > 0) throw new ValidationError(errors);
        return editPage(request, reply, c, form, { values, previewHtml: renderContributionText({ id: c.id, body: values.texte }) });
      }
      await forum.edit({ userId: request.visitor!.id }, c.id, text);
      return reply.redirect(returnToQueue(form, 'edit'), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return editPage(request, reply, c, form, { values, errors: error.fields, status: 400 });
    }
  });
}
