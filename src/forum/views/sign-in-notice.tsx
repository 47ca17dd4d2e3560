/** Where the notice sends the visitor to sign in, and whether it may offer "Créer un compte". */
export interface SignInLinks {
  /** The same-site page to come back to after signing in (the article's forum). */
  readonly returnTo: string;
  readonly signUp: boolean;
}

const signInHref = (returnTo: string) => `/connexion?retour=${encodeURIComponent(returnTo)}`;

/**
 * What an anonymous visitor sees in a *sur abonnement* forum instead of the form. With `kept`,
 * a message sent anyway (the session ended while typing): it was not posted, its text is kept in
 * the form below, and signing in in a new tab lets the visitor send it as it is.
 */
export function SignInNotice(props: { links: SignInLinks; kept?: boolean }) {
  const { links } = props;
  const signUp = links.signUp ? <> Pas encore de compte ? <a href="/inscription">Créer un compte</a>.</> : null;
  if (!props.kept) {
    return (
      <p class="forum-login">
        Pour écrire dans ce forum réservé aux personnes inscrites, <a href={signInHref(links.returnTo)}>connectez-vous</a>.{signUp}
      </p>
    );
  }
  return (
    <div class="forum-login error-summary" role="alert">
      <p><strong>Votre message n’a pas été envoyé : vous n’êtes pas (ou plus) connecté·e.</strong></p>
      <p>
        Votre texte est conservé ci-dessous. <a href={signInHref(links.returnTo)} target="_blank" rel="noopener">Connectez-vous (dans un nouvel onglet)</a>,
        puis revenez sur cette page et cliquez sur « Envoyer ».{signUp}
      </p>
    </div>
  );
}
