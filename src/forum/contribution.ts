import type { ContributionStatus } from '../db/schema.js';
import type { ForumMode } from '../site/settings-store.js';

export type { ContributionStatus, ForumMode };

/** A forum contribution as the rest of Relais sees it. */
export interface Contribution {
  readonly id: number;
  readonly articleId: number;
  readonly parentId: number | null;
  /** The first message of the thread; null when this one is the first. */
  readonly threadId: number | null;
  readonly authorName: string;
  /** Never shown publicly. */
  readonly email: string | null;
  /** The raw SPIP text, stored intact. */
  readonly body: string;
  readonly status: ContributionStatus;
  readonly createdAt: string;
  /** Kept for abuse handling only. */
  readonly ip: string | null;
  readonly notifyReplies: boolean;
  readonly isOrganisationAnswer: boolean;
  /** Heuristic spam score and its reasons, for moderators only. */
  readonly spamScore: number;
  readonly spamReasons: readonly string[];
  readonly userId: number | null;
}

export const CONTRIBUTION_STATUSES: readonly ContributionStatus[] = Object.freeze(['proposed', 'published', 'rejected', 'spam']);

/** French labels of the statuses (back office, CLI). */
export const STATUS_LABELS: Readonly<Record<ContributionStatus, string>> = Object.freeze({
  proposed: 'À valider',
  published: 'Publiés',
  rejected: 'Refusés',
  spam: 'Spam',
});

export const FORUM_MODES: readonly ForumMode[] = Object.freeze(['pri', 'pos', 'abo', 'non']);

/** Whether a raw value is a forum mode. */
export function isForumMode(value: unknown): value is ForumMode {
  return typeof value === 'string' && (FORUM_MODES as readonly string[]).includes(value);
}
