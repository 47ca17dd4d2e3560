import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { normalizeEmail } from '../../accounts/user.js';
import type { ContributionStatus } from '../contribution.js';

/** Everything stored about one contribution, with its article, as the export shows it. */
export interface StoredContribution {
  readonly id: number;
  readonly articleId: number;
  readonly articleTitle: string;
  readonly articleSlug: string;
  readonly parentId: number | null;
  readonly authorName: string;
  readonly email: string | null;
  readonly body: string;
  readonly status: ContributionStatus;
  readonly createdAt: string;
  readonly moderatedAt: string | null;
  readonly ip: string | null;
  readonly notifyReplies: boolean;
}

/** Forgets the client address of every contribution received before `before`; returns how many were erased. */
export async function eraseClientAddressesBefore(db: Executor, before: Date): Promise<number> {
  const result = await db.updateTable('forum_contributions').set({ ip: null })
    .where('ip', 'is not', null).where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Every contribution sent with this address (compared without case), oldest first, whatever its status. */
export async function listContributionsByAddress(db: Executor, email: string): Promise<StoredContribution[]> {
  const rows = await db.selectFrom('forum_contributions')
    .innerJoin('articles', 'articles.id', 'forum_contributions.article_id')
    .selectAll('forum_contributions').select(['articles.title as article_title', 'articles.slug as article_slug'])
    .where(sql<string>`lower(forum_contributions.email)`, '=', normalizeEmail(email))
    .orderBy('forum_contributions.created_at').orderBy('forum_contributions.id').execute();
  return rows.map((r) => Object.freeze({
    id: r.id, articleId: r.article_id, articleTitle: r.article_title, articleSlug: r.article_slug, parentId: r.parent_id,
    authorName: r.author_name, email: r.email, body: r.body, status: r.status, createdAt: r.created_at,
    moderatedAt: r.moderated_at, ip: r.ip, notifyReplies: Number(r.notify_replies) === 1,
  }));
}

/** Deletes contributions for good (answers to them stay, no longer attached: the schema sets their parent to null). */
export async function deleteContributions(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('forum_contributions').where('id', 'in', ids).execute();
}
