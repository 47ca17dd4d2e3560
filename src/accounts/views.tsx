import { AdminBareLayout } from '../http/admin-layout.js';
import type { Assets } from '../http/assets.js';

interface BareProps {
  readonly assets: Assets;
  readonly siteName: string;
  readonly csrfToken: string;
}

/** The sign-in form; keeps the typed address and says plainly what went wrong. */
export function LoginPage(props: BareProps & { email?: string; error?: string; notice?: string; returnTo?: string; canReset: boolean }) {
  return (
    <AdminBareLayout assets={props.assets} siteName={props.siteName} title="Connexion à l'espace de rédaction">
      {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
      {props.error ? <p class="error-summary" role="alert" id="login-error">{props.error}</p> : null}
      <form method="post" action="/ecrire/login" class="form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {props.returnTo ? <input type="hidden" name="retour" value={props.returnTo} /> : null}
        <div class="field">
          <label for="email">Adresse e-mail</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ''}
            aria-describedby={props.error ? 'login-error' : undefined} aria-invalid={props.error ? 'true' : undefined} />
        </div>
        <div class="field">
          <label for="password">Mot de passe</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required
            aria-describedby={props.error ? 'login-error' : undefined} aria-invalid={props.error ? 'true' : undefined} />
        </div>
        <button type="submit" class="button primary">Se connecter</button>
      </form>
      {props.canReset ? <p><a href="/ecrire/mot-de-passe-oublie">Mot de passe oublié ?</a></p> : null}
      <p><a href="/">Retour au site</a></p>
    </AdminBareLayout>
  );
}

/** Asks for the address to send a reset link to. */
export function ForgotPasswordPage(props: BareProps & { sent?: boolean }) {
  return (
    <AdminBareLayout assets={props.assets} siteName={props.siteName} title="Mot de passe oublié">
      {props.sent ? (
        <p class="notice" role="status">
          Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il reste valable une heure.
        </p>
      ) : (
        <form method="post" action="/ecrire/mot-de-passe-oublie" class="form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <div class="field">
            <label for="email">Adresse e-mail de votre compte</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
          </div>
          <button type="submit" class="button primary">Recevoir un lien</button>
        </form>
      )}
      <p><a href="/ecrire/login">Retour à la connexion</a></p>
    </AdminBareLayout>
  );
}

/** Chooses a new password from a reset link. */
export function ResetPasswordPage(props: BareProps & { token: string; error?: string }) {
  return (
    <AdminBareLayout assets={props.assets} siteName={props.siteName} title="Choisir un nouveau mot de passe">
      {props.error ? <p class="error-summary" role="alert" id="reset-error">{props.error}</p> : null}
      <form method="post" action="/ecrire/nouveau-mot-de-passe" class="form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <div class="field">
          <label for="password">Nouveau mot de passe <span class="hint">(12 caractères au moins)</span></label>
          <input id="password" name="password" type="password" autocomplete="new-password" required minLength={12}
            aria-describedby={props.error ? 'reset-error' : undefined} />
        </div>
        <button type="submit" class="button primary">Enregistrer</button>
      </form>
    </AdminBareLayout>
  );
}
