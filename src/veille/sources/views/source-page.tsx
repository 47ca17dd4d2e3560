import { can } from '../../../accounts/policy.js';
import { ActionButton, DataTable } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import type { SourceItemSummary } from '../../items/store.js';
import type { SourceRow } from '../store.js';
import { SOURCE_KIND_LABELS } from '../source-kind-labels.js';
import { SourceTokenForm } from './source-token-form.js';
import { dateOrDash, SourceStateBadge } from './sources-page.js';

const LAST_STATUS_LABELS: Readonly<Record<string, string>> = Object.freeze({
  ok: 'Lue avec succès', 'not-modified': 'Inchangée depuis la consultation précédente', error: 'Échec',
});

/** One source: every outcome of its last poll, its latest items, and the actions a manager may take. */
export function SourcePage(props: { ctx: AdminContext; source: SourceRow; items: readonly SourceItemSummary[]; timeZone: string; notice?: string; tokenError?: string }) {
  const { ctx, source: s, timeZone } = props;
  const base = `/ecrire/veille/sources/${s.id}`;
  const feed = s.kind === 'feed';
  return (
    <AdminLayout ctx={ctx} title={s.title || s.url} current="/ecrire/veille/sources" notice={props.notice}>
      <p><a href="/ecrire/veille/sources">Retour aux sources</a></p>
      <dl class="panel source-facts">
        <dt>Type</dt><dd>{SOURCE_KIND_LABELS[s.kind] ?? s.kind}</dd>
        <dt>{feed ? 'Adresse du flux' : 'Adresse'}</dt><dd><code>{s.url}</code></dd>
        {feed && s.site_link ? <><dt>Site</dt><dd><code>{s.site_link}</code></dd></> : null}
        {s.access_token ? <><dt>Jeton d’accès</dt><dd>Enregistré, chiffré (jamais réaffiché)</dd></> : null}
        <dt>État</dt><dd><SourceStateBadge source={s} /></dd>
        <dt>Dernière consultation</dt><dd>{dateOrDash(s.last_checked_at, timeZone)}</dd>
        <dt>Résultat</dt><dd>{s.last_status ? LAST_STATUS_LABELS[s.last_status] ?? s.last_status : 'Jamais consultée'}</dd>
        <dt>Prochaine consultation</dt><dd>{s.status === 'paused' ? 'Aucune tant que la source est en pause' : dateOrDash(s.next_check_at, timeZone)}</dd>
        <dt>Erreurs de suite</dt><dd>{s.error_count}</dd>
        <dt>Éléments vus</dt><dd>{s.items_seen}</dd>
        {feed ? <><dt>Validateurs de cache</dt><dd>ETag : {s.etag ? 'présent' : 'absent'} ; Last-Modified : {s.last_modified ? 'présent' : 'absent'}</dd></> : null}
        <dt>Ajoutée le</dt><dd>{dateOrDash(s.created_at, timeZone)}</dd>
      </dl>
      {s.last_error ? (
        <div class="panel source-error">
          <h2>Dernière erreur</h2>
          <p>{s.last_error}</p>
          {s.last_error_detail ? <details><summary>Détail technique</summary><pre>{s.last_error_detail}</pre></details> : null}
        </div>
      ) : null}
      {can(ctx.user, 'veille.sources.manage') ? (
        <div class="actions">
          <ActionButton ctx={ctx} action={`${base}/relever`} label="Relever maintenant" tone="primary" />
          {s.status === 'paused'
            ? <ActionButton ctx={ctx} action={`${base}/activer`} label="Réactiver" />
            : <ActionButton ctx={ctx} action={`${base}/pause`} label="Mettre en pause" />}
          <a class="button small danger" href={`${base}/supprimer`}>Supprimer…</a>
        </div>
      ) : null}
      {s.kind === 'mastodon' && can(ctx.user, 'veille.sources.manage') ? <SourceTokenForm ctx={ctx} source={s} error={props.tokenError} /> : null}
      <h2>Derniers éléments</h2>
      {props.items.length === 0 ? <p>Aucun élément reçu de cette source pour l’instant.</p> : (
        <DataTable caption="Derniers éléments de la source" columns={['Titre', 'Date', 'Éléments de la même histoire']}>
          {props.items.map((item) => (
            <tr>
              <th scope="row">{item.link && /^https?:\/\//i.test(item.link) ? <a href={item.link} rel="noopener noreferrer">{item.title || item.link}</a> : item.title || '(sans titre)'}</th>
              <td>{dateOrDash(item.publishedAt, timeZone)}</td>
              <td>{item.groupSize ?? 1}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </AdminLayout>
  );
}
