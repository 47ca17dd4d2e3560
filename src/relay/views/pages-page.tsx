import { can } from '../../accounts/policy.js';
import { ActionButton, CsrfField, DataTable, SelectField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { APPROVERS_LABELS, type Approvers } from '../approvers-setting.js';
import { pageHealth } from '../pages/page-health.js';
import type { PageRow } from '../pages/page-store.js';
import { dateOrDash, NETWORK_LABELS } from './relay-labels.js';

/** The pages on social networks and their connection health; administrators add, edit, check, and choose who approves. */
export function PagesPage(props: { ctx: AdminContext; pages: readonly PageRow[]; approvers: Approvers; timeZone: string; now: Date; notice?: string }) {
  const { ctx, pages } = props;
  const manage = can(ctx.user, 'relay.pages.manage');
  return (
    <AdminLayout ctx={ctx} title="Pages et connexions" current="/ecrire/relais" notice={props.notice}>
      <p class="actions">
        <a class="button" href="/ecrire/relais">Publications</a>
        <a class="button" href="/ecrire/relais/calendrier">Calendrier</a>
        {manage ? <a class="button primary" href="/ecrire/relais/pages/ajouter">Ajouter une page</a> : null}
      </p>
      {pages.length === 0 ? <div class="panel"><p>Aucune page n’est encore reliée. Une page est un compte de l’organisation sur un réseau social, pour un public (jeunesse, emploi, culture…), avec son ton.</p></div> : (
        <DataTable caption="État des connexions" columns={['Page', 'Réseau', 'Public', 'Compte', 'État', 'Expiration du jeton', 'Dernier succès', 'Dernière erreur', manage ? 'Actions' : null]}>
          {pages.map((p) => (
            <tr>
              <th scope="row">{manage ? <a href={`/ecrire/relais/pages/${p.id}`}>{p.name}</a> : p.name}</th>
              <td>{NETWORK_LABELS[p.network] ?? p.network}</td>
              <td>{p.audience}</td>
              <td>{p.account_name ?? '—'}</td>
              <td>{pageHealth(p, props.now)}</td>
              <td>{p.token_expires_at ? dateOrDash(p.token_expires_at, props.timeZone) : 'Non indiquée'}</td>
              <td>{dateOrDash(p.last_success_at, props.timeZone)}</td>
              <td>{p.last_error ? <>{p.last_error} <small>({dateOrDash(p.last_error_at, props.timeZone)})</small></> : '—'}</td>
              {manage ? <td><ActionButton ctx={ctx} action={`/ecrire/relais/pages/${p.id}/verifier`} label="Vérifier la connexion" /></td> : null}
            </tr>
          ))}
        </DataTable>
      )}
      {manage ? (
        <form method="post" action="/ecrire/relais/approbation" class="panel">
          <CsrfField token={ctx.csrfToken} />
          <SelectField name="approvers" label="Qui peut approuver une publication ?" value={props.approvers}
            choices={(Object.keys(APPROVERS_LABELS) as Approvers[]).map((value) => ({ value, label: APPROVERS_LABELS[value] }))} />
          <div class="actions"><button type="submit" class="button primary">Enregistrer</button></div>
        </form>
      ) : null}
    </AdminLayout>
  );
}
