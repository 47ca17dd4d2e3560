import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission } from '../../accounts/policy.js';
import { addAuditEntry } from '../../audit/store.js';
import { NotFoundError } from '../../errors.js';
import { adminContext, idParam, noticeFrom, pageParam, sendAdminPage, textField, type FormFields } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { ConfirmPage } from '../../http/admin-kit.js';
import { FetchError } from '../fetch/fetch-error.js';
import { listLatestSourceItems } from '../items/store.js';
import { addFeedSource } from './add-feed-source.js';
import { importOpml } from './import-opml.js';
import { changeSourceToken } from './change-source-token.js';
import { changeSource, type SourceChange } from './manage-source.js';
import { LEASE_MS } from './poll-due-sources.js';
import { pollDepsOf } from './poll-deps-of.js';
import { pollSource } from './poll-source.js';
import { stateParam } from './source-state.js';
import { registerSocialSourceRoutes } from './social-source-routes.js';
import { claimSource, countSourcesByState, getSource, listSources, listSourcesPage, type SourceRow } from './store.js';
import { AddSourcePage } from './views/add-source-page.js';
import { ImportSourcesPage } from './views/import-sources-page.js';
import { SourcePage } from './views/source-page.js';
import { SourcesPage } from './views/sources-page.js';
import { feedOutlines, writeOpml } from './write-opml.js';

const LIST = '/ecrire/veille/sources';
const LATEST_ITEMS = 20;
/** Sources per page of the list. */
const PAGE_SIZE = 50;

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  ajoutee: 'Source ajoutée : elle sera consultée à la prochaine tournée.',
  deja: 'Cette source était déjà suivie.',
  pause: 'Source mise en pause : elle n’est plus consultée.',
  activee: 'Source réactivée : elle sera consultée à la prochaine tournée.',
  supprimee: 'Source supprimée, avec ses éléments.',
  releve: 'Source relevée.',
  'releve-inchangee': 'Source relevée : rien de nouveau depuis la consultation précédente.',
  'releve-erreur': 'Le relevé a échoué : voir la dernière erreur ci-dessous.',
  jeton: 'Jeton d’accès enregistré (chiffré) : la source sera consultée avec lui à la prochaine tournée.',
  'jeton-retire': 'Jeton d’accès retiré.',
  'releve-en-cours': 'Cette source est en train d’être relevée par le traitement de fond : le résultat s’affichera ici dans quelques instants.',
});

const CHANGE_NOTICES: Readonly<Record<Exclude<SourceChange, 'delete'>, string>> = Object.freeze({ pause: 'pause', enable: 'activee' });

