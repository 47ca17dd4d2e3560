import type { Executor } from '../db/database.js';
import { loadMediaFor } from '../media/load-media.js';
import type { MediaItem } from '../media/media-item.js';
import type { Article } from './article.js';

/** An article's main illustration, when it has one and the item still exists. */
export function logoOf(article: Pick<Article, 'logoMediaId'>, media: ReadonlyMap<number, MediaItem>): MediaItem | undefined {
  return article.logoMediaId === null ? undefined : media.get(article.logoMediaId);
}

/**
 * Everything from the media library a page about `articles` shows, in one query: the items their
 * texts point to (only when `withTexts`: lists show no body) and their illustrations.
 */
export function loadArticleMedia(db: Executor, articles: readonly Article[], withTexts: readonly Article[] = []): Promise<Map<number, MediaItem>> {
  return loadMediaFor(db, withTexts.flatMap((a) => [a.lead, a.body]), [...articles, ...withTexts].map((a) => a.logoMediaId));
}
