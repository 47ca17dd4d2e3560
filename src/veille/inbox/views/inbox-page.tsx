import { can } from '../../../accounts/policy.js';
import type { User } from '../../../accounts/user.js';
import type { VeilleMatchState } from '../../../db/schema.js';
import { AdminPager, Badge, CsrfField } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import { formatDateTime } from '../../../i18n/format-date.js';
import { MATCH_STATES } from '../store.js';
import { STATE_LABELS, STATE_PARAMS, type HighlightedEntry } from './inbox-entry-view.js';

const STATE_TONES: Readonly<Record<VeilleMatchState, string>> = Object.freeze({ new: 'proposed', to_handle: 'draft', handled: 'published', ignored: 'archived' });

/** What the inbox page shows. */
export interface InboxPageProps {
  readonly ctx: AdminContext;
  /** The watch shown, or all of them. */
  readonly watch?: { readonly id: number; readonly name: string };
  readonly watches: readonly { readonly id: number; readonly name: string }[];
  readonly state: VeilleMatchState | 'open' | 'all';
  /** Only the matches assigned to the signed-in user. */
  readonly mine: boolean;
  /** Every telling of a story on its own row (otherwise one row per story and state). */
  readonly everyTelling: boolean;
  readonly counts: Readonly<Record<VeilleMatchState, number>>;
  readonly entries: readonly HighlightedEntry[];
  readonly assignees: readonly Pick<User, 'id' | 'name'>[];
  readonly page: number;
  readonly hasNext: boolean;
  /** The highest match id shown: the live stream announces those after it. */
  readonly lastMatchId: number;
  readonly timeZone: string;
  readonly notice?: string;
}

