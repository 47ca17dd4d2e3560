import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db/database.js';
import { escapeLike } from '../db/escape-like.js';
import type { ArticlesTable, ArticleStatus, SectionsTable } from '../db/schema.js';
import type { Article, Section } from './article.js';

const ARTICLE_COLUMNS = ['id', 'kind', 'section_id', 'slug', 'title', 'lead', 'body', 'credits', 'status',
  'published_at', 'author_id', 'created_at', 'updated_at', 'logo_media_id'] as const;

function toArticle(row: Selectable<ArticlesTable>): Article {
  return {
    id: row.id, kind: row.kind, sectionId: row.section_id, slug: row.slug, title: row.title, lead: row.lead,
    body: row.body, credits: row.credits, status: row.status, publishedAt: row.published_at,
    authorId: row.author_id, createdAt: row.created_at, updatedAt: row.updated_at, logoMediaId: row.logo_media_id,
  };
}

function toSection(row: Selectable<SectionsTable>): Section {
  return { id: row.id, parentId: row.parent_id, title: row.title, slug: row.slug, description: row.description, position: row.position };
}

/** Public articles: published, dated at or before `now`. */
function publicArticles(db: Executor, now: Date) {
  return db.selectFrom('articles')
    .where('kind', '=', 'article')
    .where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString());
}

/** A page of public articles, newest first, optionally in the given sections. */
export async function listPublicArticles(
  db: Executor,
  options: { now: Date; limit: number; offset: number; sectionIds?: readonly number[] },
): Promise<Article[]> {
  let query = publicArticles(db, options.now).select(ARTICLE_COLUMNS);
  if (options.sectionIds) query = query.where('section_id', 'in', options.sectionIds.length > 0 ? [...options.sectionIds] : [-1]);
  const rows = await query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute();
  return rows.map(toArticle);
}

/** How many public articles there are (in the given sections). */
export async function countPublicArticles(db: Executor, options: { now: Date; sectionIds?: readonly number[] }): Promise<number> {
  let query = publicArticles(db, options.now).select((eb) => eb.fn.countAll<number>().as('n'));
  if (options.sectionIds) query = query.where('section_id', 'in', options.sectionIds.length > 0 ? [...options.sectionIds] : [-1]);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A public article or footer page by its current slug. */
export async function findPublicBySlug(db: Executor, slug: string, now: Date): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').select(ARTICLE_COLUMNS)
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString())
    .executeTakeFirst();
  return row ? toArticle(row) : undefined;
}

/** The article an old slug now points to. */
export async function findSlugRedirect(db: Executor, oldSlug: string): Promise<Article | undefined> {
  const row = await db.selectFrom('slug_redirects').innerJoin('articles', 'articles.id', 'slug_redirects.article_id')
    .select(ARTICLE_COLUMNS.map((c) => `articles.${c}` as const))
    .where('slug_redirects.old_slug', '=', oldSlug)
    .executeTakeFirst();
  return row ? toArticle(row) : undefined;
}

/** Public articles other than `excludeId`: those of the section first, then the most recent. */
export async function listRelatedCandidates(
  db: Executor,
  options: { now: Date; excludeId: number; sectionId: number | null; limit: number },
): Promise<Article[]> {
  const sameSection = options.sectionId === null ? [] : await publicArticles(db, options.now).select(ARTICLE_COLUMNS)
    .where('section_id', '=', options.sectionId).where('id', '!=', options.excludeId)
    .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  const recent = await publicArticles(db, options.now).select(ARTICLE_COLUMNS)
    .where('id', '!=', options.excludeId)
    .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return [...sameSection, ...recent].map(toArticle);
}

/** Every public article, newest first (sitemap, feeds). */
export async function listAllPublic(db: Executor, options: { now: Date; kind: 'article' | 'page'; limit: number }): Promise<Article[]> {
  const rows = await db.selectFrom('articles').select(ARTICLE_COLUMNS)
    .where('kind', '=', options.kind).where('status', '=', 'published').where('published_at', '<=', options.now.toISOString())
    .orderBy('published_at', 'desc').limit(options.limit).execute();
  return rows.map(toArticle);
}

/** The next moment a scheduled article becomes public (page caches expire then). */
export async function findNextPublication(db: Executor, now: Date): Promise<string | undefined> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.min('published_at').as('next'))
    .where('status', '=', 'published').where('published_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.next ?? undefined;
}

/** What the back-office list filters on. */
export interface EditorFilter {
  readonly status?: ArticleStatus;
  readonly search?: string;
  readonly kind?: 'article' | 'page';
}

function editorArticles(db: Executor, filter: EditorFilter) {
  let query = db.selectFrom('articles');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.search) query = query.where(sql<boolean>`lower(title) like ${`%${escapeLike(filter.search.toLowerCase())}%`} escape '\\'`);
  return query;
}

/** Back-office listing: every status, filtered by status and title words. */
export async function listArticlesForEditors(
  db: Executor,
  options: EditorFilter & { limit: number; offset: number },
): Promise<Article[]> {
  const rows = await editorArticles(db, options).select(ARTICLE_COLUMNS)
    .orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute();
  return rows.map(toArticle);
}

