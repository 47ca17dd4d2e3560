import { CsrfField, ErrorSummary, SaveOrPreviewButtons, TextAreaField, TextField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { STATUS_LABELS, type ContributionStatus } from '../contribution.js';
import type { QueuedContribution } from '../store.js';

/** Field names as the error summary reads them. */
const LABELS = { nom: 'Nom affiché', email: 'Courriel', texte: 'Texte du message' } as const;

/** The edit form as typed: every field kept as sent, so an invalid form comes back exactly as it was. */
export interface ContributionEditValues {
  readonly nom: string;
  readonly email: string;
  readonly texte: string;
}

/** Where the moderator came from: the queue's status and, when narrowed, its article. */
export interface QueueOrigin {
  readonly status: ContributionStatus;
  readonly articleId?: number;
}

/**
 * A moderator corrects a message: its name, e-mail and text, with a preview drawn by the forum's
 * own renderer (`previewHtml`, already safe HTML). Nothing is saved until « Enregistrer ».
 */
export function ModerationEditPage(props: {
  ctx: AdminContext; contribution: QueuedContribution; values: ContributionEditValues; origin: QueueOrigin; backHref: string;
  timeZone: string; errors?: Readonly<Record<string, string>>; previewHtml?: string;
}) {
  const { ctx, contribution: c, values, origin, errors = {} } = props;
  return (
    <AdminLayout ctx={ctx} title={`Modifier le message n° ${c.id}`} current="/ecrire/forum">
      <p><a href={props.backHref}>← Retour à la liste des messages</a></p>
      <div class="panel">
        <p>Message reçu le <time datetime={c.createdAt}>{formatDateTime(c.createdAt, 'fr', props.timeZone)}</time> sur l’article
          « <a href={`/article/${c.articleSlug}`}>{c.articleTitle}</a> » ; statut : {STATUS_LABELS[c.status].toLowerCase()}.
          {c.status === 'published' ? ' Il est en ligne : la correction paraîtra aussitôt sur le site.' : ' La correction ne change pas son statut.'}</p>
      </div>
      <ErrorSummary errors={errors} labels={LABELS} />
      {props.previewHtml !== undefined ? (
        <section class="preview" aria-labelledby="apercu-titre">
          <h2 id="apercu-titre">Aperçu</h2>
          <p class="notice" role="status">Aperçu du message tel qu’il paraîtra : rien n’est enregistré tant que vous ne cliquez pas sur « Enregistrer ».</p>
          <div class="forum-preview">
            <p><strong>{values.nom.trim()}</strong></p>
            <div class="forum-text" dangerouslySetInnerHTML={{ __html: props.previewHtml }} />
          </div>
        </section>
      ) : null}
      <form method="post" action={`/ecrire/forum/${c.id}/modifier`} class="form" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="retour" value={origin.status} />
        {origin.articleId !== undefined ? <input type="hidden" name="article" value={String(origin.articleId)} /> : null}
        <TextField name="nom" label={LABELS.nom} value={values.nom} error={errors.nom} required maxLength={100} />
        <TextField name="email" label={LABELS.email} type="email" value={values.email} error={errors.email}
          hint="Jamais affichée sur le site ; laissez vide pour l’effacer." />
        <TextAreaField name="texte" label={LABELS.texte} value={values.texte} error={errors.texte} rows={12}
          hint={<>Raccourcis typographiques du forum : {'{{gras}}'}, {'{italique}'}, [texte-&gt;adresse], [[note]]. <a href="/ecrire/aide">Aide des raccourcis</a></>} />
        <SaveOrPreviewButtons />
      </form>
    </AdminLayout>
  );
}
