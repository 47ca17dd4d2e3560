import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, requirePermission } from '../../accounts/policy.js';
import { listUsers } from '../../accounts/store.js';
import type { VeilleMatchState } from '../../db/schema.js';
import { NotFoundError } from '../../errors.js';
import { adminContext, idParam, noticeFrom, pageParam, sendAdminPage, textField, type FormFields } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { escapeHtml } from '../../markup/escape-html.js';
import { highlightMatches } from '../match/highlight-matches.js';
import { parseWatchQuery } from '../match/parse-watch-query.js';
import { listWatches } from '../watches/store.js';
import { createInboxStreams } from './stream-inbox-arrivals.js';
import {
  addMatchNote, assignMatches, countInboxStates, expandToStories, itemIdsOfMatches, latestMatchId, listInbox, listMatchNotes, listStoryTellings, MATCH_STATES, setItemsKept,
  setMatchesState, type InboxFilter,
} from './store.js';
import { highlightEntries, STATE_PARAMS } from './views/inbox-entry-view.js';
import { InboxPage } from './views/inbox-page.js';
import { MatchPage } from './views/match-page.js';

const INBOX = '/ecrire/veille/boite';
const PAGE_SIZE = 30;
const MAX_NOTE = 5000;
/** The copies of a story listed on an item's page. */
const STORY_TELLINGS = 50;

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  fait: 'Modification enregistrée.',
  aucun: 'Cochez au moins un élément avant de choisir une action.',
  note: 'Note ajoutée.',
  creee: 'Veille créée : les éléments déjà reçus qui correspondent à sa requête sont ci-dessous.',
  modifiee: 'Veille modifiée.',
  'creee-en-cours': 'Veille créée : les éléments récents qui y correspondent sont ci-dessous ; les plus anciens arrivent dans quelques instants.',
  'modifiee-en-cours': 'Veille modifiée : les éléments récents sont ci-dessous ; les plus anciens arrivent dans quelques instants.',
});

/** `?etat=` → the state filter; the open ones (new and to handle) by default. */
function stateFilter(query: unknown): VeilleMatchState | 'open' | 'all' {
  const raw = (query as FormFields | undefined)?.etat;
  if (raw === 'tous') return 'all';
  return MATCH_STATES.find((s) => STATE_PARAMS[s] === raw) ?? 'open';
}

/** The selected match ids of a bulk form (one or many `selection` fields). */
function selectedIds(body: unknown): number[] {
  const raw = (body as Record<string, unknown> | undefined)?.selection;
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v)).map(Number))];
}

/** Where to go back after an action: an inbox or match page only, never another site. */
function returnTo(form: FormFields): string {
  const target = form.retour ?? INBOX;
  return /^\/ecrire\/veille\/boite(?:[/?]|$)/.test(target) && !target.includes('//') ? target : INBOX;
}

