import { CsrfField, ErrorSummary, TextField } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';

const LABELS = { email: 'Adresse électronique de la personne' } as const;

/**
 * "Données personnelles du forum": export or erase everything tied to an address. The erasure is
 * explained, then asked a second time with the number of messages it will delete.
 */
export function PrivacyPage(props: {
  ctx: AdminContext; email: string; errors?: Readonly<Record<string, string>>; notice?: string; confirmCount?: number;
}) {
  const { ctx, errors = {} } = props;
  const count = props.confirmCount;
  return (
    <AdminLayout ctx={ctx} title="Données personnelles du forum" current="/ecrire/forum" notice={props.notice}>
      <ErrorSummary errors={errors} labels={LABELS} />
      <div class="panel">
        <p>Toute personne peut demander les messages qu’elle a envoyés sur le forum (droit d’accès) ou leur effacement (droit à l’effacement, article 17 du RGPD).</p>
        <ul>
          <li><strong>Exporter</strong> télécharge un fichier JSON avec tous les messages envoyés avec cette adresse, quel que soit leur état : article, date, état, nom, texte, adresse IP si elle est encore conservée.</li>
          <li><strong>Effacer</strong> supprime définitivement ces messages : leur texte, le nom, l’adresse électronique et l’adresse IP. Un message signé « Anonyme » pourrait encore désigner son auteur par son contenu ; c’est pourquoi le message entier est supprimé. Les réponses d’autres personnes restent en ligne. Le journal garde la trace de l’effacement (nombre de messages, empreinte de l’adresse), jamais l’adresse elle-même.</li>
        </ul>
        <p>Les adresses IP de tous les messages sont de toute façon effacées après le délai fixé dans les réglages du site.</p>
      </div>
      {count === undefined ? (
        <form method="post" action="/ecrire/forum/donnees/export" class="form" noValidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField name="email" type="email" label={LABELS.email} value={props.email} error={errors.email} required autocomplete="off" maxLength={254} />
          <div class="actions">
            <button type="submit" class="button primary">Exporter (JSON)</button>
            <button type="submit" class="button danger" formaction="/ecrire/forum/donnees/effacer">Effacer…</button>
          </div>
        </form>
      ) : (
        <form method="post" action="/ecrire/forum/donnees/effacer" class="form">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="email" value={props.email} />
          <input type="hidden" name="confirme" value="1" />
          <p role="alert">
            {count === 0
              ? `Aucun message n’a été envoyé avec l’adresse ${props.email} : il n’y a rien à effacer.`
              : `${count} message${count > 1 ? 's' : ''} envoyé${count > 1 ? 's' : ''} avec l’adresse ${props.email} ${count > 1 ? 'seront supprimés' : 'sera supprimé'} définitivement. Cette opération ne peut pas être annulée.`}
          </p>
          <div class="actions">
            {count > 0 ? <button type="submit" class="button danger">Effacer définitivement</button> : null}
            <a class="button" href="/ecrire/forum/donnees">{count > 0 ? 'Annuler' : 'Retour'}</a>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
