import { idParam, type FormFields } from '../http/admin-page.js';
import { CONTRIBUTION_STATUSES, type ContributionStatus } from './contribution.js';
import { queueHref } from './views/moderation-page.js';

/** A status named in a form or an address; the queue of proposed messages when it names none. */
export const queueStatusOf = (raw: string | undefined): ContributionStatus =>
  (CONTRIBUTION_STATUSES as readonly string[]).includes(raw ?? '') ? (raw as ContributionStatus) : 'proposed';

/** The list a moderation form was sent from: `retour` names its status, `article` the article it was narrowed to. */
export function queueFrom(form: FormFields): string {
  return queueHref(queueStatusOf(form.retour), 1, form.article ? idParam(form.article) : undefined);
}

/**
 * Where a moderation form sends the moderator back: the list it was sent from, with the
 * confirmation key `ok`.
 *
 * @example
 * returnToQueue({ retour: 'spam', article: '4' }, 'approve') // "/ecrire/forum?statut=spam&article=4&ok=approve"
 */
export function returnToQueue(form: FormFields, ok: string): string {
  return `${queueFrom(form)}&ok=${ok}`;
}
