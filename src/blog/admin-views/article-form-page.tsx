import { ActionButton, CsrfField, ErrorSummary, SaveOrPreviewButtons, SelectField, TextAreaField, TextField, type Choice } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatDateTime, fromLocalInputValue } from '../../i18n/format-date.js';
import type { EditorKind, ArticleFormValues } from '../admin-article-form.js';
import { isPublicAt, type Article } from '../article.js';
import { ARTICLE_STATUS_CHOICES, ArticleStatusBadge, isScheduled } from './article-status.js';
import { FORUM_MODES, type ForumMode } from '../../forum/contribution.js';
import { FORUM_MODE_NAMES } from '../../forum/forum-mode-names.js';

/** Field names as the error summary reads them. */
const LABELS = {
  title: 'Titre', slug: 'Adresse', sectionId: 'Rubrique', lead: 'Chapô', body: 'Texte', credits: 'Sources',
  status: 'Statut', publishedAt: 'Date de publication', forumMode: 'Forum sous l’article', logoMediaId: 'Illustration principale',
} as const;

/** What the article form page shows: the saved article (if any), the typed values, errors and preview. */
export interface ArticleFormPageProps {
  readonly ctx: AdminContext;
  readonly kind: EditorKind;
  /** The saved article (edit), or undefined (new). */
  readonly saved?: Article;
  readonly values: ArticleFormValues;
  readonly errors?: Readonly<Record<string, string>>;
  readonly sections: readonly Choice[];
  readonly timeZone: string;
  /** The site's default forum mode, named in the first choice of the forum field. */
  readonly defaultForumMode: ForumMode;
  readonly publicUrl: string;
  readonly now: Date;
  /** The whole public page rendered from the unsaved form, shown in a frame. */
  readonly preview?: string;
  readonly notice?: string;
  /** The library's images an article may take as its main illustration ('' first: none). */
  readonly logoChoices: readonly Choice[];
}

/** Create or edit an article (or footer page): the form, its preview, and the quick actions. */
export function ArticleFormPage(props: ArticleFormPageProps) {
  const { ctx, kind, saved, values, errors = {} } = props;
  const action = saved ? `${kind.base}/${saved.id}` : `${kind.base}/nouveau`;
  const title = saved ? `Modifier ${kind.the} « ${saved.title} »` : 'Nouvel article';
  return (
    <AdminLayout ctx={ctx} title={title} current={kind.base} notice={props.notice}>
      <p><a href={kind.base}>← Retour à la liste</a></p>
      {saved ? <SavedState {...props} saved={saved} /> : null}
      <ErrorSummary errors={errors} labels={LABELS} />
      {props.preview !== undefined ? (
        <section class="preview" aria-labelledby="apercu-titre">
          <h2 id="apercu-titre">Aperçu</h2>
          <p class="notice" role="status">Aperçu de {kind.the} tel qu’il paraîtra sur le site : rien n’est enregistré tant que vous ne cliquez pas sur « Enregistrer ».</p>
          <iframe class="preview-frame" title={`Aperçu de ${kind.the}`} srcdoc={props.preview} sandbox="" />
        </section>
      ) : null}
      <form method="post" action={action} class="form" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={LABELS.title} value={values.title} error={errors.title} required maxLength={300} />
        {kind.full ? (
          <TextField name="slug" label={LABELS.slug} value={values.slug} error={errors.slug}
            hint={<>La fin de l’adresse publique : <code>{props.publicUrl}{kind.publicBase}/<strong>{values.slug || 'mon-article'}</strong></code>. Lettres minuscules sans accent, chiffres et tirets ; laissez vide pour la tirer du titre. Si vous la changez, l’ancienne adresse redirige vers la nouvelle.</>} />
        ) : null}
        {kind.full ? <SelectField name="sectionId" label={LABELS.sectionId} value={values.sectionId} error={errors.sectionId} choices={props.sections} /> : null}
        {kind.full ? (
          <SelectField name="logoMediaId" label={LABELS.logoMediaId} value={values.logoMediaId} error={errors.logoMediaId} choices={props.logoChoices}
            hint={<>Montrée en tête de l’article, dans les listes, les flux et les partages sur les réseaux, avec son alternative textuelle. <a href="/ecrire/media/nouveau">Ajouter une image à la médiathèque</a></>} />
        ) : null}
        <TextAreaField name="lead" label={LABELS.lead} value={values.lead} error={errors.lead} rows={4}
          hint="Le paragraphe d’introduction, mis en valeur en tête de l’article." />
        <TextAreaField name="body" label={LABELS.body} value={values.body} error={errors.body} rows={18}
          hint={<>Mise en forme avec les raccourcis typographiques : {'{{gras}}'}, {'{italique}'}, {'{{{intertitre}}}'}, [texte-&gt;adresse], -* liste, [[note]], &lt;img12|left&gt; et &lt;doc12&gt; pour une image ou un document de la <a href="/ecrire/media">médiathèque</a>. <a href="/ecrire/aide">Aide des raccourcis typographiques</a></>} />
        <TextField name="credits" label={LABELS.credits} value={values.credits} error={errors.credits}
          hint="Affiché sous le titre après « Sources : » (crédits, photos, liens)." />
        <SelectField name="status" label={LABELS.status} value={values.status} error={errors.status} choices={ARTICLE_STATUS_CHOICES} />
        {kind.full ? (
          <TextField name="publishedAt" label={LABELS.publishedAt} type="datetime-local" value={values.publishedAt} error={errors.publishedAt}
            hint={<DateHint values={values} timeZone={props.timeZone} now={props.now} />} />
        ) : null}
        {kind.full ? (
          <SelectField name="forumMode" label={LABELS.forumMode} value={values.forumMode} error={errors.forumMode}
            choices={forumModeChoices(props.defaultForumMode)} hint="Qui peut écrire sous l’article, et si les messages attendent une validation." />
        ) : null}
        <SaveOrPreviewButtons />
      </form>
    </AdminLayout>
  );
}