/** How many articles the back-office list shows for these filters (for its pagination). */
export async function countArticlesForEditors(db: Executor, filter: EditorFilter): Promise<number> {
  const row = await editorArticles(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Articles of a kind per status (dashboard); a status with none counts 0. */
export async function countArticlesByStatus(db: Executor, kind: 'article' | 'page'): Promise<Record<ArticleStatus, number>> {
  const rows = await db.selectFrom('articles').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', kind).groupBy('status').execute();
  const counts: Record<ArticleStatus, number> = { draft: 0, proposed: 0, published: 0, archived: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** Published articles whose date has not come yet, soonest first. */
export async function listUpcomingPublications(db: Executor, options: { now: Date; limit: number }): Promise<Article[]> {
  const rows = await db.selectFrom('articles').select(ARTICLE_COLUMNS)
    .where('kind', '=', 'article').where('status', '=', 'published').where('published_at', '>', options.now.toISOString())
    .orderBy('published_at').orderBy('id').limit(options.limit).execute();
  return rows.map(toArticle);
}

/** How many articles (any status) each section holds directly. */
export async function countArticlesPerSection(db: Executor): Promise<Map<number, number>> {
  const rows = await db.selectFrom('articles').select(['section_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('section_id', 'is not', null).groupBy('section_id').execute();
  return new Map(rows.map((r) => [r.section_id!, Number(r.n)]));
}

export async function findArticleById(db: Executor, id: number): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toArticle(row) : undefined;
}

export async function findArticleBySlug(db: Executor, slug: string): Promise<Article | undefined> {
  const row = await db.selectFrom('articles').select(ARTICLE_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  return row ? toArticle(row) : undefined;
}

export type ArticleFields = Omit<Article, 'id' | 'createdAt' | 'updatedAt' | 'logoMediaId'> & { readonly logoMediaId?: number | null };

/** Adds an article; `id` chooses its number (an import keeping SPIP's ids), otherwise the next one. */
export async function insertArticle(db: Executor, fields: ArticleFields & { readonly id?: number }, now: Date): Promise<Article> {
  const at = now.toISOString();
  const row = await db.insertInto('articles').values({
    ...(fields.id !== undefined && { id: fields.id }),
    kind: fields.kind, section_id: fields.sectionId, slug: fields.slug, title: fields.title, lead: fields.lead,
    body: fields.body, credits: fields.credits, status: fields.status, published_at: fields.publishedAt,
    author_id: fields.authorId, logo_media_id: fields.logoMediaId ?? null, created_at: at, updated_at: at,
  }).returning(ARTICLE_COLUMNS).executeTakeFirstOrThrow();
  return toArticle(row);
}

export async function updateArticleRow(db: Executor, id: number, fields: Partial<ArticleFields>, now: Date): Promise<void> {
  await db.updateTable('articles').set({
    ...(fields.kind !== undefined && { kind: fields.kind }),
    ...(fields.sectionId !== undefined && { section_id: fields.sectionId }),
    ...(fields.slug !== undefined && { slug: fields.slug }),
    ...(fields.title !== undefined && { title: fields.title }),
    ...(fields.lead !== undefined && { lead: fields.lead }),
    ...(fields.body !== undefined && { body: fields.body }),
    ...(fields.credits !== undefined && { credits: fields.credits }),
    ...(fields.status !== undefined && { status: fields.status }),
    ...(fields.publishedAt !== undefined && { published_at: fields.publishedAt }),
    ...(fields.logoMediaId !== undefined && { logo_media_id: fields.logoMediaId }),
    updated_at: now.toISOString(),
  }).where('id', '=', id).execute();
}

export async function deleteArticleRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('articles').where('id', '=', id).execute();
}

/** Keeps `oldSlug` answering with a 301 to the article; a slug taken back by its article is no longer a redirect. */
export async function recordSlugRedirect(db: Executor, oldSlug: string, articleId: number): Promise<void> {
  await db.insertInto('slug_redirects').values({ old_slug: oldSlug, article_id: articleId })
    .onConflict((oc) => oc.column('old_slug').doUpdateSet({ article_id: articleId }))
    .execute();
}

export async function deleteSlugRedirect(db: Executor, slug: string): Promise<void> {
  await db.deleteFrom('slug_redirects').where('old_slug', '=', slug).execute();
}

export async function listSections(db: Executor): Promise<Section[]> {
  const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('title').execute();
  return rows.map(toSection);
}

export async function findSectionBySlug(db: Executor, slug: string): Promise<Section | undefined> {
  const row = await db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toSection(row) : undefined;
}

export async function findSectionById(db: Executor, id: number): Promise<Section | undefined> {
  const row = await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSection(row) : undefined;
}

export type SectionFields = Omit<Section, 'id'>;

/** Adds a section; `id` chooses its number (an import keeping SPIP's ids), otherwise the next one. */
export async function insertSection(db: Executor, fields: SectionFields & { readonly id?: number }, now: Date): Promise<Section> {
  const at = now.toISOString();
  const row = await db.insertInto('sections').values({
    ...(fields.id !== undefined && { id: fields.id }),
    parent_id: fields.parentId, title: fields.title, slug: fields.slug, description: fields.description,
    position: fields.position, created_at: at, updated_at: at,
  }).returningAll().executeTakeFirstOrThrow();
  return toSection(row);
}

export async function updateSectionRow(db: Executor, id: number, fields: Partial<SectionFields>, now: Date): Promise<void> {
  await db.updateTable('sections').set({
    ...(fields.parentId !== undefined && { parent_id: fields.parentId }),
    ...(fields.title !== undefined && { title: fields.title }),
    ...(fields.slug !== undefined && { slug: fields.slug }),
    ...(fields.description !== undefined && { description: fields.description }),
    ...(fields.position !== undefined && { position: fields.position }),
    updated_at: now.toISOString(),
  }).where('id', '=', id).execute();
}

export async function deleteSectionRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('sections').where('id', '=', id).execute();
}