/** The inbox address with its filters. */
export function inboxHref(filter: {
  watchId?: number | undefined; state?: string | undefined; page?: number | undefined; mine?: boolean | undefined; everyTelling?: boolean | undefined;
}): string {
  const params = new URLSearchParams();
  if (filter.watchId !== undefined) params.set('veille', String(filter.watchId));
  if (filter.mine) params.set('moi', '1');
  if (filter.everyTelling) params.set('reprises', '1');
  if (filter.state !== undefined && filter.state !== 'open') params.set('etat', filter.state);
  if (filter.page !== undefined && filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return `/ecrire/veille/boite${query ? `?${query}` : ''}`;
}

/**
 * The inbox, for one watch or all: matched items with their words highlighted, source, author,
 * date, story size and link; their state, assignee and notes; bulk actions on the ticked ones.
 * Keyboard shortcuts and the live arrival banner come from `veille-inbox.js` (with `list-keys.js`); without them, every
 * action is a plain form.
 */
export function InboxPage(props: InboxPageProps) {
  const { ctx, watch, counts, entries } = props;
  const triage = can(ctx.user, 'veille.inbox.triage');
  const { mine, everyTelling } = props;
  const here = inboxHref({ watchId: watch?.id, state: stateParamOf(props.state), page: props.page, mine, everyTelling });
  const open = counts.new + counts.to_handle;
  const total = open + counts.handled + counts.ignored;
  const stream = `/ecrire/veille/boite/flux?depuis=${props.lastMatchId}${watch ? `&veille=${watch.id}` : ''}`;
  return (
    <AdminLayout ctx={ctx} title={watch ? `Veille « ${watch.name} »` : 'Boîte de veille'} current="/ecrire/veille/sources" notice={props.notice}>
      <VeilleNav ctx={ctx} />
      <form method="get" action="/ecrire/veille/boite" class="inline-form inbox-watch-choice">
        <label for="f-veille">Veille affichée</label>{' '}
        <select id="f-veille" name="veille">
          <option value="">Toutes les veilles</option>
          {props.watches.map((w) => <option value={String(w.id)} selected={w.id === watch?.id}>{w.name}</option>)}
        </select>{' '}
        <button type="submit" class="button small">Afficher</button>
      </form>
      <nav class="status-filter" aria-label="Filtrer par état">
        <ul>
          <li><a href={inboxHref({ watchId: watch?.id, mine, everyTelling })} aria-current={props.state === 'open' ? 'page' : undefined}>À voir ({open})</a></li>
          {MATCH_STATES.map((state) => (
            <li><a href={inboxHref({ watchId: watch?.id, state: STATE_PARAMS[state], mine, everyTelling })} aria-current={props.state === state ? 'page' : undefined}>{STATE_LABELS[state]} ({counts[state]})</a></li>
          ))}
          <li><a href={inboxHref({ watchId: watch?.id, state: 'tous', mine, everyTelling })} aria-current={props.state === 'all' ? 'page' : undefined}>Tous ({total})</a></li>
        </ul>
      </nav>
      <ul class="inbox-mine">
        <li>{mine ? <a href={inboxHref({ watchId: watch?.id, state: stateParamOf(props.state), everyTelling })}>Voir aussi les éléments confiés aux autres</a>
          : <a href={inboxHref({ watchId: watch?.id, state: stateParamOf(props.state), mine: true, everyTelling })}>Seulement les éléments qui me sont confiés</a>}</li>
        <li>{everyTelling ? <a href={inboxHref({ watchId: watch?.id, state: stateParamOf(props.state), mine })}>Une ligne par histoire (la reprise la plus récente)</a>
          : <a href={inboxHref({ watchId: watch?.id, state: stateParamOf(props.state), mine, everyTelling: true })}>Afficher chaque reprise d’une même histoire</a>}</li>
      </ul>
      <p id="arrivees" class="notice live-banner" role="status" aria-live="polite" hidden data-stream={stream}>
        <span></span> <a href={here}>Afficher</a>
      </p>
      {entries.length === 0 ? <p>Aucun élément ici pour l’instant.</p> : (
        <form method="post" action="/ecrire/veille/boite/actions" class="inbox">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="retour" value={here} />
          {everyTelling ? null : <input type="hidden" name="histoires" value="1" />}
          {triage ? <BulkActions assignees={props.assignees} /> : null}
          {triage ? <p class="choice" id="tout-cocher" hidden><input type="checkbox" id="toute-la-page" /> <label for="toute-la-page">Cocher toute la page</label></p> : null}
          <p id="raccourcis" class="hint" hidden>Raccourcis : j / k élément suivant / précédent, x cocher, t à traiter, h traité, i ignoré, n nouveau, o ouvrir le lien.</p>
          <ol class="inbox-list">
            {entries.map(({ entry, titleHtml, excerptHtml }) => (
              <li class={`inbox-entry state-${entry.state}`} tabIndex={-1} data-match={String(entry.matchId)}>
                {triage ? <input type="checkbox" name="selection" value={String(entry.matchId)} id={`m-${entry.matchId}`} aria-label={`Sélectionner « ${entry.title} »`} /> : null}
                <h2 class="inbox-title">
                  {entry.link ? <a href={entry.link} rel="noopener noreferrer" dangerouslySetInnerHTML={{ __html: titleHtml }} /> : <span dangerouslySetInnerHTML={{ __html: titleHtml }} />}
                </h2>
                <p class="inbox-meta">
                  <Badge tone={STATE_TONES[entry.state]}>{STATE_LABELS[entry.state]}</Badge>{' '}
                  {entry.sourceTitle}{entry.author ? ` · ${entry.author}` : ''} · <time datetime={entry.publishedAt ?? entry.storedAt}>{formatDateTime(entry.publishedAt ?? entry.storedAt, 'fr', props.timeZone)}</time>
                  {entry.groupSize > 1 ? ` · vu sur ${entry.groupSize} sources` : ''}
                  {watch ? '' : ` · veille « ${entry.watchName} »`}
                  {entry.assigneeName ? ` · confié à ${entry.assigneeName}` : ''}
                  {entry.kept ? ' · conservé' : ''}
                  {entry.backfilled ? ' · trouvé dans les archives' : ''}
                </p>
                <p class="inbox-excerpt" dangerouslySetInnerHTML={{ __html: excerptHtml }} />
                <p class="inbox-links"><a href={`/ecrire/veille/boite/${entry.matchId}`}>Notes et détails{entry.noteCount > 0 ? ` (${entry.noteCount})` : ''}</a></p>
              </li>
            ))}
          </ol>
        </form>
      )}
      <AdminPager page={props.page} hasNext={props.hasNext} href={(page) => inboxHref({ watchId: watch?.id, state: stateParamOf(props.state), page, mine, everyTelling })} />
      <script src={ctx.assets.url('list-keys.js')} defer />
      <script src={ctx.assets.url('veille-inbox.js')} defer />
    </AdminLayout>
  );
}

function stateParamOf(state: VeilleMatchState | 'open' | 'all'): string | undefined {
  return state === 'open' ? undefined : state === 'all' ? 'tous' : STATE_PARAMS[state];
}

/** The bulk actions on ticked entries: a state, an assignee, the kept flag. */
function BulkActions(props: { assignees: readonly Pick<User, 'id' | 'name'>[] }) {
  return (
    <fieldset class="bulk-actions">
      <legend>Éléments cochés</legend>
      <button type="submit" name="action" value="to_handle" class="button small" data-key="t">À traiter</button>{' '}
      <button type="submit" name="action" value="handled" class="button small" data-key="h">Traité</button>{' '}
      <button type="submit" name="action" value="ignored" class="button small" data-key="i">Ignorer</button>{' '}
      <button type="submit" name="action" value="new" class="button small" data-key="n">Remettre en nouveau</button>{' '}
      <button type="submit" name="action" value="keep" class="button small">Conserver</button>{' '}
      <button type="submit" name="action" value="unkeep" class="button small">Ne plus conserver</button>{' '}
      <label for="f-assignee">Confier à</label>{' '}
      <select id="f-assignee" name="assignee">
        <option value="">Personne</option>
        {props.assignees.map((u) => <option value={String(u.id)}>{u.name}</option>)}
      </select>{' '}
      <button type="submit" name="action" value="assign" class="button small">Confier</button>
    </fieldset>
  );
}

/** The veille's sub-menu: inbox, watches, search, sources. */
export function VeilleNav(props: { ctx: AdminContext }) {
  return (
    <nav class="veille-nav" aria-label="Veille">
      <ul>
        <li><a href="/ecrire/veille/boite">Boîte de veille</a></li>
        <li><a href="/ecrire/veille/veilles">Veilles</a></li>
        <li><a href="/ecrire/veille/recherche">Recherche</a></li>
        {can(props.ctx.user, 'veille.sources.view') ? <li><a href="/ecrire/veille/tableau-de-bord">Tableau de bord</a></li> : null}
        {can(props.ctx.user, 'veille.sources.view') ? <li><a href="/ecrire/veille/sources">Sources</a></li> : null}
      </ul>
    </nav>
  );
}
