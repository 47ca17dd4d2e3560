import { CsrfField, ErrorSummary } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { documentInfo } from '../document-resolver.js';
import { formatFileSize } from '../format-file-size.js';
import { mediaUrl, type MediaItem } from '../media-item.js';
import type { MediaLimits } from '../media-limits.js';
import type { MediaUse } from '../store.js';
import { MediaPicture } from '../views/media-picture.js';
import { FileField } from './media-upload-page.js';
import { MEDIA_FIELD_LABELS, MediaTextFields, type MediaTextValues } from './media-text-fields.js';

/** What an item's page shows: the item, its uses, the texts as typed and their errors. */
export interface MediaItemPageProps {
  readonly ctx: AdminContext;
  readonly item: MediaItem;
  readonly uses: readonly MediaUse[];
  readonly values: MediaTextValues;
  readonly errors?: Readonly<Record<string, string>>;
  readonly limits: MediaLimits;
  readonly canEdit: boolean;
  readonly publicUrl: string;
  readonly timeZone: string;
  readonly notice?: string;
}

/** "Texte de l'article", "Illustration principale". */
export function useRoleLabel(role: string): string {
  return role === 'logo' ? 'illustration principale' : 'dans le texte';
}

/** Where an item is used, each use a link to its article's form. */
export function MediaUseList(props: { uses: readonly MediaUse[] }) {
  if (props.uses.length === 0) return <p>Ce média n’est utilisé nulle part.</p>;
  return (
    <ul class="media-uses">
      {props.uses.map((use) => (
        <li>
          {use.objectType === 'article' ? <a href={`/ecrire/articles/${use.objectId}`}>{use.title}</a> : use.title} ({useRoleLabel(use.role)})
        </li>
      ))}
    </ul>
  );
}

/** One item: preview, facts and shortcut, its texts (editable), its uses, replace and delete. */
export function MediaItemPage(props: MediaItemPageProps) {
  const { ctx, item } = props;
  const errors = props.errors ?? {};
  const shortcut = item.kind === 'image' ? `<img${item.id}|center>` : `<doc${item.id}>`;
  const address = `${props.publicUrl}${mediaUrl(item.storageKey)}`;
  return (
    <AdminLayout ctx={ctx} title={`Média n° ${item.id} : ${item.title}`} current="/ecrire/media" notice={props.notice}>
      <p><a href="/ecrire/media">← Retour à la médiathèque</a></p>
      <ErrorSummary errors={errors} labels={MEDIA_FIELD_LABELS} />
      <div class="media-detail">
        {item.kind === 'image' ? <MediaPicture item={item} sizes="(min-width: 60rem) 30rem, 100vw" eager class="media-preview" />
          : <p><a href={mediaUrl(item.storageKey)}>{item.title} ({documentInfo(item)})</a></p>}
        <dl class="facts">
          <dt>Type</dt><dd>{item.kind === 'image' ? `Image ${item.extension.toUpperCase()}, ${item.width} × ${item.height} pixels` : documentInfo(item)}</dd>
          <dt>Taille</dt><dd>{formatFileSize(item.byteSize)}{item.kind === 'image' && item.variants.length > 0 ? ` (et ${item.variants.length} version${item.variants.length > 1 ? 's' : ''} pour le web)` : ''}</dd>
          <dt>Dans un texte</dt><dd><code>{shortcut}</code> (alignement : <code>|left</code>, <code>|right</code> ou <code>|center</code>)</dd>
          <dt>Adresse</dt><dd><a href={mediaUrl(item.storageKey)}>{address}</a></dd>
          <dt>Ajouté le</dt><dd>{formatDateTime(item.createdAt, 'fr', props.timeZone)}</dd>
        </dl>
      </div>
      <section aria-labelledby="usages">
        <h2 id="usages">Utilisé dans</h2>
        <MediaUseList uses={props.uses} />
      </section>
      {props.canEdit ? (
        <>
          <section aria-labelledby="textes">
            <h2 id="textes">Textes</h2>
            {item.needsReview ? <p class="notice">L’alternative de cette image reste à écrire ou à vérifier (image reprise de l’ancien site) : enregistrez les textes une fois relus.</p> : null}
            <form method="post" action={`/ecrire/media/${item.id}`} class="form" noValidate>
              <CsrfField token={ctx.csrfToken} />
              <MediaTextFields values={props.values} errors={errors} image={item.kind === 'image'} />
              <div class="actions"><button type="submit" class="button primary">Enregistrer</button></div>
            </form>
          </section>
          <section aria-labelledby="remplacer">
            <h2 id="remplacer">Remplacer le fichier</h2>
            <p>Le nouveau fichier prend la place de l’ancien partout où il est utilisé ; les textes restent : vérifiez que l’alternative décrit toujours l’image.</p>
            <form method="post" action={`/ecrire/media/${item.id}/remplacer`} enctype="multipart/form-data" class="form" noValidate>
              <CsrfField token={ctx.csrfToken} />
              <FileField limits={props.limits} error={errors.file} label="Nouveau fichier" />
              <div class="actions"><button type="submit" class="button">Remplacer</button></div>
            </form>
          </section>
          <p><a class="button danger" href={`/ecrire/media/${item.id}/supprimer`}>Supprimer…</a></p>
        </>
      ) : null}
    </AdminLayout>
  );
}