function withNotice(url: string, key: string): string {
  const clean = url.replace(/([?&])ok=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return `${clean}${clean.includes('?') ? '&' : '?'}ok=${key}`;
}

/** The inbox screens: the list per watch or across watches, one match with its notes, bulk triage, and the live stream. */
export function registerInboxRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  const view = { preHandler: requirePermission('veille.inbox.view') };
  const triage = { preHandler: requirePermission('veille.inbox.triage') };
  const timeZone = async () => (await http.snapshots.latest()).settings.timeZone;
  const assignees = async () => (await listUsers(db.kysely))
    .filter((u) => !u.disabled && can(u, 'veille.inbox.triage')).map((u) => ({ id: u.id, name: u.name }));

  app.get(INBOX, view, async (request, reply) => {
    const query = request.query as FormFields;
    const watches = await listWatches(db.kysely);
    const watchId = query.veille ? Number(query.veille) : undefined;
    const watch = watchId === undefined ? undefined : watches.find((w) => w.id === watchId);
    if (watchId !== undefined && !watch) throw new NotFoundError('veille');
    const state = stateFilter(query);
    const page = pageParam(query);
    const mine = query.moi === '1';
    const everyTelling = query.reprises === '1';
    const scope = { ...(watch ? { watchId: watch.id } : {}), ...(mine ? { assigneeId: request.visitor!.id } : {}), oneRowPerStory: !everyTelling };
    const filter: InboxFilter = { ...scope, state };
    const rows = await listInbox(db.kysely, filter, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    const entries = rows.slice(0, PAGE_SIZE);
    return sendAdminPage(reply, InboxPage({
      ctx: await adminContext(http, request, reply), ...(watch ? { watch: { id: watch.id, name: watch.name } } : {}),
      watches: watches.map((w) => ({ id: w.id, name: w.name })), state, mine, everyTelling, counts: await countInboxStates(db.kysely, scope),
      entries: highlightEntries(entries), assignees: await assignees(), page, hasNext: rows.length > PAGE_SIZE,
      lastMatchId: await latestMatchId(db.kysely), timeZone: await timeZone(), notice: noticeFrom(query, NOTICES),
    }));
  });

  const streams = createInboxStreams(http, app);
  app.get(`${INBOX}/flux`, view, (request, reply) => { streams.serve(request, reply); });

  async function matchPage(request: FastifyRequest<{ Params: { id: string } }>, extra: { noteError?: string; noteBody?: string } = {}) {
    const matchId = idParam(request.params.id);
    const [entry] = await listInbox(db.kysely, { matchId }, 1);
    if (!entry) throw new NotFoundError('élément');
    const [highlighted] = highlightEntries([entry]);
    let textHtml: string;
    try {
      textHtml = highlightMatches(parseWatchQuery(entry.watchQuery), entry.plainText);
    } catch {
      textHtml = escapeHtml(entry.plainText);
    }
    const tellings = entry.groupId !== null && entry.groupSize > 1 ? await listStoryTellings(db.kysely, entry.groupId, STORY_TELLINGS) : [];
    return { item: { ...highlighted!, textHtml }, notes: await listMatchNotes(db.kysely, entry.watchId, entry.itemId), tellings, ...extra };
  }

  app.get<{ Params: { id: string } }>(`${INBOX}/:id`, view, async (request, reply) => sendAdminPage(reply, MatchPage({
    ctx: await adminContext(http, request, reply), ...(await matchPage(request)), assignees: await assignees(),
    timeZone: await timeZone(), notice: noticeFrom(request.query, NOTICES),
  })));

  app.post<{ Params: { id: string } }>(`${INBOX}/:id/notes`, triage, async (request, reply) => {
    const body = textField(request.body as FormFields, 'body').trim();
    const error = body === '' ? 'Écrivez le texte de la note.' : body.length > MAX_NOTE ? `Une note ne doit pas dépasser ${MAX_NOTE} caractères.` : undefined;
    if (error) {
      return sendAdminPage(reply, MatchPage({
        ctx: await adminContext(http, request, reply), ...(await matchPage(request, { noteError: error, noteBody: body })),
        assignees: await assignees(), timeZone: await timeZone(),
      }), 400);
    }
    const { item } = await matchPage(request);
    await addMatchNote(db.kysely, { watchId: item.entry.watchId, itemId: item.entry.itemId, authorId: request.visitor!.id, body }, now());
    return reply.redirect(`${INBOX}/${item.entry.matchId}?ok=note`, 303);
  });

  app.post(`${INBOX}/actions`, triage, async (request, reply) => {
    const form = request.body as FormFields;
    const back = returnTo(form);
    // A row of the one-row-per-story inbox stands for every telling of its story in that state.
    const ids = form.histoires === '1' ? await expandToStories(db.kysely, selectedIds(request.body)) : selectedIds(request.body);
    if (ids.length === 0) return reply.redirect(withNotice(back, 'aucun'), 303);
    const action = form.action ?? '';
    if ((MATCH_STATES as readonly string[]).includes(action)) await setMatchesState(db.kysely, ids, action as VeilleMatchState, now());
    else if (action === 'assign') {
      const raw = form.assignee ?? '';
      const assignee = raw === '' ? null : (await assignees()).find((u) => String(u.id) === raw)?.id;
      if (assignee === undefined) throw new NotFoundError('personne');
      await assignMatches(db.kysely, ids, assignee);
    } else if (action === 'keep' || action === 'unkeep') await setItemsKept(db.kysely, await itemIdsOfMatches(db.kysely, ids), action === 'keep');
    else throw new NotFoundError('action');
    return reply.redirect(withNotice(back, 'fait'), 303);
  });
}
