import { ActionButton, CsrfField, TextField } from '../../../http/admin-kit.js';
import type { AdminContext } from '../../../http/admin-layout.js';
import type { SourceRow } from '../store.js';

/**
 * A Mastodon source's access token: a password field to store a new one (the stored one is
 * never sent back) and, when there is one, a button to remove it.
 */
export function SourceTokenForm(props: { ctx: AdminContext; source: SourceRow; error?: string | undefined }) {
  const { ctx, source } = props;
  const action = `/ecrire/veille/sources/${source.id}/jeton`;
  return (
    <section class="panel" aria-labelledby="jeton-titre">
      <h2 id="jeton-titre">Jeton d’accès</h2>
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="token" type="password" autocomplete="off" maxLength={600} value="" error={props.error}
          label={source.access_token ? 'Remplacer le jeton' : 'Ajouter un jeton'}
          hint="Quand l’instance refuse le jeton (expiré ou révoqué), créez-en un nouveau dans Préférences › Développement, avec le seul droit « read:search », et collez-le ici. Il est enregistré chiffré et ne sera jamais réaffiché." />
        <div class="actions"><button type="submit" class="button primary">Enregistrer le jeton</button></div>
      </form>
      {source.access_token ? <ActionButton ctx={ctx} action={action} label="Retirer le jeton" fields={{ retirer: '1' }} /> : null}
    </section>
  );
}
