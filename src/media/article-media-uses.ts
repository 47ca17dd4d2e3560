import type { Executor } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { findMediaRefs } from './find-media-refs.js';
import { findMediaItem, replaceObjectMediaUses } from './store.js';

/** What of an article uses media: its texts' shortcuts and its main illustration. */
export interface ArticleMediaSource {
  readonly lead: string;
  readonly body: string;
  readonly logoMediaId: number | null;
}

/** The uses an article's own fields make; others (a SPIP portfolio's `attached` documents) are not the form's to drop. */
const ARTICLE_FIELD_ROLES: readonly string[] = Object.freeze(['body', 'logo']);

/**
 * Records which media an article uses now (call it in the article's own write transaction): the
 * items its lead and body point to (`body`) and its main illustration (`logo`).
 */
export async function recordArticleMediaUses(db: Executor, articleId: number, article: ArticleMediaSource): Promise<void> {
  const uses = [
    ...findMediaRefs(`${article.lead}\n${article.body}`).map((mediaId) => ({ mediaId, role: 'body' })),
    ...(article.logoMediaId !== null ? [{ mediaId: article.logoMediaId, role: 'logo' }] : []),
  ];
  await replaceObjectMediaUses(db, 'article', articleId, uses, ARTICLE_FIELD_ROLES);
}

/** A deleted article uses nothing any more, whatever recorded its uses. */
export async function forgetArticleMediaUses(db: Executor, articleId: number): Promise<void> {
  await replaceObjectMediaUses(db, 'article', articleId, []);
}

/** A main illustration must be an image of the library; returns the id unchanged (undefined: keep, null: none). */
export async function checkArticleLogo<T extends number | null | undefined>(db: Executor, logoMediaId: T): Promise<T> {
  if (logoMediaId === undefined || logoMediaId === null) return logoMediaId;
  const item = await findMediaItem(db, logoMediaId);
  if (item?.kind !== 'image') throw new ValidationError({ logoMediaId: 'Choisissez l’illustration parmi les images de la médiathèque.' });
  return logoMediaId;
}
