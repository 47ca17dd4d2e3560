import { CsrfField, ErrorSummary, SelectField, TextField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { ROLE_LABELS, ROLES, type User } from '../user.js';

/** The new-account form as typed (the password is never sent back). */
export interface UserFormValues {
  readonly email: string;
  readonly name: string;
  readonly role: string;
}

const LABELS = { email: 'Adresse e-mail', name: 'Nom affiché', role: 'Rôle', password: 'Mot de passe initial' } as const;

/** Creates an account: address, name, role, and a typed or generated first password. */
export function UserFormPage(props: { ctx: AdminContext; values: UserFormValues; errors?: Readonly<Record<string, string>> }) {
  const { values, errors = {} } = props;
  return (
    <AdminLayout ctx={props.ctx} title="Ajouter un compte" current="/ecrire/utilisateurs">
      <p><a href="/ecrire/utilisateurs">← Retour aux utilisateurs</a></p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action="/ecrire/utilisateurs/nouveau" class="form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField name="email" type="email" label={LABELS.email} value={values.email} error={errors.email} required autocomplete="off" />
        <TextField name="name" label={LABELS.name} value={values.name} error={errors.name} hint="Laissez vide pour reprendre le début de l’adresse." />
        <SelectField name="role" label={LABELS.role} value={values.role} error={errors.role}
          choices={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          hint="Administrateur·rice : tout, dont les comptes et les réglages. Rédacteur·rice : articles et rubriques. Modérateur·rice : forums. Lecteur·rice : consulte sans rien modifier. Visiteur·euse : écrit dans les forums « sur abonnement », sans accès à l’espace de rédaction." />
        <TextField name="password" type="password" label={LABELS.password} value="" error={errors.password} autocomplete="new-password"
          hint="12 caractères au moins. Laissez vide pour en générer un, qui sera affiché une seule fois : transmettez-le à la personne, qui pourra le changer." />
        <div class="actions"><button type="submit" class="button primary">Créer le compte</button></div>
      </form>
    </AdminLayout>
  );
}

/** Shown once after creating an account with a generated password; it is stored only as a hash. */
export function UserCreatedPage(props: { ctx: AdminContext; user: User; password: string }) {
  return (
    <AdminLayout ctx={props.ctx} title="Compte créé" current="/ecrire/utilisateurs">
      <div class="panel">
        <p>Le compte de <strong>{props.user.name}</strong> ({props.user.email}, {ROLE_LABELS[props.user.role]}) est créé.</p>
        <p>Mot de passe initial : <code class="secret">{props.password}</code></p>
        <p><strong>Notez-le maintenant : il ne sera plus jamais affiché.</strong> Transmettez-le par un moyen sûr.</p>
      </div>
      <p><a class="button" href="/ecrire/utilisateurs">Retour aux utilisateurs</a></p>
    </AdminLayout>
  );
}
