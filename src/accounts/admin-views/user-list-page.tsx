import { ActionButton, Badge, CsrfField, DataTable, ErrorSummary } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { ROLE_LABELS, ROLES, type User } from '../user.js';

/** The accounts to list, with the signed-in administrator in the context. */
export interface UserListPageProps {
  readonly ctx: AdminContext;
  readonly users: readonly User[];
  readonly timeZone: string;
  readonly notice?: string;
  /** A refused change (e.g. one's own role), shown above the list. */
  readonly errors?: Readonly<Record<string, string>>;
}

/** Every account: role (changeable), state (enable / disable), last sign-in. */
export function UserListPage(props: UserListPageProps) {
  const { ctx } = props;
  return (
    <AdminLayout ctx={ctx} title="Utilisateurs" current="/ecrire/utilisateurs" notice={props.notice}>
      <ErrorSummary errors={props.errors} labels={{}} />
      <p><a class="button primary" href="/ecrire/utilisateurs/nouveau">Ajouter un compte</a> <a class="button" href="/ecrire/utilisateurs/inviter">Inviter un visiteur</a></p>
      <DataTable caption={`Comptes (espace de rédaction et visiteurs) : ${props.users.length}`}
        columns={['Nom', 'Adresse e-mail', 'Rôle', 'État', 'Dernière connexion', 'Actions']}>
          {props.users.map((user) => {
            const self = user.id === ctx.user.id;
            return (
              <tr>
                <th scope="row">{user.name}{self ? ' (vous)' : ''}</th>
                <td>{user.email}</td>
                <td>{self ? ROLE_LABELS[user.role] : <RoleForm ctx={ctx} user={user} />}</td>
                <td>{user.disabled ? <Badge tone="archived">Désactivé</Badge> : <Badge tone="published">Actif</Badge>}</td>
                <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, 'fr', props.timeZone) : 'jamais'}</td>
                <td>
                  {self ? '—' : (
                    <ActionButton ctx={ctx} action={`/ecrire/utilisateurs/${user.id}/${user.disabled ? 'activer' : 'desactiver'}`}
                      label={user.disabled ? 'Réactiver' : 'Désactiver'} title={`${user.disabled ? 'Réactiver' : 'Désactiver'} le compte de ${user.name}`}
                      tone={user.disabled ? undefined : 'danger'} />
                  )}
                </td>
              </tr>
            );
          })}
      </DataTable>
    </AdminLayout>
  );
}

function RoleForm(props: { ctx: AdminContext; user: User }) {
  const id = `role-${props.user.id}`;
  return (
    <form method="post" action={`/ecrire/utilisateurs/${props.user.id}/role`} class="inline-form">
      <CsrfField token={props.ctx.csrfToken} />
      <label for={id} class="visually-hidden">Rôle de {props.user.name}</label>
      <select id={id} name="role">
        {ROLES.map((role) => <option value={role} selected={role === props.user.role}>{ROLE_LABELS[role]}</option>)}
      </select>
      <button type="submit" class="button small">Changer<span class="visually-hidden"> le rôle de {props.user.name}</span></button>
    </form>
  );
}
