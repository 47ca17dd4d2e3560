import { CsrfField, TextField } from '../../../http/admin-kit.js';
import { AccountPageFrame, type AccountPageBase } from './account-page-frame.js';

/** The public sign-in form ("Se connecter"), for visitors and back-office users alike. */
export function VisitorSignInPage(props: {
  base: AccountPageBase; email?: string; error?: string; notice?: string; returnTo?: string; canSignUp: boolean; canReset: boolean;
}) {
  const errors = props.error ? { email: props.error } : undefined;
  return (
    <AccountPageFrame base={props.base} title="Se connecter" notice={props.notice} errors={errors} labels={{ email: 'Adresse e-mail' }}>
      <form method="post" action="/connexion" class="forum-form" novalidate>
        <CsrfField token={props.base.csrfToken} />
        {props.returnTo ? <input type="hidden" name="retour" value={props.returnTo} /> : null}
        <TextField name="email" type="email" label="Adresse e-mail" value={props.email ?? ''} required autocomplete="username" error={props.error} />
        <TextField name="password" type="password" label="Mot de passe" value="" required autocomplete="current-password" />
        <div class="forum-actions"><button type="submit" class="button">Se connecter</button></div>
      </form>
      {props.canReset ? <p><a href="/ecrire/mot-de-passe-oublie">Mot de passe oublié ?</a></p> : null}
      {props.canSignUp ? <p>Pas encore de compte ? <a href="/inscription">Créer un compte</a></p> : null}
    </AccountPageFrame>
  );
}
