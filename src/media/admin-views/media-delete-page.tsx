import { CsrfField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import type { MediaItem } from '../media-item.js';
import type { MediaUse } from '../store.js';
import { MediaUseList } from './media-item-page.js';

/**
 * Deleting an item: at once when nothing uses it; otherwise the uses are listed and the deletion
 * needs an explicit confirmation (the articles then show the shortcut as typed, or no illustration).
 */
export function MediaDeletePage(props: { ctx: AdminContext; item: MediaItem; uses: readonly MediaUse[]; error?: string }) {
  const { ctx, item, uses } = props;
  return (
    <AdminLayout ctx={ctx} title={`Supprimer « ${item.title} »`} current="/ecrire/media">
      {props.error ? <p class="error-summary" role="alert">{props.error}</p> : null}
      {uses.length === 0 ? <div class="panel"><p>Ce média n’est utilisé nulle part. Le supprimer retire aussi ses fichiers.</p></div> : (
        <div class="panel">
          <p><strong>Ce média est utilisé à {uses.length} endroit{uses.length > 1 ? 's' : ''} :</strong></p>
          <MediaUseList uses={uses} />
          <p>Après la suppression, ces articles afficheront le raccourci tel quel à la place de l’image ou du document, ou n’auront plus d’illustration.</p>
        </div>
      )}
      <form method="post" action={`/ecrire/media/${item.id}/supprimer`} class="form">
        <CsrfField token={ctx.csrfToken} />
        {uses.length > 0 ? (
          <div class="field checkbox">
            <input type="checkbox" id="f-confirm" name="confirm" value="1" required />
            <label for="f-confirm">Je supprime ce média malgré ses {uses.length} usage{uses.length > 1 ? 's' : ''}</label>
          </div>
        ) : null}
        <div class="actions">
          <button type="submit" class="button danger">Supprimer</button>
          <a class="button" href={`/ecrire/media/${item.id}`}>Annuler</a>
        </div>
      </form>
    </AdminLayout>
  );
}
