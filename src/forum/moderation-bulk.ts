import { AppError, NotFoundError } from '../errors.js';
import type { Contribution, ContributionStatus } from './contribution.js';
import { ForumConflictError } from './forum-conflict-error.js';
import type { ModerationAction } from './moderation-action.js';
import type { ForumService, ModerationActor } from './service.js';

/** The most messages one bulk action may name (a queue page shows 30). */
const MAX_BULK_SELECTION = 200;

/** Why a selected message was left as it was: its status forbids the move, or it no longer exists. */
export type BulkRefusal = ContributionStatus | 'missing';

/** What a bulk action did: how many messages moved, and how many were left, by reason. */
export interface BulkOutcome {
  readonly action: ModerationAction;
  readonly done: number;
  readonly refused: Readonly<Partial<Record<BulkRefusal, number>>>;
}

/**
 * Applies one moderation action to each selected message, one transaction per message (each move
 * is audited and bumps the page cache on its own, exactly as a single action does): a message
 * whose status does not allow the move, or that was deleted meanwhile, is counted as refused and
 * the others still move. Any other failure stops the batch; messages already moved stay moved.
 */
export async function moderateSelection(
  deps: { readonly forum: Pick<ForumService, 'moderate'>; readonly find: (id: number) => Promise<Contribution | undefined> },
  actor: ModerationActor, ids: readonly number[], action: ModerationAction,
): Promise<BulkOutcome> {
  if (ids.length > MAX_BULK_SELECTION) throw new AppError('bulk_too_large', 400, `plus de ${MAX_BULK_SELECTION} messages`);
  let done = 0;
  const refused: Partial<Record<BulkRefusal, number>> = {};
  for (const id of new Set(ids)) {
    try {
      await deps.forum.moderate(actor, id, action);
      done++;
    } catch (error) {
      if (!(error instanceof ForumConflictError) && !(error instanceof NotFoundError)) throw error;
      const reason: BulkRefusal = (await deps.find(id))?.status ?? 'missing';
      refused[reason] = (refused[reason] ?? 0) + 1;
    }
  }
  return Object.freeze({ action, done, refused: Object.freeze(refused) });
}
