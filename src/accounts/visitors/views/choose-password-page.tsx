import { CsrfField, TextField } from '../../../http/admin-kit.js';
import type { PendingInvitation } from '../store.js';
import { AccountPageFrame, type AccountPageBase } from './account-page-frame.js';

/**
 * Where an invitation or a sign-up confirmation leads: choose a password, which creates the
 * account. Without `pending`, the link has expired or was already used.
 */
export function ChoosePasswordPage(props: { base: AccountPageBase; token: string; pending?: PendingInvitation; error?: string }) {
  if (!props.pending) {
    return (
      <AccountPageFrame base={props.base} title="Lien expiré">
        <p>Ce lien a expiré ou a déjà servi. Si votre compte est déjà créé, <a href="/connexion">connectez-vous</a> ; sinon, demandez une nouvelle invitation.</p>
      </AccountPageFrame>
    );
  }
  const { pending } = props;
  const title = pending.purpose === 'invitation' ? 'Activer votre compte' : 'Confirmer votre inscription';
  return (
    <AccountPageFrame base={props.base} title={title} errors={props.error ? { password: props.error } : undefined} labels={{ password: 'Mot de passe' }}>
      <p>Compte de <strong>{pending.name}</strong> ({pending.email}) : choisissez votre mot de passe pour l’activer.</p>
      <form method="post" action="/compte/activer" class="forum-form" novalidate>
        <CsrfField token={props.base.csrfToken} />
        <input type="hidden" name="jeton" value={props.token} />
        <input type="text" name="email" value={pending.email} autocomplete="username" hidden readOnly />
        <TextField name="password" type="password" label="Mot de passe" value="" error={props.error} required autocomplete="new-password"
          hint="12 caractères au moins ; une phrase facile à retenir convient très bien." />
        <div class="forum-actions"><button type="submit" class="button">Activer mon compte</button></div>
      </form>
    </AccountPageFrame>
  );
}
