import type { FormFields } from '../http/admin-page.js';
import { CONTRIBUTION_STATUSES, type ContributionStatus } from './contribution.js';
import { isModerationAction, MODERATION_TRANSITIONS, type ModerationAction } from './moderation-action.js';
import type { BulkOutcome, BulkRefusal } from './moderation-bulk.js';

const REASONS: readonly BulkRefusal[] = Object.freeze([...CONTRIBUTION_STATUSES, 'missing']);

/** What each action makes of a message, singular and plural ("publié", "publiés"). */
const DONE: Readonly<Record<ModerationAction, readonly [string, string]>> = Object.freeze({
  approve: ['publié', 'publiés'], reject: ['refusé', 'refusés'], spam: ['classé comme spam', 'classés comme spam'], unpublish: ['dépublié', 'dépubliés'],
});
/** Where a message stands, singular and plural. */
const STATE: Readonly<Record<ContributionStatus, readonly [string, string]>> = Object.freeze({
  proposed: ['à valider', 'à valider'], published: ['publié', 'publiés'], rejected: ['refusé', 'refusés'], spam: ['classé comme spam', 'classés comme spam'],
});

const pick = (n: number, [one, many]: readonly [string, string]) => (n === 1 ? one : many);
const COUNT = /^\d{1,6}$/;

/** The outcome of a bulk action as query parameters for the redirect (numbers and fixed keys only). */
export function bulkReportQuery(outcome: BulkOutcome): string {
  const refused = REASONS.filter((r) => (outcome.refused[r] ?? 0) > 0).map((r) => `&refus-${r}=${outcome.refused[r]}`);
  return `ok=selection&action=${outcome.action}&faits=${outcome.done}${refused.join('')}`;
}

/**
 * The sentence shown after a bulk action, rebuilt from the redirect's query; undefined when the
 * query does not describe one. Only fixed words and numbers reach the page.
 *
 * @example
 * bulkReportText({ ok: 'selection', action: 'reject', faits: '3', 'refus-rejected': '2' })
 * // "3 messages refusés. 2 messages n’ont pas pu être refusés : déjà refusés."
 */
export function bulkReportText(query: FormFields): string | undefined {
  const { action, faits } = query;
  if (query.ok !== 'selection' || !isModerationAction(action) || faits === undefined || !COUNT.test(faits)) return undefined;
  const done = Number(faits);
  const sentences = [done === 0 ? 'Aucun message n’a changé de statut.' : `${done} ${pick(done, ['message', 'messages'])} ${pick(done, DONE[action])}.`];
  for (const reason of REASONS) {
    const raw = query[`refus-${reason}`];
    if (raw === undefined || !COUNT.test(raw) || raw === '0') continue;
    const n = Number(raw);
    const why = reason === 'missing' ? pick(n, ['il a été supprimé', 'ils ont été supprimés'])
      : reason === MODERATION_TRANSITIONS[action].to ? `déjà ${pick(n, STATE[reason])}` : `${pick(n, ['il est', 'ils sont'])} ${pick(n, STATE[reason])}`;
    sentences.push(`${n} ${pick(n, ['message n’a', 'messages n’ont'])} pas pu être ${pick(n, DONE[action])} : ${why}.`);
  }
  return sentences.join(' ');
}
