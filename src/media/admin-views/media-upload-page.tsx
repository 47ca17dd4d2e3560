import { CsrfField, ErrorSummary, Field } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatLimit } from '../receive-to-file.js';
import type { MediaLimits } from '../media-limits.js';
import { MEDIA_FIELD_LABELS, MediaTextFields, type MediaTextValues } from './media-text-fields.js';

/** What the file inputs accept (the server decides from the bytes anyway). */
export const ACCEPTED_FILES = '.jpg,.jpeg,.png,.webp,.gif,.avif,.pdf,.odt,.ods,.docx,.xlsx,.csv';

/** The file input, its limits and formats in the hint. */
export function FileField(props: { limits: MediaLimits; error?: string; label?: string }) {
  return (
    <Field name="file" label={props.label ?? MEDIA_FIELD_LABELS.file} error={props.error}
      hint={`Images JPEG, PNG, WebP, GIF ou AVIF (${formatLimit(props.limits.imageBytes)} au plus) ; documents PDF, ODT, ODS, DOCX, XLSX ou CSV (${formatLimit(props.limits.documentBytes)} au plus). Les photos HEIC d’iPhone sont à exporter en JPEG. Les données de l’appareil photo (lieu GPS, modèle, auteur) sont retirées.`}>
      <input type="file" id="f-file" name="file" accept={ACCEPTED_FILES} required aria-describedby={`f-file-hint${props.error ? ' f-file-error' : ''}`} aria-invalid={props.error ? 'true' : undefined} />
    </Field>
  );
}

/** Adding a file to the library: the file, then its texts. The form token comes first, before the file. */
export function MediaUploadPage(props: { ctx: AdminContext; values: MediaTextValues; errors?: Readonly<Record<string, string>>; limits: MediaLimits }) {
  const errors = props.errors ?? {};
  return (
    <AdminLayout ctx={props.ctx} title="Ajouter à la médiathèque" current="/ecrire/media">
      <p><a href="/ecrire/media">← Retour à la médiathèque</a></p>
      <ErrorSummary errors={errors} labels={MEDIA_FIELD_LABELS} />
      <form method="post" action="/ecrire/media/nouveau" enctype="multipart/form-data" class="form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <FileField limits={props.limits} error={errors.file} />
        <MediaTextFields values={props.values} errors={errors} image={undefined} />
        <div class="actions"><button type="submit" class="button primary">Ajouter</button></div>
      </form>
    </AdminLayout>
  );
}
