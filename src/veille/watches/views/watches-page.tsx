import { can } from '../../../accounts/policy.js';
import { DataTable } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import { SOURCE_KIND_LABELS } from '../../sources/source-kind-labels.js';
import { VeilleNav } from '../../inbox/views/inbox-page.js';
import { AlertSettingsLink } from '../../alerts/views/alert-settings-page.js';
import type { WatchRow } from '../store.js';
import { watchScope } from '../store.js';
import { WatchQueryHelp } from './watch-query-help.js';

/** The watches with their query, sources and counts; links to each inbox, edit and delete. */
export function WatchesPage(props: {
  ctx: AdminContext; watches: readonly WatchRow[]; counts: ReadonlyMap<number, { total: number; fresh: number }>;
  sourceTitles: ReadonlyMap<number, string>; notice?: string;
}) {
  const { ctx, watches } = props;
  const manage = can(ctx.user, 'veille.watches.manage');
  const scopeText = (w: WatchRow) => {
    const scope = watchScope(w);
    if (scope.all) return 'Toutes';
    const parts = [
      ...scope.sourceKinds.map((k) => `type ${(SOURCE_KIND_LABELS as Record<string, string>)[k] ?? k}`),
      ...scope.sourceIds.map((id) => props.sourceTitles.get(id) ?? `source n° ${id} (supprimée)`),
    ];
    return parts.join(', ');
  };
  return (
    <AdminLayout ctx={ctx} title="Veilles" current="/ecrire/veille/sources" notice={props.notice}>
      <VeilleNav ctx={ctx} />
      {manage ? <p class="actions"><a class="button primary" href="/ecrire/veille/veilles/ajouter">Nouvelle veille</a></p> : null}
      {watches.length === 0 ? (
        <div class="panel">
          <p>Aucune veille pour l’instant.</p>
          <p>Une veille est une requête (des mots, des expressions, des opérateurs) appliquée à chaque élément reçu des sources :
            ceux qui y correspondent arrivent dans sa boîte, pour être triés, confiés et annotés.</p>
        </div>
      ) : (
        <DataTable caption="Toutes les veilles" columns={['Veille', 'Requête', 'Sources', 'Nouveaux', 'Éléments', manage ? 'Actions' : null]}>
          {watches.map((w) => (
            <tr>
              <th scope="row"><a href={`/ecrire/veille/boite?veille=${w.id}`}>{w.name}</a></th>
              <td><code>{w.query}</code></td>
              <td>{scopeText(w)}</td>
              <td>{props.counts.get(w.id)?.fresh ?? 0}</td>
              <td>{props.counts.get(w.id)?.total ?? 0}</td>
              {manage ? (
                <td>
                  <a href={`/ecrire/veille/veilles/${w.id}/modifier`}>Modifier<span class="visually-hidden"> « {w.name} »</span></a>{' · '}
                  <AlertSettingsLink watchId={w.id} watchName={w.name} />{' · '}
                  <a href={`/ecrire/veille/veilles/${w.id}/supprimer`}>Supprimer<span class="visually-hidden"> « {w.name} »</span></a>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
    </AdminLayout>
  );
}

/** The query syntax on its own page. */
export function WatchSyntaxPage(props: { ctx: AdminContext }) {
  return (
    <AdminLayout ctx={props.ctx} title="Syntaxe des requêtes de veille" current="/ecrire/veille/sources">
      <VeilleNav ctx={props.ctx} />
      <p>Une requête décrit les éléments qu’une veille retient. Elle est vérifiée à l’enregistrement : une erreur indique le caractère où la lecture s’est arrêtée et ce qui était attendu.</p>
      <WatchQueryHelp />
      <p>Les mots simples sont comparés sous une forme réduite (pluriels et terminaisons courantes) : « festivals » trouve « festival ». Entre guillemets, les mots sont pris tels quels.</p>
    </AdminLayout>
  );
}
