import { fieldId, TextAreaField, TextField } from '../../http/admin-kit.js';
import { MAX_ALT_LENGTH } from '../media-texts.js';

/** The texts of an item as typed in a form. */
export interface MediaTextValues {
  readonly title: string;
  readonly alt: string;
  readonly decorative: boolean;
  readonly caption: string;
  readonly credit: string;
}

/** A new upload's empty texts. */
export const EMPTY_MEDIA_TEXTS: MediaTextValues = Object.freeze({ title: '', alt: '', decorative: false, caption: '', credit: '' });

/** Field names as error summaries read them. */
export const MEDIA_FIELD_LABELS = Object.freeze({
  file: 'Fichier', title: 'Titre', alt: 'Alternative textuelle', decorative: 'Image décorative', caption: 'Légende', credit: 'Crédit',
});

/**
 * Title, text alternative with the explicit "decorative" choice (RGAA 1.1–1.3), caption and
 * credit. `image`: undefined when the kind is not known yet (upload), so the image rules are shown.
 */
export function MediaTextFields(props: { values: MediaTextValues; errors: Readonly<Record<string, string>>; image: boolean | undefined }) {
  const { values, errors } = props;
  const decorativeId = fieldId('decorative');
  return (
    <>
      <TextField name="title" label={MEDIA_FIELD_LABELS.title} value={values.title} error={errors.title} maxLength={200}
        hint="Pour retrouver le fichier dans la médiathèque ; c’est aussi le texte du lien d’un document. Laissé vide, il est tiré du nom du fichier." />
      {props.image !== false ? (
        <fieldset class="field-group">
          <legend>Alternative textuelle (images)</legend>
          <TextField name="alt" label={MEDIA_FIELD_LABELS.alt} value={values.alt} error={errors.alt} maxLength={MAX_ALT_LENGTH}
            hint="Ce que l’image apporte au texte, pour les personnes qui ne la voient pas (lue par les lecteurs d’écran). Obligatoire si l’image porte une information ; courte : la description détaillée va dans la légende." />
          <div class="field checkbox">
            <input type="checkbox" id={decorativeId} name="decorative" value="1" checked={values.decorative} aria-describedby={`${decorativeId}-hint`} />
            <label for={decorativeId}>{MEDIA_FIELD_LABELS.decorative}</label>
            <p class="hint" id={`${decorativeId}-hint`}>Cochez seulement si l’image n’apporte aucune information (ornement, filet, fond) : elle sera ignorée des lecteurs d’écran et l’alternative doit rester vide.</p>
          </div>
        </fieldset>
      ) : null}
      <TextAreaField name="caption" label={MEDIA_FIELD_LABELS.caption} value={values.caption} error={errors.caption} rows={2}
        hint="Facultative, affichée sous l’image ou le document." />
      <TextField name="credit" label={MEDIA_FIELD_LABELS.credit} value={values.credit} error={errors.credit} maxLength={200}
        hint="Facultatif, par exemple « © Ville de … » ou le nom du photographe." />
    </>
  );
}
