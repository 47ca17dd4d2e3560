import { CsrfField, TextField } from '../../../http/admin-kit.js';
import { AccountPageFrame, type AccountPageBase } from './account-page-frame.js';

const LABELS = { name: 'Nom affiché avec vos messages', email: 'Adresse e-mail' } as const;

/**
 * "Créer un compte": a name and an address; the account exists only once the mailed link is
 * followed. `state` closed: the site does not allow it; sent: the same answer for every address.
 */
export function SignUpPage(props: {
  base: AccountPageBase; state: 'form' | 'sent' | 'closed'; values?: { email: string; name: string }; errors?: Readonly<Record<string, string>>;
}) {
  if (props.state === 'closed') {
    return (
      <AccountPageFrame base={props.base} title="Créer un compte">
        <p>Ce site ne permet pas de créer soi-même un compte : les comptes de visiteurs sont ouverts sur invitation. Adressez-vous au service communication.</p>
        <p><a href="/connexion">Se connecter avec un compte existant</a></p>
      </AccountPageFrame>
    );
  }
  if (props.state === 'sent') {
    return (
      <AccountPageFrame base={props.base} title="Vérifiez votre messagerie">
        <p role="status">Si cette adresse peut recevoir un compte, un message vient d’y être envoyé. Ouvrez le lien qu’il contient (valable 24 heures) pour choisir votre mot de passe : votre compte ne sera utilisable qu’après.</p>
        <p><a href="/">Retour à l’accueil</a></p>
      </AccountPageFrame>
    );
  }
  const errors = props.errors ?? {};
  const values = props.values ?? { email: '', name: '' };
  return (
    <AccountPageFrame base={props.base} title="Créer un compte" errors={errors} labels={LABELS}>
      <p>Un compte permet d’écrire dans les forums réservés aux personnes inscrites. Nous vous enverrons un lien pour confirmer votre adresse et choisir votre mot de passe.</p>
      <form method="post" action="/inscription" class="forum-form" novalidate>
        <CsrfField token={props.base.csrfToken} />
        <TextField name="name" label={LABELS.name} value={values.name} error={errors.name} required autocomplete="name" maxLength={100}
          hint="Il paraîtra publiquement avec chacun de vos messages." />
        <TextField name="email" type="email" label={LABELS.email} value={values.email} error={errors.email} required autocomplete="email" maxLength={254}
          hint="Jamais affichée." />
        <div class="forum-actions"><button type="submit" class="button">Créer mon compte</button></div>
      </form>
      <p>Déjà un compte ? <a href="/connexion">Se connecter</a></p>
    </AccountPageFrame>
  );
}
