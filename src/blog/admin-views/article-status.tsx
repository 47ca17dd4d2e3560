import { Badge } from '../../http/admin-kit.js';
import { isPublicAt, type Article, type ArticleStatus } from '../article.js';

/** French names of the statuses, as SPIP's editors know them. */
export const ARTICLE_STATUS_LABELS: Readonly<Record<ArticleStatus, string>> = Object.freeze({
  draft: 'Brouillon',
  proposed: 'Proposé',
  published: 'Publié',
  archived: 'Archivé',
});

/** The select's choices, with what each status means. */
export const ARTICLE_STATUS_CHOICES = Object.freeze([
  { value: 'draft', label: 'Brouillon (en cours de rédaction)' },
  { value: 'proposed', label: 'Proposé (à relire avant publication)' },
  { value: 'published', label: 'Publié (en ligne à sa date de publication)' },
  { value: 'archived', label: 'Archivé (retiré du site)' },
] as const);

/** Whether the article is published with a date still to come. */
export function isScheduled(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status === 'published' && !isPublicAt(article, now);
}

/** The status as a coloured label; a published article whose date is to come reads "Programmé". */
export function ArticleStatusBadge(props: { article: Pick<Article, 'status' | 'publishedAt'>; now: Date }) {
  if (isScheduled(props.article, props.now)) return <Badge tone="scheduled">Programmé</Badge>;
  return <Badge tone={props.article.status}>{ARTICLE_STATUS_LABELS[props.article.status]}</Badge>;
}
