import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatDateTime } from '../../i18n/format-date.js';
import type { Article, ArticleStatus } from '../../blog/article.js';
import { ARTICLE_STATUS_LABELS, ArticleStatusBadge } from '../../blog/admin-views/article-status.js';
import type { ContributionStatus } from '../../forum/contribution.js';

/** How the dashboard names a number of forum messages of each status (“1 refusé”, “3 refusés”). */
const FORUM_COUNT_LABELS: Readonly<Record<ContributionStatus, (n: number) => string>> = {
  proposed: () => 'à valider',
  published: (n) => (n > 1 ? 'publiés' : 'publié'),
  rejected: (n) => (n > 1 ? 'refusés' : 'refusé'),
  spam: () => 'classés comme spam',
};

/** The figures and lists the dashboard shows. */
export interface DashboardPageProps {
  readonly ctx: AdminContext;
  readonly counts: Readonly<Record<ArticleStatus, number>>;
  /** Forum messages per status, on every article. */
  readonly forumCounts: Readonly<Record<ContributionStatus, number>>;
  /** Whether this user moderates (the counts then lead to the queue). */
  readonly canModerate: boolean;
  readonly latest: readonly Article[];
  readonly upcoming: readonly Article[];
  readonly canEdit: boolean;
  readonly timeZone: string;
  readonly now: Date;
}

/** The back office's home, for every role: articles and forum messages per status, the latest changes, what goes online next. */
export function DashboardPage(props: DashboardPageProps) {
  const { ctx, timeZone, now } = props;
  const articleLink = (a: Article) => (props.canEdit ? <a href={`/ecrire/articles/${a.id}`}>{a.title}</a> : a.title);
  return (
    <AdminLayout ctx={ctx} title="Tableau de bord" current="/ecrire/">
      {props.canEdit ? <p><a class="button primary" href="/ecrire/articles/nouveau">Écrire un nouvel article</a></p> : null}
      <section class="panel" aria-labelledby="chiffres">
        <h2 id="chiffres">Articles par statut</h2>
        <ul class="stats">
          {(Object.entries(ARTICLE_STATUS_LABELS) as [ArticleStatus, string][]).map(([status, label]) => (
            <li><a href={`/ecrire/articles?statut=${status}`}><span class="stat-number">{props.counts[status]}</span> {label.toLowerCase()}{props.counts[status] > 1 ? 's' : ''}</a></li>
          ))}
        </ul>
      </section>
      <section class="panel" aria-labelledby="forum-chiffres">
        <h2 id="forum-chiffres">Messages du forum</h2>
        <ul class="stats">
          {(Object.entries(FORUM_COUNT_LABELS) as [ContributionStatus, (n: number) => string][]).map(([status, label]) => {
            const text = <><span class="stat-number">{props.forumCounts[status]}</span> {label(props.forumCounts[status])}</>;
            return <li>{props.canModerate ? <a href={`/ecrire/forum?statut=${status}`}>{text}</a> : text}</li>;
          })}
        </ul>
      </section>
      <section class="panel" aria-labelledby="programmes">
        <h2 id="programmes">Publications programmées</h2>
        {props.upcoming.length === 0 ? <p class="empty">Aucune publication programmée.</p> : (
          <ul>
            {props.upcoming.map((a) => <li><time datetime={a.publishedAt!}>{formatDateTime(a.publishedAt!, 'fr', timeZone)}</time> : {articleLink(a)}</li>)}
          </ul>
        )}
      </section>
      <section class="panel" aria-labelledby="derniers">
        <h2 id="derniers">Derniers articles modifiés</h2>
        {props.latest.length === 0 ? <p class="empty">Aucun article pour l’instant.</p> : (
          <ul>
            {props.latest.map((a) => (
              <li>{articleLink(a)} <ArticleStatusBadge article={a} now={now} /> <small>modifié le {formatDateTime(a.updatedAt, 'fr', timeZone)}</small></li>
            ))}
          </ul>
        )}
        <p><a href="/ecrire/articles">Tous les articles</a> · <a href="/ecrire/rubriques">Rubriques</a> · <a href="/">Voir le site</a></p>
      </section>
    </AdminLayout>
  );
}
