import { CsrfField, ErrorSummary, SelectField, TextAreaField, TextField, type Choice } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import type { Section } from '../article.js';

/** The section form as typed. */
export interface SectionFormValues {
  readonly title: string;
  readonly parentId: string;
  readonly description: string;
}

const LABELS = { title: 'Titre', parentId: 'Rubrique parente', description: 'Description' } as const;

/** The form's state: what was typed, the messages, the parent choices. */
export interface SectionFormState {
  readonly values: SectionFormValues;
  readonly errors?: Readonly<Record<string, string>>;
  readonly parents: readonly Choice[];
}

/** Title, parent and description, with an error summary; used to create and to edit. */
export function SectionForm(props: SectionFormState & { ctx: AdminContext; action: string; submitLabel: string }) {
  const { values, errors = {} } = props;
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action={props.action} class="form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField name="title" label={LABELS.title} value={values.title} error={errors.title} required maxLength={200} />
        <SelectField name="parentId" label={LABELS.parentId} value={values.parentId} error={errors.parentId} choices={props.parents}
          hint="Rangez-la dans une autre rubrique pour en faire une sous-rubrique." />
        <TextAreaField name="description" label={LABELS.description} value={values.description} error={errors.description} rows={3}
          hint="Affichée en tête de la page de la rubrique." />
        <div class="actions"><button type="submit" class="button primary">{props.submitLabel}</button></div>
      </form>
    </>
  );
}

/** Editing one section: rename, move under another parent, describe. */
export function SectionFormPage(props: SectionFormState & { ctx: AdminContext; section: Section }) {
  return (
    <AdminLayout ctx={props.ctx} title={`Modifier la rubrique « ${props.section.title} »`} current="/ecrire/rubriques">
      <p><a href="/ecrire/rubriques">← Retour aux rubriques</a></p>
      <SectionForm {...props} action={`/ecrire/rubriques/${props.section.id}`} submitLabel="Enregistrer" />
    </AdminLayout>
  );
}
