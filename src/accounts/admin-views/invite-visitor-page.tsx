import { CsrfField, ErrorSummary, TextField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';

const LABELS = { email: 'Adresse e-mail', name: 'Nom affiché avec ses messages' } as const;

/**
 * Invites a visitor (forums *sur abonnement*): the person receives a link, valid a week and
 * once, to choose a password. Without outgoing mail (`SMTP_URL`), the page says so instead.
 */
export function InviteVisitorPage(props: {
  ctx: AdminContext; values: { email: string; name: string }; errors?: Readonly<Record<string, string>>; canMail: boolean;
}) {
  const { values, errors = {} } = props;
  return (
    <AdminLayout ctx={props.ctx} title="Inviter un visiteur" current="/ecrire/utilisateurs">
      <p><a href="/ecrire/utilisateurs">← Retour aux utilisateurs</a></p>
      {props.canMail ? (
        <>
          <p>La personne reçoit par e-mail un lien, valable 7 jours et une seule fois, pour choisir son mot de passe. Son compte pourra écrire dans les forums « sur abonnement », sans accès à l’espace de rédaction.</p>
          <ErrorSummary errors={errors} labels={LABELS} />
          <form method="post" action="/ecrire/utilisateurs/inviter" class="form" noValidate>
            <CsrfField token={props.ctx.csrfToken} />
            <TextField name="email" type="email" label={LABELS.email} value={values.email} error={errors.email} required autocomplete="off" />
            <TextField name="name" label={LABELS.name} value={values.name} error={errors.name} maxLength={100}
              hint="Paraît publiquement avec ses messages. Laissez vide pour reprendre le début de l’adresse." />
            <div class="actions"><button type="submit" class="button primary">Envoyer l’invitation</button></div>
          </form>
        </>
      ) : (
        <p class="notice">L’envoi d’e-mails n’est pas configuré sur ce serveur (variable SMTP_URL) : impossible d’envoyer une invitation. Vous pouvez créer le compte avec le rôle « Visiteur·euse » et transmettre son mot de passe.</p>
      )}
    </AdminLayout>
  );
}
