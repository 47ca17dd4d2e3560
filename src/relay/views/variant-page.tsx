import { can } from '../../accounts/policy.js';
import { ActionButton, CsrfField, DataTable, Field, TextField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { toLocalInputValue } from '../../i18n/format-date.js';
import type { VariantWithPage } from '../variants/variant-store.js';
import { LengthCounter } from './length-counter.js';
import { dateOrDash, NETWORK_LABELS, PostPreview, StateBadge } from './relay-labels.js';

/** One attempt of the log, as shown. */
export interface AttemptLine {
  readonly attempt: number;
  readonly started_at: string;
  readonly outcome: string | null;
  readonly detail: string | null;
}

const OUTCOMES: Readonly<Record<string, string>> = Object.freeze({
  published: 'Publiée', found: 'Déjà publiée (retrouvée sur le réseau)', rate_limited: 'Limite du réseau atteinte', unavailable: 'Réseau indisponible',
  unknown_outcome: 'Issue inconnue (vérifiée avant tout nouvel envoi)', auth: 'Jeton refusé', rejected: 'Refusée par le réseau', error: 'Erreur interne', released: 'Remise en attente',
});

/**
 * One post for one page: its preview and live counter, its text and time while it is being
 * prepared, the workflow's next steps for this user, the failure reason with a retry button,
 * and the attempts log.
 */
export function VariantPage(props: {
  ctx: AdminContext; variant: VariantWithPage; length: number; limit: number; urlWeight: number | undefined; mayApprove: boolean;
  attempts: readonly AttemptLine[]; timeZone: string; text?: string; error?: string; notice?: string;
}) {
  const { ctx, variant: v } = props;
  const base = `/ecrire/relais/publications/${v.id}`;
  const editable = (v.state === 'draft' || v.state === 'submitted') && can(ctx.user, 'relay.compose');
  const text = props.text ?? v.text;
  return (
    <AdminLayout ctx={ctx} title={`Publication n° ${v.id} — ${v.page_name}`} current="/ecrire/relais" notice={props.notice}>
      {props.error ? <p class="error-summary" role="alert">{props.error}</p> : null}
      <p>{NETWORK_LABELS[v.page_network] ?? v.page_network} · <StateBadge state={v.state} />
        {v.scheduled_at ? <> · prévue le {dateOrDash(v.next_attempt_at ?? v.scheduled_at, props.timeZone)}</> : null}
        {v.published_at ? <> · publiée le {dateOrDash(v.published_at, props.timeZone)}{v.remote_url ? <> : <a href={v.remote_url}>voir sur le réseau</a></> : null}</> : null}
      </p>
      {v.state === 'failed' ? (
        <div class="error-summary" role="alert">
          <p><strong>La publication a échoué :</strong> {v.failure_reason}</p>
          {props.mayApprove ? <ActionButton ctx={ctx} action={`${base}/relancer`} label="Relancer la publication" tone="primary" /> : null}
        </div>
      ) : null}
      {v.state === 'scheduled' && v.failure_reason ? <p class="notice">Nouvel essai prévu : {v.failure_reason}</p> : null}
      <PostPreview text={text} network={v.page_network} id="f-text-preview" />
      {(JSON.parse(v.media_ids) as number[]).length > 0 ? <p>Avec l’illustration principale de l’article et son texte de remplacement.</p> : null}
      {editable ? (
        <form method="post" action={`${base}/enregistrer`}>
          <CsrfField token={ctx.csrfToken} />
          <Field name="text" label="Texte de la publication">
            <textarea id="f-text" name="text" rows={10} aria-describedby="f-text-count">{text}</textarea>
          </Field>
          <LengthCounter fieldId="f-text" length={props.length} limit={props.limit} urlWeight={props.urlWeight} network={v.page_network} />
          <TextField type="datetime-local" name="at" label="Date et heure de publication" value={v.scheduled_at ? toLocalInputValue(v.scheduled_at, props.timeZone) : ''}
            hint="Laissez vide pour publier dès l’approbation." />
          <div class="actions"><button type="submit" class="button primary">Enregistrer</button></div>
        </form>
      ) : <LengthCounter fieldId="f-text-ro" length={props.length} limit={props.limit} urlWeight={props.urlWeight} network={v.page_network} />}
      <div class="actions">
        {v.state === 'draft' && can(ctx.user, 'relay.compose') ? <ActionButton ctx={ctx} action={`${base}/soumettre`} label="Soumettre pour approbation" /> : null}
        {(v.state === 'draft' || v.state === 'submitted') && props.mayApprove ? <ActionButton ctx={ctx} action={`${base}/approuver`} label="Approuver et programmer" tone="primary" /> : null}
        {v.state === 'scheduled' && props.mayApprove ? <ActionButton ctx={ctx} action={`${base}/deprogrammer`} label="Déprogrammer (retour au brouillon)" /> : null}
        {v.state !== 'publishing' && v.state !== 'published' && can(ctx.user, 'relay.compose') ? <ActionButton ctx={ctx} action={`${base}/supprimer`} label="Supprimer" tone="danger" /> : null}
      </div>
      {props.attempts.length > 0 ? (
        <DataTable caption="Tentatives d’envoi" columns={['Essai', 'Début', 'Issue', 'Détail']}>
          {props.attempts.map((a) => (
            <tr>
              <th scope="row">{a.attempt}</th>
              <td>{dateOrDash(a.started_at, props.timeZone)}</td>
              <td>{a.outcome ? OUTCOMES[a.outcome] ?? a.outcome : 'Sans réponse (processus interrompu)'}</td>
              <td>{a.detail ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <script src={ctx.assets.url('relay-counter.js')} defer />
    </AdminLayout>
  );
}