/** The forum modes an article may have, the site default first. */
function forumModeChoices(siteDefault: ForumMode): Choice[] {
  return [
    { value: '', label: `Par défaut du site (${FORUM_MODE_NAMES[siteDefault].toLowerCase()})` },
    ...FORUM_MODES.map((mode) => ({ value: mode, label: FORUM_MODE_NAMES[mode] })),
  ];
}

/** Under the date field: the time zone, and whether the typed date schedules the publication. */
function DateHint(props: { values: ArticleFormValues; timeZone: string; now: Date }) {
  const date = fromLocalInputValue(props.values.publishedAt, props.timeZone);
  const future = props.values.status === 'published' && date !== undefined && date > props.now;
  return (
    <>
      Heure du site ({props.timeZone}). Laissez vide pour publier au moment de l’enregistrement.
      {' '}Une date à venir avec le statut « Publié » programme la publication.
      {future ? <strong> Cette date est à venir : la publication sera programmée.</strong> : null}
    </>
  );
}

/** Where the saved article stands: status, public address or scheduled date, and the quick actions. */
function SavedState(props: ArticleFormPageProps & { saved: Article }) {
  const { ctx, kind, saved, now } = props;
  const publicAddress = `${props.publicUrl}${kind.publicBase}/${saved.slug}`;
  return (
    <div class="panel article-state">
      <p>Statut : <ArticleStatusBadge article={saved} now={now} /></p>
      {isPublicAt(saved, now) ? <p>En ligne à l’adresse : <a href={`${kind.publicBase}/${saved.slug}`}>{publicAddress}</a></p> : null}
      {isScheduled(saved, now) && saved.publishedAt ? (
        <p><strong>Publication programmée le {formatDateTime(saved.publishedAt, 'fr', props.timeZone)}</strong> : {kind.the} n’est pas encore visible sur le site.</p>
      ) : null}
      <div class="actions">
        {saved.status === 'published'
          ? <ActionButton ctx={ctx} action={`${kind.base}/${saved.id}/depublier`} label="Dépublier (repasser en brouillon)" />
          : <ActionButton ctx={ctx} action={`${kind.base}/${saved.id}/publier`} label="Publier" tone="primary" />}
        {kind.full ? <a class="button danger" href={`${kind.base}/${saved.id}/supprimer`}>Supprimer…</a> : null}
      </div>
    </div>
  );
}
