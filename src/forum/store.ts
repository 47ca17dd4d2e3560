import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ForumContributionsTable } from '../db/schema.js';
import type { Contribution, ContributionStatus, ForumMode } from './contribution.js';
import { isForumMode } from './contribution.js';
import { bodyHash } from './body-hash.js';

function toContribution(row: Selectable<ForumContributionsTable>): Contribution {
  return Object.freeze({
    id: row.id, articleId: row.article_id, parentId: row.parent_id, threadId: row.thread_id, authorName: row.author_name,
    email: row.email, body: row.body, status: row.status, createdAt: row.created_at, ip: row.ip,
    notifyReplies: Number(row.notify_replies) === 1, isOrganisationAnswer: Number(row.is_organisation_answer) === 1,
    spamScore: Number(row.spam_score), spamReasons: Object.freeze(row.spam_reasons === '' ? [] : row.spam_reasons.split('\n')), userId: row.user_id,
  });
}

/** What a new contribution is made of. */
export type NewContribution = Omit<Contribution, 'id' | 'createdAt'>;

/** Stores a contribution and returns it with its id. */
export async function insertContribution(db: Executor, input: NewContribution, at: Date): Promise<Contribution> {
  const row = await db.insertInto('forum_contributions').values({
    article_id: input.articleId, parent_id: input.parentId, thread_id: input.threadId, author_name: input.authorName,
    email: input.email, body: input.body, body_hash: bodyHash(input.body), status: input.status, created_at: at.toISOString(), ip: input.ip,
    notify_replies: input.notifyReplies ? 1 : 0, is_organisation_answer: input.isOrganisationAnswer ? 1 : 0,
    spam_score: input.spamScore, spam_reasons: input.spamReasons.join('\n'), user_id: input.userId,
  }).returningAll().executeTakeFirstOrThrow();
  return toContribution(row);
}

