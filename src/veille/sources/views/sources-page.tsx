import { can } from '../../../accounts/policy.js';
import { AdminPager, Badge, DataTable } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import { formatDateTime } from '../../../i18n/format-date.js';
import { SOURCE_KIND_LABELS } from '../source-kind-labels.js';
import { SOURCE_STATE_LABELS, sourceState, type SourceState } from '../source-state.js';
import type { SourceRow } from '../store.js';
import { VeilleNav } from '../../inbox/views/inbox-page.js';

// The badge colours the back office already has (contrast checked): green, grey, amber.
const TONES: Readonly<Record<SourceState, string>> = Object.freeze({ active: 'published', paused: 'archived', error: 'proposed' });

/** A source's state as a coloured label. */
export function SourceStateBadge(props: { source: SourceRow }) {
  const state = sourceState(props.source);
  return <Badge tone={TONES[state]}>{SOURCE_STATE_LABELS[state]}</Badge>;
}

/** "3 avril 2026 à 14:05", or a dash when the date is absent. */
export function dateOrDash(iso: string | null, timeZone: string): string {
  return iso ? formatDateTime(iso, 'fr', timeZone) : '—';
}

/** `?etat=…&page=…`: a page of the list, its state filter kept. */
function listHref(filter: SourceState | undefined, page: number): string {
  const query = [filter ? `etat=${filter}` : '', page > 1 ? `page=${page}` : ''].filter(Boolean).join('&');
  return query === '' ? '/ecrire/veille/sources' : `/ecrire/veille/sources?${query}`;
}

/**
 * The watch's sources with their health, a page at a time (the state filter kept from page to
 * page), the count in each state and a filter by state.
 */
export function SourcesPage(props: {
  ctx: AdminContext; sources: readonly SourceRow[]; counts: Readonly<Record<SourceState, number>>; filter: SourceState | undefined;
  page: number; pages: number; hasNext: boolean; timeZone: string; notice?: string;
}) {
  const { ctx, counts, filter, sources: shown } = props;
  const total = counts.active + counts.error + counts.paused;
  const manage = can(ctx.user, 'veille.sources.manage');
  return (
    <AdminLayout ctx={ctx} title="Sources de veille" current="/ecrire/veille/sources" notice={props.notice}>
      <VeilleNav ctx={ctx} />
      {manage || total > 0 ? (
        <p class="actions">
          {manage ? <a class="button primary" href="/ecrire/veille/sources/ajouter">Ajouter une source</a> : null}
          {manage ? <a class="button" href="/ecrire/veille/sources/importer">Importer un fichier OPML</a> : null}
          {total > 0 ? <a class="button" href="/ecrire/veille/sources.opml">Exporter en OPML</a> : null}
        </p>
      ) : null}
      {total === 0 ? (
        <div class="panel">
          <p>Aucune source n’est encore suivie.</p>
          <p>Une source est un flux d’actualités (RSS, Atom ou JSON Feed) que Relais consulte régulièrement : le site d’un journal, d’une commune voisine, un blog, un forum.
            Chaque nouvel article publié devient un élément de la veille.</p>
          <p>{manage ? 'Pour en ajouter une, choisissez « Ajouter une source » et indiquez l’adresse du flux ou simplement celle du site : Relais y trouve le flux annoncé. Vous pouvez aussi importer la liste d’un autre lecteur de flux (fichier OPML).'
            : 'Les personnes qui animent la veille (administration, rédaction) peuvent en ajouter.'}</p>
        </div>
      ) : (
        <>
          <nav class="status-filter" aria-label="Filtrer par état">
            <ul>
              <li><a href="/ecrire/veille/sources" aria-current={filter ? undefined : 'page'}>Toutes ({total})</a></li>
              {(Object.keys(SOURCE_STATE_LABELS) as SourceState[]).map((state) => (
                <li><a href={`/ecrire/veille/sources?etat=${state}`} aria-current={filter === state ? 'page' : undefined}>{SOURCE_STATE_LABELS[state]} ({counts[state]})</a></li>
              ))}
            </ul>
          </nav>
          {shown.length === 0 ? <p>Aucune source dans cet état.</p> : (
            <DataTable caption={filter ? `Sources : ${SOURCE_STATE_LABELS[filter].toLowerCase()}` : 'Toutes les sources'}
              columns={['Source', 'Type', 'État', 'Dernière consultation', 'Prochaine consultation', 'Éléments vus', 'Erreurs de suite', 'Dernière erreur']}>
              {shown.map((s) => (
                <tr>
                  <th scope="row"><a href={`/ecrire/veille/sources/${s.id}`}>{s.title || s.url}</a></th>
                  <td>{SOURCE_KIND_LABELS[s.kind] ?? s.kind}</td>
                  <td><SourceStateBadge source={s} /></td>
                  <td>{dateOrDash(s.last_checked_at, props.timeZone)}</td>
                  <td>{s.status === 'paused' ? '—' : dateOrDash(s.next_check_at, props.timeZone)}</td>
                  <td>{s.items_seen}</td>
                  <td>{s.error_count}</td>
                  <td>{s.last_error ?? '—'}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <AdminPager page={props.page} pages={props.pages} hasNext={props.hasNext} href={(page) => listHref(filter, page)} />
        </>
      )}
    </AdminLayout>
  );
}
