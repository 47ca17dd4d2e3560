import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, requirePermission } from '../../accounts/policy.js';
import { listUsers } from '../../accounts/store.js';
import { addAuditEntry } from '../../audit/store.js';
import { NotFoundError } from '../../errors.js';
import { ConfirmPage } from '../../http/admin-kit.js';
import { adminContext, idParam, noticeFrom, sendAdminPage, textField, type FormFields } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { SOURCE_KIND_LABELS } from '../sources/source-kind-labels.js';
import { listSources } from '../sources/store.js';
import { WatchInputError } from './schema.js';
import { countMatchesByWatch, getWatch, listWatchOwners, listWatches, watchScope, type WatchRow } from './store.js';
import { ALL_SOURCES, type WatchScope } from './watch-scope.js';
import { WatchFormPage, type WatchFormValues } from './views/watch-form-page.js';
import { WatchesPage, WatchSyntaxPage } from './views/watches-page.js';

const LIST = '/ecrire/veille/veilles';
/** The newest items a save goes through before answering; older ones are matched in the background. */
const BACKFILL_WAIT_ITEMS = 20_000;

const NOTICES: Readonly<Record<string, string>> = Object.freeze({ supprimee: 'Veille supprimée, avec sa boîte.' });

/** Every value of a repeated form field (checkboxes). */
function allValues(body: unknown, name: string): string[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
}

/** The form's values: name, query and the sources it covers. */
function formValues(body: unknown): WatchFormValues {
  const form = body as FormFields;
  const scope: WatchScope = form.scope === 'chosen'
    ? { all: false, sourceIds: allValues(body, 'sources').filter((v) => /^[1-9]\d{0,9}$/.test(v)).map(Number), sourceKinds: allValues(body, 'kinds').filter((k) => Object.hasOwn(SOURCE_KIND_LABELS, k)) }
    : ALL_SOURCES;
  const ownerIds = allValues(body, 'owners').filter((v) => /^[1-9]\d{0,9}$/.test(v)).map(Number);
  return { name: textField(form, 'name'), query: textField(form, 'query'), scope, ownerIds };
}

