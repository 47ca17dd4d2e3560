import type { PublicContext } from '../../http/layout.js';

/** Previous / next links with "Page 2 sur 5"; nothing when everything fits on one page. */
export function Pagination(props: { ctx: PublicContext; page: number; pages: number; baseUrl: string }) {
  const { ctx, page, pages, baseUrl } = props;
  if (pages <= 1) return null;
  const href = (n: number) => (n === 1 ? baseUrl : `${baseUrl}?page=${n}`);
  return (
    <nav class="pagination" aria-label={ctx.t('site.pagination')}>
      {page > 1 ? <a rel="prev" href={href(page - 1)}>{ctx.t('site.previous')}</a> : null}
      <span aria-current="page">{ctx.t('site.pageOf', { page, pages })}</span>
      {page < pages ? <a rel="next" href={href(page + 1)}>{ctx.t('site.next')}</a> : null}
    </nav>
  );
}
