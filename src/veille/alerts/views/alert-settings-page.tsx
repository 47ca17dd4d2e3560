import { CsrfField, DataTable, ErrorSummary, Field, SelectField, TextField, controlAttributes, type FieldProps } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import { formatDateTime } from '../../../i18n/format-date.js';
import { VeilleNav } from '../../inbox/views/inbox-page.js';
import { PARIS_TIME_ZONE } from '../../dashboard/paris-clock.js';
import { alertSettingsPath } from '../alert-links.js';
import { ALERT_FIELD_LABELS, MIN_WEBHOOK_SECRET } from '../schema.js';
import type { WebhookDelivery } from '../settings-store.js';

/** What the form shows: the values (never the stored secret), and how the secret field is introduced. */
export interface AlertSettingsValues {
  readonly email: boolean;
  readonly webhookUrl: string;
  readonly digestHour: string;
  /** The last four characters of the stored secret, or undefined when there is none. */
  readonly secretEnd: string | undefined;
  /** A fresh random secret proposed when none is stored (it is not a stored secret: showing it is safe). */
  readonly proposedSecret: string;
}

const HOURS = [{ value: '', label: 'Pas de résumé quotidien' }, ...Array.from({ length: 24 }, (_x, h) => ({ value: String(h), label: `${h} h (heure de Paris)` }))];

/** A link to a watch's alert settings, for the watches list and the watch's pages (its name read out, not shown). */
export function AlertSettingsLink(props: { watchId: number; watchName: string }) {
  return <a href={alertSettingsPath(props.watchId)}>Alertes<span class="visually-hidden"> de « {props.watchName} »</span></a>;
}

/**
 * A watch's alerts: instant e-mail to its owners, a signed webhook (its secret never shown back:
 * only its last four characters), the daily digest's hour, a "send a test" button, and the
 * latest webhook deliveries with their errors.
 */
export function AlertSettingsPage(props: {
  ctx: AdminContext; watch: { id: number; name: string }; owners: readonly string[]; values: AlertSettingsValues;
  deliveries: readonly WebhookDelivery[]; errors?: Readonly<Record<string, string>>; notice?: string;
}) {
  const { ctx, watch, values, errors } = props;
  const path = alertSettingsPath(watch.id);
  const secretField: FieldProps = {
    name: 'webhook_secret', label: ALERT_FIELD_LABELS.webhook_secret!, ...(errors?.webhook_secret ? { error: errors.webhook_secret } : {}),
    hint: values.secretEnd !== undefined
      ? `Un secret est enregistré (il se termine par « ${values.secretEnd} ») ; il n’est jamais réaffiché. Laissez vide pour le garder, ou écrivez-en un nouveau (${MIN_WEBHOOK_SECRET} caractères au moins).`
      : 'Clé de la signature HMAC-SHA256 (en-tête X-Relais-Signature). Un secret est proposé : copiez-le pour votre point de réception avant d’enregistrer ; il ne sera plus affiché en entier.',
  };
  return (
    <AdminLayout ctx={ctx} title={`Alertes de la veille « ${watch.name} »`} current="/ecrire/veille/sources" notice={props.notice}>
      <VeilleNav ctx={ctx} />
      <p>Une alerte part une seule fois par sujet : un même communiqué repris par 30 sites fait une alerte, qui en compte les sources.
        Les éléments trouvés dans les archives à la création de la veille vont dans la boîte, jamais en alerte.</p>
      <ErrorSummary errors={errors} labels={ALERT_FIELD_LABELS} />
      <form method="post" action={path} class="admin-form">
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="field-group">
          <legend>Courriel immédiat</legend>
          <div class="field checkbox">
            <input type="checkbox" id="f-email" name="email" value="1" checked={values.email} aria-describedby="f-email-hint" />
            <label for="f-email">Envoyer un courriel à chaque nouveau sujet</label>
            <p class="hint" id="f-email-hint">{props.owners.length > 0
              ? `Destinataires : les responsables de la veille (${props.owners.join(', ')}).`
              : 'Cette veille n’a pas encore de responsable : personne ne recevrait de courriel. Choisissez-en sur le formulaire de la veille.'}</p>
          </div>
        </fieldset>
        <fieldset class="field-group">
          <legend>Webhook</legend>
          <TextField name="webhook_url" label={ALERT_FIELD_LABELS.webhook_url!} value={values.webhookUrl} error={errors?.webhook_url} maxLength={2000}
            hint="Relais y envoie chaque alerte en JSON (POST), signée. Laissez vide pour ne pas en envoyer." />
          <Field {...secretField}>
            <input type="text" autocomplete="off" spellcheck={false} value={values.secretEnd !== undefined ? '' : values.proposedSecret} maxLength={200}
              {...controlAttributes(secretField)} />
          </Field>
        </fieldset>
        <fieldset class="field-group">
          <legend>Résumé quotidien</legend>
          <SelectField name="digest_hour" label={ALERT_FIELD_LABELS.digest_hour!} value={values.digestHour} choices={HOURS} error={errors?.digest_hour}
            hint="Un courriel par jour à cette heure, avec les sujets du jour et leur nombre de sources ; rien les jours sans nouveauté." />
        </fieldset>
        <div class="actions"><button type="submit" class="button primary">Enregistrer</button></div>
      </form>
      <form method="post" action={`${path}/essai`} class="admin-form">
        <CsrfField token={ctx.csrfToken} />
        <p>L’essai vous envoie un courriel et, si un webhook est enregistré, y poste un message <code>veille.test</code> signé.</p>
        <div class="actions"><button type="submit" class="button">Envoyer un essai</button></div>
      </form>
      {props.deliveries.length > 0 ? (
        <DataTable caption="Derniers envois du webhook" columns={['Sujet', 'Trouvé le', 'Tentatives', 'État']}>
          {props.deliveries.map((d) => (
            <tr>
              <th scope="row">{d.title ?? '(élément supprimé)'}</th>
              <td>{formatDateTime(d.matchedAt, 'fr', PARIS_TIME_ZONE)}</td>
              <td>{d.attempts}</td>
              <td>{d.sentAt ? `Reçu le ${formatDateTime(d.sentAt, 'fr', PARIS_TIME_ZONE)}` : `Échec : ${d.lastError ?? 'inconnu'}`}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </AdminLayout>
  );
}