/** The watches in the back office: list, create, edit (syntax errors shown at the query), delete with confirmation, syntax help. */
export function registerWatchAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, watches } = http.relais;
  const view = { preHandler: requirePermission('veille.inbox.view') };
  const manage = { preHandler: requirePermission('veille.watches.manage') };

  async function watchOr404(raw: string | undefined): Promise<WatchRow> {
    const watch = await getWatch(db.kysely, idParam(raw));
    if (!watch) throw new NotFoundError('veille');
    return watch;
  }

  const people = async () => (await listUsers(db.kysely)).filter((u) => !u.disabled && can(u, 'veille.inbox.view'));
  /** The form's values, its owners limited to the people who may hold a watch. */
  async function submitted(body: unknown): Promise<WatchFormValues> {
    const values = formValues(body);
    const known = new Set((await people()).map((u) => u.id));
    return { ...values, ownerIds: values.ownerIds.filter((id) => known.has(id)) };
  }

  async function formPage(request: FastifyRequest, reply: FastifyReply, values: WatchFormValues, watchId?: number, error?: WatchInputError) {
    const sources = await listSources(db.kysely);
    return sendAdminPage(reply, WatchFormPage({
      ctx: await adminContext(http, request, reply), values, ...(watchId ? { watchId } : {}),
      ...(error ? { errors: error.fields, ...(error.queryPosition !== undefined ? { queryPosition: error.queryPosition } : {}) } : {}),
      sources: sources.map((s) => ({ id: s.id, title: s.title || s.url })),
      kinds: Object.entries(SOURCE_KIND_LABELS).map(([value, label]) => ({ value, label })),
      people: (await people()).map((u) => ({ id: u.id, name: u.name })),
    }), error ? 400 : 200);
  }

  app.get(LIST, view, async (request, reply) => {
    const sources = await listSources(db.kysely);
    return sendAdminPage(reply, WatchesPage({
      ctx: await adminContext(http, request, reply), watches: await listWatches(db.kysely), counts: await countMatchesByWatch(db.kysely),
      sourceTitles: new Map(sources.map((s) => [s.id, s.title || s.url])), notice: noticeFrom(request.query, NOTICES),
    }));
  });

  app.get(`${LIST}/syntaxe`, view, async (request, reply) => sendAdminPage(reply, WatchSyntaxPage({ ctx: await adminContext(http, request, reply) })));

  app.get(`${LIST}/ajouter`, manage, async (request, reply) => formPage(request, reply, { name: '', query: '', scope: ALL_SOURCES, ownerIds: [request.visitor!.id] }));

  app.post(`${LIST}/ajouter`, manage, async (request, reply) => {
    const values = await submitted(request.body);
    try {
      const { watch, backfilled, backfillComplete } = await watches.create(values, request.visitor!.id, { waitForItems: BACKFILL_WAIT_ITEMS });
      await addAuditEntry(db.kysely, { userId: request.visitor!.id, action: 'veille.watch.created', objectType: 'veille_watch', objectId: String(watch.id), summary: `${watch.name} : ${watch.query} (${backfilled} éléments déjà reçus)` }, http.relais.now());
      return reply.redirect(`/ecrire/veille/boite?veille=${watch.id}&ok=${backfillComplete ? 'creee' : 'creee-en-cours'}`, 303);
    } catch (error) {
      if (error instanceof WatchInputError) return formPage(request, reply, values, undefined, error);
      throw error;
    }
  });

  app.get<{ Params: { id: string } }>(`${LIST}/:id/modifier`, manage, async (request, reply) => {
    const watch = await watchOr404(request.params.id);
    return formPage(request, reply, { name: watch.name, query: watch.query, scope: watchScope(watch), ownerIds: await listWatchOwners(db.kysely, watch.id) }, watch.id);
  });

  app.post<{ Params: { id: string } }>(`${LIST}/:id/modifier`, manage, async (request, reply) => {
    const known = await watchOr404(request.params.id);
    const values = await submitted(request.body);
    try {
      const { watch, backfillComplete } = await watches.update(known.id, values, { waitForItems: BACKFILL_WAIT_ITEMS });
      await addAuditEntry(db.kysely, { userId: request.visitor!.id, action: 'veille.watch.updated', objectType: 'veille_watch', objectId: String(watch.id), summary: `${watch.name} : ${watch.query}` }, http.relais.now());
      return reply.redirect(`/ecrire/veille/boite?veille=${watch.id}&ok=${backfillComplete ? 'modifiee' : 'modifiee-en-cours'}`, 303);
    } catch (error) {
      if (error instanceof WatchInputError) return formPage(request, reply, values, known.id, error);
      throw error;
    }
  });

  app.get<{ Params: { id: string } }>(`${LIST}/:id/supprimer`, manage, async (request, reply) => {
    const watch = await watchOr404(request.params.id);
    return sendAdminPage(reply, ConfirmPage({
      ctx: await adminContext(http, request, reply), title: 'Supprimer une veille', current: '/ecrire/veille/sources',
      action: `${LIST}/${watch.id}/supprimer`, confirmLabel: 'Supprimer la veille et sa boîte', cancelHref: LIST,
      message: `La veille « ${watch.name} » ne retiendra plus d’éléments ; sa boîte (états, personnes désignées, notes) sera effacée. Les éléments eux-mêmes restent dans les archives. Cette action est définitive.`,
    }));
  });

  app.post<{ Params: { id: string } }>(`${LIST}/:id/supprimer`, manage, async (request, reply) => {
    const watch = await watchOr404(request.params.id);
    await watches.remove(watch.id);
    await addAuditEntry(db.kysely, { userId: request.visitor!.id, action: 'veille.watch.deleted', objectType: 'veille_watch', objectId: String(watch.id), summary: watch.name }, http.relais.now());
    return reply.redirect(`${LIST}?ok=supprimee`, 303);
  });
}
