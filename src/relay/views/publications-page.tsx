import { can } from '../../accounts/policy.js';
import { DataTable } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import type { RelayVariantState } from '../../db/schema.js';
import type { VariantWithPage } from '../variants/variant-store.js';
import { dateOrDash, NETWORK_LABELS, STATE_LABELS, StateBadge } from './relay-labels.js';

/** The states the list filters on, in the order of the workflow. */
export const LISTED_STATES: readonly RelayVariantState[] = ['draft', 'submitted', 'scheduled', 'publishing', 'published', 'failed'];

/** The first line of a post, for lists. */
export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

/** Every post prepared for the networks, filtered by state, with the way to compose more. */
export function PublicationsPage(props: { ctx: AdminContext; variants: readonly VariantWithPage[]; filter: RelayVariantState | undefined; timeZone: string; notice?: string }) {
  const { ctx, variants, filter } = props;
  return (
    <AdminLayout ctx={ctx} title="Réseaux sociaux" current="/ecrire/relais" notice={props.notice}>
      <p class="actions">
        {can(ctx.user, 'relay.compose') ? <a class="button primary" href="/ecrire/relais/composer">Préparer depuis un article</a> : null}
        <a class="button" href="/ecrire/relais/calendrier">Calendrier</a>
        <a class="button" href="/ecrire/relais/pages">Pages et connexions</a>
      </p>
      <nav class="status-filter" aria-label="Filtrer par état">
        <ul>
          <li><a href="/ecrire/relais" aria-current={filter ? undefined : 'page'}>Toutes</a></li>
          {LISTED_STATES.map((state) => <li><a href={`/ecrire/relais?etat=${state}`} aria-current={filter === state ? 'page' : undefined}>{STATE_LABELS[state]}</a></li>)}
        </ul>
      </nav>
      {variants.length === 0 ? <p>Aucune publication{filter ? ' dans cet état' : ''}.</p> : (
        <DataTable caption={filter ? `Publications : ${STATE_LABELS[filter].toLowerCase()}` : 'Dernières publications'} columns={['Publication', 'Page', 'État', 'Quand', 'Raison']}>
          {variants.map((v) => (
            <tr>
              <th scope="row"><a href={`/ecrire/relais/publications/${v.id}`}>n° {v.id} — {firstLine(v.text)}</a></th>
              <td>{v.page_name} <small>({NETWORK_LABELS[v.page_network] ?? v.page_network})</small></td>
              <td><StateBadge state={v.state} /></td>
              <td>{dateOrDash(v.published_at ?? v.next_attempt_at ?? v.scheduled_at, props.timeZone)}</td>
              <td>{v.state === 'failed' || v.state === 'scheduled' ? v.failure_reason ?? '' : ''}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </AdminLayout>
  );
}