/** One contribution, whatever its status (back office, service checks). */
export async function findContribution(db: Executor, id: number): Promise<Contribution | undefined> {
  const row = await db.selectFrom('forum_contributions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toContribution(row) : undefined;
}

/** Whether a message with exactly this text was received since `since` (duplicate-text heuristic); found through its hash. */
export async function hasRecentSameBody(db: Executor, body: string, since: Date): Promise<boolean> {
  const row = await db.selectFrom('forum_contributions').select('id')
    .where('body_hash', '=', bodyHash(body)).where('created_at', '>=', since.toISOString()).where('body', '=', body).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The published contributions of an article, oldest first: the only ones public pages may show. */
export async function listPublishedContributions(db: Executor, articleId: number): Promise<Contribution[]> {
  const rows = await db.selectFrom('forum_contributions').selectAll()
    .where('article_id', '=', articleId).where('status', '=', 'published')
    .orderBy('created_at').orderBy('id').execute();
  return rows.map(toContribution);
}

/** A contribution in the moderation queue, with the title of its article. */
export type QueuedContribution = Contribution & { readonly articleTitle: string; readonly articleSlug: string };

/** Contributions joined to their article's title and address, as moderators see them. */
function moderationQuery(db: Executor) {
  return db.selectFrom('forum_contributions')
    .innerJoin('articles', 'articles.id', 'forum_contributions.article_id')
    .selectAll('forum_contributions').select(['articles.title as article_title', 'articles.slug as article_slug']);
}

function toQueued(row: Selectable<ForumContributionsTable> & { article_title: string; article_slug: string }): QueuedContribution {
  return Object.freeze({ ...toContribution(row), articleTitle: row.article_title, articleSlug: row.article_slug });
}

/** One contribution with its article's title, whatever its status (the moderator's edit form). */
export async function findContributionForModeration(db: Executor, id: number): Promise<QueuedContribution | undefined> {
  const row = await moderationQuery(db).where('forum_contributions.id', '=', id).executeTakeFirst();
  return row ? toQueued(row) : undefined;
}

/** Contributions of one status (or all), newest first, for moderators. */
export async function listContributionsForModeration(
  db: Executor, options: { status?: ContributionStatus; articleId?: number; limit: number; offset: number },
): Promise<QueuedContribution[]> {
  let query = moderationQuery(db);
  if (options.status) query = query.where('forum_contributions.status', '=', options.status);
  if (options.articleId !== undefined) query = query.where('forum_contributions.article_id', '=', options.articleId);
  const rows = await query.orderBy('forum_contributions.created_at', 'desc').orderBy('forum_contributions.id', 'desc')
    .limit(options.limit).offset(options.offset).execute();
  return rows.map(toQueued);
}

/** The articles that have contributions (at most 500, newest article first), with how many: the queue's article filter. */
export async function listArticlesWithContributions(db: Executor): Promise<{ readonly id: number; readonly title: string; readonly count: number }[]> {
  const rows = await db.selectFrom('forum_contributions')
    .innerJoin('articles', 'articles.id', 'forum_contributions.article_id')
    .select(['articles.id as id', 'articles.title as title', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['articles.id', 'articles.title']).orderBy('articles.id', 'desc').limit(500).execute();
  return rows.map((r) => Object.freeze({ id: r.id, title: r.title, count: Number(r.n) }));
}

/** How many contributions have each status (on one article, or on all). */
export async function countContributionsByStatus(db: Executor, articleId?: number): Promise<Record<ContributionStatus, number>> {
  let query = db.selectFrom('forum_contributions').select(['status', (eb) => eb.fn.countAll<number>().as('n')]);
  if (articleId !== undefined) query = query.where('article_id', '=', articleId);
  const rows = await query.groupBy('status').execute();
  const counts: Record<ContributionStatus, number> = { proposed: 0, published: 0, rejected: 0, spam: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Changes a contribution's status, recording who did it and when. */
export async function updateContributionStatus(db: Executor, id: number, status: ContributionStatus, by: number | null, at: Date): Promise<void> {
  await db.updateTable('forum_contributions').set({ status, moderated_by: by, moderated_at: at.toISOString() }).where('id', '=', id).execute();
}

/** An article's own forum mode; undefined when it follows the site default (or does not exist). */
export async function readArticleForumMode(db: Executor, articleId: number): Promise<ForumMode | undefined> {
  const row = await db.selectFrom('articles').select(sql<string | null>`forum_mode`.as('forum_mode')).where('id', '=', articleId).executeTakeFirst();
  return isForumMode(row?.forum_mode) ? row.forum_mode : undefined;
}

/** Sets an article's forum mode; null makes it follow the site default again. */
export async function writeArticleForumMode(db: Executor, articleId: number, mode: ForumMode | null): Promise<void> {
  await sql`update articles set forum_mode = ${mode} where id = ${articleId}`.execute(db);
}

/** Replaces what a moderator may correct in a contribution: the name shown, the e-mail and the text. */
export async function updateContributionText(db: Executor, id: number, text: Pick<Contribution, 'authorName' | 'email' | 'body'>): Promise<void> {
  await db.updateTable('forum_contributions').set({ author_name: text.authorName, email: text.email, body: text.body, body_hash: bodyHash(text.body) })
    .where('id', '=', id).execute();
}

/** How many published contributions each article has (an article without any is absent): the counts public lists show. */
export async function countPublishedContributions(db: Executor, articleIds: readonly number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db.selectFrom('forum_contributions').select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published').where('article_id', 'in', [...articleIds]).groupBy('article_id').execute();
  return new Map(rows.map((r) => [r.article_id, Number(r.n)]));
}

/**
 * The latest published contributions, newest first, on public articles only (published, dated at
 * or before `now`), of one article or of the whole site: what the comments feeds list.
 */
export async function listLatestPublishedContributions(db: Executor, options: { now: Date; articleId?: number; limit: number }): Promise<QueuedContribution[]> {
  let query = moderationQuery(db).where('forum_contributions.status', '=', 'published')
    .where('articles.kind', '=', 'article').where('articles.status', '=', 'published').where('articles.published_at', '<=', options.now.toISOString());
  if (options.articleId !== undefined) query = query.where('forum_contributions.article_id', '=', options.articleId);
  const rows = await query.orderBy('forum_contributions.created_at', 'desc').orderBy('forum_contributions.id', 'desc').limit(options.limit).execute();
  return rows.map(toQueued);
}
