import { AdminPager, DataTable } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatDateTime } from '../../i18n/format-date.js';
import type { EditorKind } from '../admin-article-form.js';
import { isPublicAt, type Article, type ArticleStatus, type Section } from '../article.js';
import { ARTICLE_STATUS_LABELS, ArticleStatusBadge } from './article-status.js';

/** One page of the back-office list, with its filters. */
export interface ArticleListPageProps {
  readonly ctx: AdminContext;
  readonly kind: EditorKind;
  readonly articles: readonly Article[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly status: ArticleStatus | undefined;
  readonly search: string;
  readonly sections: readonly Section[];
  readonly canEdit: boolean;
  readonly timeZone: string;
  readonly now: Date;
  readonly notice?: string;
}

/** The back-office list: filter by status and title, one row per article, pages of results. */
export function ArticleListPage(props: ArticleListPageProps) {
  const { ctx, kind, now } = props;
  const href = (page: number) => {
    const query = new URLSearchParams({ ...(props.status && { statut: props.status }), ...(props.search && { q: props.search }), ...(page > 1 && { page: String(page) }) });
    return query.size > 0 ? `${kind.base}?${query}` : kind.base;
  };
  const sectionTitle = (id: number | null) => props.sections.find((s) => s.id === id)?.title ?? '—';
  return (
    <AdminLayout ctx={ctx} title={kind.listTitle} current={kind.base} notice={props.notice}>
      {props.canEdit && kind.full ? <p><a class="button primary" href={`${kind.base}/nouveau`}>Écrire un nouvel article</a></p> : null}
      {kind.full ? (
        <form method="get" action={kind.base} class="filters" role="search">
          <div class="field">
            <label for="f-q">Rechercher dans les titres</label>
            <input type="search" id="f-q" name="q" value={props.search} />
          </div>
          <div class="field">
            <label for="f-statut">Statut</label>
            <select id="f-statut" name="statut">
              <option value="">Tous les statuts</option>
              {(Object.entries(ARTICLE_STATUS_LABELS) as [ArticleStatus, string][]).map(([value, label]) => (
                <option value={value} selected={value === props.status}>{label}</option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">Filtrer</button>
        </form>
      ) : null}
      {props.articles.length === 0 ? <p class="empty">Aucun résultat{props.search || props.status ? ' pour ces critères' : ''}.</p> : (
        <DataTable caption={`${kind.listTitle} : ${props.total} résultat${props.total > 1 ? 's' : ''}${props.pages > 1 ? `, page ${props.page} sur ${props.pages}` : ''}`}
          columns={['Titre', 'Statut', kind.full ? 'Rubrique' : null, 'Publication', 'Dernière modification']}>
            {props.articles.map((article) => (
              <tr>
                <th scope="row">
                  {props.canEdit ? <a href={`${kind.base}/${article.id}`}>{article.title}</a> : article.title}
                  {isPublicAt(article, now) ? <> <a class="public-link" href={`${kind.publicBase}/${article.slug}`}>(voir sur le site<span class="visually-hidden"> : {article.title}</span>)</a></> : null}
                </th>
                <td><ArticleStatusBadge article={article} now={now} /></td>
                {kind.full ? <td>{sectionTitle(article.sectionId)}</td> : null}
                <td>{article.publishedAt ? formatDateTime(article.publishedAt, 'fr', props.timeZone) : '—'}</td>
                <td>{formatDateTime(article.updatedAt, 'fr', props.timeZone)}</td>
              </tr>
            ))}
        </DataTable>
      )}
      <AdminPager page={props.page} pages={props.pages} hasNext={props.page < props.pages} href={href} />
    </AdminLayout>
  );
}
