import type { ArticleKind, ArticleStatus } from '../db/schema.js';

export type { ArticleKind, ArticleStatus };

/** An article (or footer page) as the rest of Relais sees it. */
export interface Article {
  readonly id: number;
  readonly kind: ArticleKind;
  readonly sectionId: number | null;
  readonly slug: string;
  readonly title: string;
  /** The chapô: the lead paragraph, in SPIP shortcuts. */
  readonly lead: string;
  /** The body, in SPIP shortcuts. */
  readonly body: string;
  /** The "Sources :" line (SPIP's post-scriptum). */
  readonly credits: string;
  readonly status: ArticleStatus;
  /** ISO date it is (or will be) public; null for a draft never scheduled. */
  readonly publishedAt: string | null;
  readonly authorId: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The main illustration (SPIP's *logo*): a media-library image, or null. */
  readonly logoMediaId: number | null;
}

/** A section (rubrique): articles are filed in one; sections nest. */
export interface Section {
  readonly id: number;
  readonly parentId: number | null;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly position: number;
}

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'proposed', 'published', 'archived'];

/** Whether the public may see it at `now`: published, and its date has come. */
export function isPublicAt(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status === 'published' && article.publishedAt !== null && article.publishedAt <= now.toISOString();
}
