import { CsrfField } from '../../http/admin-kit.js';
import type { AdminContext } from '../../http/admin-layout.js';
import type { ContributionStatus } from '../contribution.js';
import type { ModerationAction } from '../moderation-action.js';

const BULK_LABELS: Readonly<Record<ModerationAction, string>> = Object.freeze({
  approve: 'Publier', reject: 'Refuser', spam: 'Classer comme spam', unpublish: 'Dépublier (remettre à valider)',
});

/**
 * The action on a selection of messages. The queue's checkboxes belong to this form through their
 * `form="selection"` attribute (each message keeps its own one-button forms, and forms cannot
 * nest); « Tous les messages de cette page » sends the page's ids, so it works without JavaScript.
 */
export function BulkForm(props: { ctx: AdminContext; status: ContributionStatus; articleId?: number; ids: readonly number[] }) {
  return (
    <form id="selection" method="post" action="/ecrire/forum/selection" class="bulk-actions">
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name="retour" value={props.status} />
      {props.articleId !== undefined ? <input type="hidden" name="article" value={String(props.articleId)} /> : null}
      <input type="hidden" name="page_ids" value={props.ids.join(',')} />
      <fieldset>
        <legend>Action sur plusieurs messages</legend>
        <p class="hint">Cochez les messages dans la liste ci-dessous, ou toute la page, puis choisissez l’action.</p>
        <p>
          <input type="checkbox" name="toute_la_page" value="1" id="toute-la-page" />
          {' '}<label for="toute-la-page">Tous les messages de cette page ({props.ids.length})</label>
        </p>
        <p>
          <label for="action-groupee">Action</label>{' '}
          <select name="action_groupee" id="action-groupee">
            <option value="">— choisir —</option>
            {(Object.keys(BULK_LABELS) as ModerationAction[]).map((a) => <option value={a}>{BULK_LABELS[a]}</option>)}
          </select>{' '}
          <button type="submit" class="button">Appliquer à la sélection</button>
        </p>
      </fieldset>
    </form>
  );
}
