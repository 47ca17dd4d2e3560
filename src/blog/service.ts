import type { Db } from '../db/database.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { defineJob, type JobQueue } from '../jobs/job.js';
import { addAuditEntry } from '../audit/store.js';
import { bumpSiteVersion } from '../site/site-version.js';
import { checkArticleLogo, forgetArticleMediaUses, recordArticleMediaUses } from '../media/article-media-uses.js';
import type { Article, ArticleKind, Section } from './article.js';
import type { ArticleInput } from './schema.js';
import { slugify } from './slugify.js';
import {
  deleteArticleRow, deleteSectionRow, deleteSlugRedirect, findArticleById, findArticleBySlug, findSectionBySlug,
  insertArticle, insertSection, listSections, recordSlugRedirect, updateArticleRow, updateSectionRow,
} from './store.js';

/** Fires when a scheduled article's date comes: page caches everywhere see it at once. */
export const PublishScheduledArticleJob = defineJob<{ articleId: number }>('blog.publish-scheduled-article');

/** Who acts: a back-office user, or the CLI (acting with administrator rights, no user row). */
export interface Actor {
  readonly userId: number | null;
}

export interface BlogServiceDeps {
  readonly db: Db;
  readonly jobs: Pick<JobQueue, 'enqueue' | 'cancel'>;
  readonly now: () => Date;
  /** Told once an article becomes published (the relay prepares its drafts); must not throw. */
  readonly onPublished?: (article: Article) => Promise<void>;
}

