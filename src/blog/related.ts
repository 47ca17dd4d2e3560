import type { Article } from './article.js';

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
