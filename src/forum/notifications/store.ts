import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { normalizeEmail } from '../../accounts/user.js';
import type { ContributionStatus } from '../contribution.js';

/** A contribution as an e-mail needs it: who wrote what, where, and whether they want to hear back. */
export interface MailableContribution {
  readonly id: number;
  readonly parentId: number | null;
  readonly articleId: number;
  readonly articleTitle: string;
  readonly articleSlug: string;
  readonly authorName: string;
  readonly email: string | null;
  readonly body: string;
  readonly status: ContributionStatus;
  readonly notifyReplies: boolean;
  readonly isOrganisationAnswer: boolean;
}

function mailableQuery(db: Executor) {
  return db.selectFrom('forum_contributions')
    .innerJoin('articles', 'articles.id', 'forum_contributions.article_id')
    .select([
      'forum_contributions.id', 'forum_contributions.parent_id', 'forum_contributions.article_id', 'articles.title', 'articles.slug',
      'forum_contributions.author_name', 'forum_contributions.email', 'forum_contributions.body', 'forum_contributions.status',
      'forum_contributions.notify_replies', 'forum_contributions.is_organisation_answer', 'forum_contributions.created_at',
    ]);
}

type MailableRow = Awaited<ReturnType<ReturnType<typeof mailableQuery>['executeTakeFirstOrThrow']>>;

function toMailable(row: MailableRow): MailableContribution {
  return Object.freeze({
    id: row.id, parentId: row.parent_id, articleId: row.article_id, articleTitle: row.title, articleSlug: row.slug,
    authorName: row.author_name, email: row.email, body: row.body, status: row.status,
    notifyReplies: Number(row.notify_replies) === 1, isOrganisationAnswer: Number(row.is_organisation_answer) === 1,
  });
}

/** One contribution with its article's title and address, whatever its status. */
export async function findMailableContribution(db: Executor, id: number): Promise<MailableContribution | undefined> {
  const row = await mailableQuery(db).where('forum_contributions.id', '=', id).executeTakeFirst();
  return row && toMailable(row);
}

/** The addresses of the accounts that moderate the forum (administrators and moderators, not disabled). */
export async function listModeratorAddresses(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('users').select('email')
    .where('role', 'in', ['admin', 'moderator']).where('disabled', '=', 0).orderBy('id').execute();
  return rows.map((r) => r.email);
}

/**
 * Claims the announcement of a contribution's publication: true for the first caller only, so
 * a message unpublished and approved again, or a job run twice, is announced once.
 */
export async function claimPublicationNotice(db: Executor, id: number, at: Date): Promise<boolean> {
  const result = await db.updateTable('forum_contributions').set({ publication_notified_at: at.toISOString() })
    .where('id', '=', id).where('publication_notified_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives a claimed announcement back (its mails could not be queued). */
export async function releasePublicationNotice(db: Executor, id: number): Promise<void> {
  await db.updateTable('forum_contributions').set({ publication_notified_at: null }).where('id', '=', id).execute();
}

/** Stops the e-mails about one contribution to one address; true when that pair existed. */
export async function stopContributionMail(db: Executor, id: number, email: string): Promise<boolean> {
  const result = await db.updateTable('forum_contributions').set({ notify_replies: 0 })
    .where('id', '=', id).where(sql<string>`lower(email)`, '=', normalizeEmail(email)).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The messages received in [since, until) for the moderators' digest: the ones to look at (oldest first), and how many went to spam. */
export async function summariseReceivedMessages(db: Executor, since: Date, until: Date): Promise<{ waiting: MailableContribution[]; spam: number }> {
  const rows = await mailableQuery(db)
    .where('forum_contributions.created_at', '>=', since.toISOString()).where('forum_contributions.created_at', '<', until.toISOString())
    .where('forum_contributions.is_organisation_answer', '=', 0)
    .orderBy('forum_contributions.created_at').orderBy('forum_contributions.id').execute();
  return {
    waiting: rows.filter((r) => r.status === 'proposed' || r.status === 'published').map(toMailable),
    spam: rows.filter((r) => r.status === 'spam').length,
  };
}