/** The editorial use cases of the blog: every write bumps the page version and lands in the audit log. */
export function createBlogService({ db, jobs, now, onPublished }: BlogServiceDeps) {
  async function uniqueSlug(wanted: string, exceptId?: number): Promise<string> {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? wanted : `${wanted}-${n}`;
      const taken = await findArticleBySlug(db.kysely, candidate);
      if (!taken || taken.id === exceptId) return candidate;
    }
  }

  const isScheduled = (article: Article | undefined) =>
    article !== undefined && article.status === 'published' && article.publishedAt !== null && article.publishedAt > now().toISOString();

  /** Keeps the publication job in step: set for a scheduled article, cancelled when it no longer is. */
  async function afterWrite(article: Article, before?: Article): Promise<void> {
    const key = `article:${article.id}`;
    if (isScheduled(article)) {
      await jobs.enqueue(PublishScheduledArticleJob, { articleId: article.id }, { runAt: new Date(article.publishedAt!), singletonKey: key });
    } else if (isScheduled(before)) {
      await jobs.cancel(PublishScheduledArticleJob, key);
    }
    if (article.kind === 'article' && article.status === 'published' && before?.status !== 'published') await onPublished?.(article);
  }

  function publicationDate(input: ArticleInput, previous: string | null): string | null {
    if (input.publishedAt) return input.publishedAt.toISOString();
    if (input.status === 'published') return previous ?? now().toISOString();
    return previous;
  }

  return {
    async createArticle(actor: Actor, input: ArticleInput, kind: ArticleKind = 'article'): Promise<Article> {
      const slug = input.slug ?? (await uniqueSlug(slugify(input.title)));
      if (input.slug && (await findArticleBySlug(db.kysely, input.slug))) {
        throw new ValidationError({ slug: 'Cette adresse est déjà utilisée par un autre article.' });
      }
      const article = await db.kysely.transaction().execute(async (trx) => {
        const created = await insertArticle(trx, {
          kind, sectionId: input.sectionId, slug, title: input.title, lead: input.lead, body: input.body,
          credits: input.credits, status: input.status, publishedAt: publicationDate(input, null), authorId: actor.userId,
          logoMediaId: await checkArticleLogo(trx, input.logoMediaId),
        }, now());
        await recordArticleMediaUses(trx, created.id, created);
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'blog.article.created', objectType: 'article', objectId: created.id, summary: created.title }, now());
        return created;
      });
      await afterWrite(article);
      return article;
    },

    async updateArticle(actor: Actor, id: number, input: ArticleInput): Promise<Article> {
      const before = await findArticleById(db.kysely, id);
      if (!before) throw new NotFoundError('article');
      const slug = input.slug ?? before.slug;
      if (slug !== before.slug && (await findArticleBySlug(db.kysely, slug))) {
        throw new ValidationError({ slug: 'Cette adresse est déjà utilisée par un autre article.' });
      }
      await db.kysely.transaction().execute(async (trx) => {
        await updateArticleRow(trx, id, {
          sectionId: input.sectionId, slug, title: input.title, lead: input.lead, body: input.body, credits: input.credits,
          status: input.status, publishedAt: publicationDate(input, before.publishedAt),
          logoMediaId: await checkArticleLogo(trx, input.logoMediaId),
        }, now());
        await recordArticleMediaUses(trx, id, {
          lead: input.lead, body: input.body, logoMediaId: input.logoMediaId !== undefined ? input.logoMediaId : before.logoMediaId,
        });
        if (slug !== before.slug) {
          // The old address keeps working (301); an address taken back stops being a redirect.
          await recordSlugRedirect(trx, before.slug, id);
          await deleteSlugRedirect(trx, slug);
        }
        await bumpSiteVersion(trx);
        const action = before.status !== input.status ? `blog.article.${input.status}` : 'blog.article.updated';
        await addAuditEntry(trx, { userId: actor.userId, action, objectType: 'article', objectId: id, summary: input.title }, now());
      });
      const after = (await findArticleById(db.kysely, id))!;
      await afterWrite(after, before);
      return after;
    },

    async deleteArticle(actor: Actor, id: number): Promise<void> {
      const before = await findArticleById(db.kysely, id);
      if (!before) throw new NotFoundError('article');
      await db.kysely.transaction().execute(async (trx) => {
        await deleteArticleRow(trx, id);
        await forgetArticleMediaUses(trx, id);
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'blog.article.deleted', objectType: 'article', objectId: id, summary: before.title }, now());
      });
      if (isScheduled(before)) await jobs.cancel(PublishScheduledArticleJob, `article:${id}`);
    },

    /** Runs when a scheduled publication's time comes (job handler). */
    async markScheduledPublication(articleId: number): Promise<void> {
      await db.kysely.transaction().execute(async (trx) => {
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: null, action: 'blog.article.went_live', objectType: 'article', objectId: articleId, summary: 'Publication programmée' }, now());
      });
    },

    async createSection(actor: Actor, input: { title: string; parentId: number | null; description: string }): Promise<Section> {
      const title = input.title.trim();
      if (title === '') throw new ValidationError({ title: 'Donnez un titre à la rubrique.' });
      let slug = slugify(title);
      for (let n = 2; await findSectionBySlug(db.kysely, slug); n++) slug = `${slugify(title)}-${n}`;
      const position = (await listSections(db.kysely)).filter((s) => s.parentId === input.parentId).length;
      return db.kysely.transaction().execute(async (trx) => {
        const section = await insertSection(trx, { parentId: input.parentId, title, slug, description: input.description, position }, now());
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'blog.section.created', objectType: 'section', objectId: section.id, summary: title }, now());
        return section;
      });
    },

    async updateSection(actor: Actor, id: number, input: { title?: string; parentId?: number | null; description?: string; position?: number }): Promise<void> {
      const sections = await listSections(db.kysely);
      const section = sections.find((s) => s.id === id);
      if (!section) throw new NotFoundError('rubrique');
      if (input.title !== undefined && input.title.trim() === '') throw new ValidationError({ title: 'Donnez un titre à la rubrique.' });
      if (input.parentId !== undefined && input.parentId !== null && isDescendant(sections, input.parentId, id)) {
        throw new ValidationError({ parentId: 'Une rubrique ne peut pas être rangée dans elle-même ni dans une de ses sous-rubriques.' });
      }
      // A section moved under another parent goes last among its new siblings.
      const moved = input.parentId !== undefined && input.parentId !== section.parentId && input.position === undefined;
      const position = moved ? sections.filter((s) => s.parentId === input.parentId).length : input.position;
      await db.kysely.transaction().execute(async (trx) => {
        await updateSectionRow(trx, id, {
          ...input, ...(input.title !== undefined && { title: input.title.trim() }), ...(position !== undefined && { position }),
        }, now());
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'blog.section.updated', objectType: 'section', objectId: id, summary: input.title ?? section.title }, now());
      });
    },

    /** Moves a section one place up or down among its siblings (renumbering them 0, 1, 2…). */
    async moveSection(actor: Actor, id: number, direction: 'up' | 'down'): Promise<void> {
      const sections = await listSections(db.kysely);
      const section = sections.find((s) => s.id === id);
      if (!section) throw new NotFoundError('rubrique');
      const siblings = sections.filter((s) => s.parentId === section.parentId);
      const from = siblings.indexOf(section);
      const to = direction === 'up' ? from - 1 : from + 1;
      if (to < 0 || to >= siblings.length) return;
      [siblings[from], siblings[to]] = [siblings[to]!, siblings[from]!];
      await db.kysely.transaction().execute(async (trx) => {
        for (const [position, sibling] of siblings.entries()) {
          if (sibling.position !== position) await updateSectionRow(trx, sibling.id, { position }, now());
        }
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'blog.section.moved', objectType: 'section', objectId: id, summary: section.title }, now());
      });
    },

    async deleteSection(actor: Actor, id: number): Promise<void> {
      const sections = await listSections(db.kysely);
      const section = sections.find((s) => s.id === id);
      if (!section) throw new NotFoundError('rubrique');
      if (sections.some((s) => s.parentId === id)) {
        throw new ValidationError({ section: 'Cette rubrique contient des sous-rubriques : déplacez-les ou supprimez-les d’abord.' });
      }
      await db.kysely.transaction().execute(async (trx) => {
        await deleteSectionRow(trx, id);
        await bumpSiteVersion(trx);
        await addAuditEntry(trx, { userId: actor.userId, action: 'blog.section.deleted', objectType: 'section', objectId: id, summary: section.title }, now());
      });
    },
  };
}

export type BlogService = ReturnType<typeof createBlogService>;

/** Whether `candidate` is `ancestorId` itself or lies below it. */
function isDescendant(sections: readonly Section[], candidate: number, ancestorId: number): boolean {
  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  for (let current: number | null | undefined = candidate; current != null; current = parentOf.get(current)) {
    if (current === ancestorId) return true;
  }
  return false;
}
