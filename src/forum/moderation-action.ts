import type { ContributionStatus } from './contribution.js';

/** What a moderator can do to a contribution. */
export type ModerationAction = 'approve' | 'reject' | 'spam' | 'unpublish';

/**
 * The status each action leads to, and the statuses it may start from: a proposed contribution
 * is published, rejected or marked as spam; a published one can be unpublished (back to the
 * queue), rejected or marked as spam; a mistake (rejected, spam) can be corrected.
 */
export const MODERATION_TRANSITIONS: Readonly<Record<ModerationAction, { readonly from: readonly ContributionStatus[]; readonly to: ContributionStatus }>> = Object.freeze({
  approve: { from: ['proposed', 'rejected', 'spam'], to: 'published' },
  reject: { from: ['proposed', 'published', 'spam'], to: 'rejected' },
  spam: { from: ['proposed', 'published', 'rejected'], to: 'spam' },
  unpublish: { from: ['published'], to: 'proposed' },
});

/** Whether a raw value names a moderation action. */
export function isModerationAction(value: unknown): value is ModerationAction {
  return typeof value === 'string' && Object.hasOwn(MODERATION_TRANSITIONS, value);
}

/** The status after `action`, or undefined when the action does not apply to `status`. */
export function statusAfter(status: ContributionStatus, action: ModerationAction): ContributionStatus | undefined {
  const rule = MODERATION_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : undefined;
}
