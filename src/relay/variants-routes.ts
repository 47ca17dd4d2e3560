import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission } from '../accounts/policy.js';
import { listArticlesForEditors } from '../blog/store.js';
import type { RelayVariantState } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import { adminContext, idParam, noticeFrom, sendAdminPage, textField, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { fromLocalInputValue, toLocalInputValue } from '../i18n/format-date.js';
import { mayApprove, readApprovers } from './approvers-setting.js';
import { getPage, listPages } from './pages/page-store.js';
import { RelayError } from './relay-error.js';
import type { RelayActor } from './relay-service.js';
import { deleteVariant, getVariant, listAttempts, listVariants } from './variants/variant-store.js';
import { calendarSpan, CalendarPage, type CalendarView } from './views/calendar-page.js';
import { ComposePage } from './views/compose-page.js';
import { urlWeight } from './views/length-counter.js';
import { LISTED_STATES, PublicationsPage } from './views/publications-page.js';
import { VariantPage } from './views/variant-page.js';

const HOME = '/ecrire/relais';
const ONE = `${HOME}/publications`;

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  preparees: 'Brouillons préparés : relisez chacun avant de le soumettre ou de l’approuver.',
  enregistree: 'Publication enregistrée.',
  soumise: 'Publication soumise pour approbation.',
  approuvee: 'Publication approuvée et programmée.',
  deprogrammee: 'Publication déprogrammée : elle est de nouveau un brouillon.',
  relancee: 'Publication relancée : elle part dans quelques instants.',
  supprimee: 'Publication supprimée.',
});