/** The watch's sources in the back office: list with health, detail, add (with discovery), pause, enable, delete, poll now, OPML. */
export function registerSourcesAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  const view = { preHandler: requirePermission('veille.sources.view') };
  const manage = { preHandler: requirePermission('veille.sources.manage') };
  const timeZone = async () => (await http.snapshots.latest()).settings.timeZone;
  registerSocialSourceRoutes(app, http);

  async function sourceOr404(raw: string | undefined): Promise<SourceRow> {
    const source = await getSource(db.kysely, idParam(raw));
    if (!source) throw new NotFoundError('source');
    return source;
  }
  const userId = (request: FastifyRequest) => request.visitor!.id;

  app.get(LIST, view, async (request, reply) => {
    const filter = stateParam(request.query);
    const page = pageParam(request.query);
    const counts = await countSourcesByState(db.kysely);
    // One more than a page says whether a next one exists.
    const rows = await listSourcesPage(db.kysely, { state: filter, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    const shown = filter ? counts[filter] : counts.active + counts.error + counts.paused;
    return sendAdminPage(reply, SourcesPage({
      ctx: await adminContext(http, request, reply), sources: rows.slice(0, PAGE_SIZE), counts, filter,
      page, pages: Math.max(1, Math.ceil(shown / PAGE_SIZE)), hasNext: rows.length > PAGE_SIZE,
      timeZone: await timeZone(), notice: noticeFrom(request.query, NOTICES),
    }));
  });

  app.get(`${LIST}.opml`, view, async (_request, reply) => {
    const sources = await listSources(db.kysely);
    return reply.header('content-type', 'text/x-opml; charset=utf-8').header('content-disposition', 'attachment; filename="sources-relais.opml"')
      .header('cache-control', 'no-store').send(writeOpml(feedOutlines(sources), now()));
  });

  app.get(`${LIST}/ajouter`, manage, async (request, reply) => sendAdminPage(reply, AddSourcePage({ ctx: await adminContext(http, request, reply), url: '' })));

  app.post<{ Body: FormFields }>(`${LIST}/ajouter`, manage, async (request, reply) => {
    const url = textField(request.body, 'url').trim();
    const again = async (status: number, extra: { error?: string; feeds?: Parameters<typeof AddSourcePage>[0]['feeds'] }) =>
      sendAdminPage(reply, AddSourcePage({ ctx: await adminContext(http, request, reply), url, ...extra }), status);
    if (url === '') return again(400, { error: 'Indiquez l’adresse d’un flux ou d’un site.' });
    try {
      const result = await addFeedSource({ db: db.kysely, fetchResource: http.relais.fetchResource, now }, url);
      switch (result.kind) {
        case 'added':
          await addAuditEntry(db.kysely, { userId: userId(request), action: 'veille.source.added', objectType: 'veille_source', objectId: result.source.id, summary: result.source.url }, now());
          return reply.redirect(`${LIST}/${result.source.id}?ok=ajoutee`, 303);
        case 'already-watched':
          return reply.redirect(`${LIST}/${result.source.id}?ok=deja`, 303);
        case 'several-feeds':
          return again(200, { feeds: result.feeds });
        case 'no-feed':
          return again(400, { error: 'Aucun flux RSS, Atom ou JSON Feed n’a été trouvé à cette adresse. Vérifiez-la, ou indiquez directement l’adresse du flux.' });
        default: {
          const unknown: never = result;
          return unknown;
        }
      }
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      return again(400, { error: error.message });
    }
  });

  app.get(`${LIST}/importer`, manage, async (request, reply) => sendAdminPage(reply, ImportSourcesPage({ ctx: await adminContext(http, request, reply), opml: '' })));

  app.post<{ Body: FormFields }>(`${LIST}/importer`, manage, async (request, reply) => {
    const opml = textField(request.body, 'opml');
    const report = await importOpml(db.kysely, opml, now());
    await addAuditEntry(db.kysely, {
      userId: userId(request), action: 'veille.sources.imported', objectType: 'opml', objectId: 'veille',
      summary: `${report.added} ajoutée(s), ${report.alreadyWatched} déjà suivie(s), ${report.errors.length} erreur(s)`,
    }, now());
    // The document is kept in the form only when some lines failed, to correct them.
    return sendAdminPage(reply, ImportSourcesPage({ ctx: await adminContext(http, request, reply), opml: report.errors.length > 0 ? opml : '', report }));
  });

  app.get<{ Params: { id: string } }>(`${LIST}/:id`, view, async (request, reply) => {
    const source = await sourceOr404(request.params.id);
    return sendAdminPage(reply, SourcePage({
      ctx: await adminContext(http, request, reply), source, items: await listLatestSourceItems(db.kysely, source.id, LATEST_ITEMS),
      timeZone: await timeZone(), notice: noticeFrom(request.query, NOTICES),
    }));
  });

  app.post<{ Params: { id: string }; Body: FormFields }>(`${LIST}/:id/jeton`, manage, async (request, reply) => {
    const source = await sourceOr404(request.params.id);
    const remove = textField(request.body, 'retirer') === '1';
    const token = textField(request.body, 'token').trim();
    const change = remove || token !== ''
      ? await changeSourceToken({ db, keyring: http.relais.keyring, now }, source, remove ? undefined : token, userId(request))
      : { ok: false as const, error: 'Collez le nouveau jeton d’accès.' };
    if (change.ok) return reply.redirect(`${LIST}/${source.id}?ok=${remove ? 'jeton-retire' : 'jeton'}`, 303);
    return sendAdminPage(reply, SourcePage({
      ctx: await adminContext(http, request, reply), source, items: await listLatestSourceItems(db.kysely, source.id, LATEST_ITEMS),
      timeZone: await timeZone(), tokenError: change.error,
    }), 400);
  });

  for (const [path, change] of [['pause', 'pause'], ['activer', 'enable']] as const) {
    app.post<{ Params: { id: string } }>(`${LIST}/:id/${path}`, manage, async (request, reply) => {
      const source = await sourceOr404(request.params.id);
      await changeSource(db, source, change, userId(request), now());
      return reply.redirect(`${LIST}/${source.id}?ok=${CHANGE_NOTICES[change]}`, 303);
    });
  }

  app.post<{ Params: { id: string } }>(`${LIST}/:id/relever`, manage, async (request, reply) => {
    const known = await sourceOr404(request.params.id);
    // A worker polling it right now keeps it: the same source is never fetched twice at once.
    const source = await claimSource(db.kysely, known.id, now(), new Date(now().getTime() + LEASE_MS));
    if (!source) return reply.redirect(`${LIST}/${known.id}?ok=releve-en-cours`, 303);
    const outcome = await pollSource(pollDepsOf(http.relais), source);
    const key = outcome.status === 'ok' ? 'releve' : outcome.status === 'not-modified' ? 'releve-inchangee' : 'releve-erreur';
    return reply.redirect(`${LIST}/${source.id}?ok=${key}`, 303);
  });

  const confirmDelete = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const source = await sourceOr404(request.params.id);
    return sendAdminPage(reply, ConfirmPage({
      ctx: await adminContext(http, request, reply), title: 'Supprimer une source', current: LIST,
      action: `${LIST}/${source.id}/supprimer`, confirmLabel: 'Supprimer la source et ses éléments', cancelHref: `${LIST}/${source.id}`,
      message: `La source « ${source.title || source.url} » ne sera plus consultée et ses éléments déjà reçus seront effacés de la veille. Cette action est définitive.`,
    }));
  };
  app.get<{ Params: { id: string } }>(`${LIST}/:id/supprimer`, manage, confirmDelete);

  app.post<{ Params: { id: string } }>(`${LIST}/:id/supprimer`, manage, async (request, reply) => {
    const source = await sourceOr404(request.params.id);
    await changeSource(db, source, 'delete', userId(request), now());
    return reply.redirect(`${LIST}?ok=supprimee`, 303);
  });
}
