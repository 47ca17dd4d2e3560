import type { Executor } from '../db/database.js';
import type { Article } from './article.js';
import { listRelatedCandidates } from './store.js';

const RELATED_COUNT = 4;

/**
 * "Autres articles": candidates come ordered (same section first, then the most recent);
 * keeps the first `limit` distinct ones.
 */
export function chooseRelated(candidates: readonly Article[], limit: number): Article[] {
  const seen = new Set<number>();
  const chosen: Article[] = [];
  for (const article of candidates) {
    if (chosen.length === limit) break;
    if (seen.has(article.id)) continue;
    seen.add(article.id);
    chosen.push(article);
  }
  return chosen;
}

/** The related articles shown under an article (none under a footer page). */
export async function loadRelated(db: Executor, article: Article, now: Date): Promise<Article[]> {
  if (article.kind === 'page') return [];
  const candidates = await listRelatedCandidates(db, { now, excludeId: article.id, sectionId: article.sectionId, limit: RELATED_COUNT });
  return chooseRelated(candidates, RELATED_COUNT);
}