/** Composing, the workflow (submit, approve, unschedule, retry), the publications list and the calendar. */
export function registerRelayVariantsRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db } = http.relais;
  const relay = () => http.relais.relay;
  const view = { preHandler: requirePermission('relay.view') };
  const compose = { preHandler: requirePermission('relay.compose') };
  const timeZone = async () => (await http.snapshots.latest()).settings.timeZone;
  const actor = (request: FastifyRequest): RelayActor => ({ userId: request.visitor!.id, role: request.visitor!.role });

  app.get(HOME, view, async (request, reply) => {
    const raw = (request.query as FormFields).etat;
    const filter = LISTED_STATES.find((s) => s === raw) as RelayVariantState | undefined;
    return sendAdminPage(reply, PublicationsPage({
      ctx: await adminContext(http, request, reply), variants: await listVariants(db.kysely, { ...(filter && { states: [filter] }), limit: 200 }),
      filter, timeZone: await timeZone(), notice: noticeFrom(request.query, NOTICES),
    }));
  });

  const composePage = async (request: FastifyRequest, reply: FastifyReply, chosen: number | undefined, error?: string) => sendAdminPage(reply, ComposePage({
    ctx: await adminContext(http, request, reply), chosen, pages: await listPages(db.kysely), error,
    articles: await listArticlesForEditors(db.kysely, { kind: 'article', status: 'published', limit: 50, offset: 0 }),
  }), error ? 400 : 200);

  app.get(`${HOME}/composer`, compose, async (request, reply) => {
    const raw = (request.query as FormFields).article;
    return composePage(request, reply, raw && /^\d+$/.test(raw) ? Number(raw) : undefined);
  });

  app.post<{ Body: Readonly<Record<string, string | string[] | undefined>> }>(`${HOME}/composer`, compose, async (request, reply) => {
    const article = Number(request.body.article);
    const chosen = [request.body.pages ?? []].flat().map(Number).filter(Number.isSafeInteger);
    const pages = (await listPages(db.kysely)).filter((p) => chosen.includes(p.id));
    if (pages.length === 0) return composePage(request, reply, article, 'Choisissez au moins une page.');
    const text = typeof request.body.text === 'string' ? request.body.text.replace(/\r\n?/g, '\n').replaceAll('\u0000', '') : '';
    try {
      if (request.body.from === 'text') await relay().draftFromText(actor(request), text, pages.map((p) => p.name));
      else await relay().draftFromArticle(actor(request), article, pages.map((p) => p.name));
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      return composePage(request, reply, article, error.message);
    }
    return reply.redirect(`${HOME}?etat=draft&ok=preparees`, 303);
  });

  async function variantPage(request: FastifyRequest, reply: FastifyReply, id: number, extra: { text?: string; error?: string } = {}) {
    const variant = await getVariant(db.kysely, id);
    if (!variant) throw new NotFoundError('publication');
    const page = (await getPage(db.kysely, variant.page_id))!;
    const adapter = relay().adapters[page.network];
    const text = extra.text ?? variant.text;
    const measured = adapter ? { length: adapter.countLength(text), limit: adapter.limits().maxLength } : { length: [...text].length, limit: 0 };
    return sendAdminPage(reply, VariantPage({
      ctx: await adminContext(http, request, reply), variant, ...measured, urlWeight: adapter ? urlWeight(adapter) : undefined,
      mayApprove: mayApprove(request.visitor!.role, await readApprovers(db.kysely)), attempts: await listAttempts(db.kysely, id),
      timeZone: await timeZone(), notice: noticeFrom(request.query, NOTICES), ...extra,
    }), extra.error ? 400 : 200);
  }

  app.get<{ Params: { id: string } }>(`${ONE}/:id`, view, async (request, reply) => variantPage(request, reply, idParam(request.params.id)));

  app.post<{ Params: { id: string }; Body: FormFields }>(`${ONE}/:id/enregistrer`, compose, async (request, reply) => {
    const id = idParam(request.params.id);
    const text = textField(request.body, 'text').trim();
    const rawAt = textField(request.body, 'at');
    const at = rawAt.trim() === '' ? null : fromLocalInputValue(rawAt, await timeZone());
    if (at === undefined) return variantPage(request, reply, id, { text, error: 'Date de publication invalide.' });
    try {
      await relay().editDraft(actor(request), id, text, at);
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      return variantPage(request, reply, id, { text, error: error.message });
    }
    return reply.redirect(`${ONE}/${id}?ok=enregistree`, 303);
  });

  const steps = [
    ['soumettre', 'soumise', (a: RelayActor, id: number) => relay().submit(a, id)],
    ['approuver', 'approuvee', (a: RelayActor, id: number) => relay().approve(a, id)],
    ['deprogrammer', 'deprogrammee', (a: RelayActor, id: number) => relay().unschedule(a, id)],
    ['relancer', 'relancee', (a: RelayActor, id: number) => relay().retry(a, id)],
  ] as const;
  for (const [path, notice, step] of steps) {
    app.post<{ Params: { id: string } }>(`${ONE}/:id/${path}`, compose, async (request, reply) => {
      const id = idParam(request.params.id);
      try {
        await step(actor(request), id);
      } catch (error) {
        if (!(error instanceof RelayError)) throw error;
        return variantPage(request, reply, id, { error: error.message });
      }
      return reply.redirect(`${ONE}/${id}?ok=${notice}`, 303);
    });
  }

  app.post<{ Params: { id: string } }>(`${ONE}/:id/supprimer`, compose, async (request, reply) => {
    const id = idParam(request.params.id);
    if (!(await deleteVariant(db.kysely, id))) return variantPage(request, reply, id, { error: 'Une publication en cours d’envoi ou déjà publiée ne peut pas être supprimée.' });
    return reply.redirect(`${HOME}?ok=supprimee`, 303);
  });

  app.get(`${HOME}/calendrier`, view, async (request, reply) => {
    const query = request.query as FormFields;
    const zone = await timeZone();
    const vue: CalendarView = query.vue === 'mois' ? 'mois' : 'semaine';
    const reference = query.date && /^\d{4}-\d\d-\d\d$/.test(query.date) ? query.date : toLocalInputValue(http.relais.now().toISOString(), zone).slice(0, 10);
    const span = calendarSpan(vue, reference);
    const pageId = query.page && /^\d+$/.test(query.page) ? Number(query.page) : undefined;
    // A day's margin either side: the site's days are not UTC days.
    const from = new Date(Date.parse(`${span.days[0]}T00:00:00Z`) - 86_400_000).toISOString();
    const to = new Date(Date.parse(`${span.days.at(-1)}T00:00:00Z`) + 2 * 86_400_000).toISOString();
    const variants = await listVariants(db.kysely, { from, to, ...(pageId !== undefined && { pageId }), limit: 2000 });
    const entries = variants.flatMap((variant) => {
      const at = variant.published_at ?? variant.next_attempt_at ?? variant.scheduled_at;
      if (!at) return [];
      const local = toLocalInputValue(at, zone);
      return [{ day: local.slice(0, 10), time: local.slice(11, 16), variant }];
    }).filter((e) => span.days.includes(e.day));
    return sendAdminPage(reply, CalendarPage({ ctx: await adminContext(http, request, reply), span, pages: await listPages(db.kysely), pageId, entries }));
  });
}
