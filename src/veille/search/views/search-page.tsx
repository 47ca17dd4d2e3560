import { AdminPager } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import { formatDateTime } from '../../../i18n/format-date.js';
import { VeilleNav } from '../../inbox/views/inbox-page.js';
import type { SearchPage as Results } from '../search-archive.js';

/** One hit as shown: its title and excerpt highlighted (escaped HTML with `<mark>`). */
export interface ShownHit {
  readonly hit: Results['hits'][number];
  readonly titleHtml: string;
  readonly excerptHtml: string;
}

/** The archive search: a search box, then the results newest first, 50 per page. */
export function SearchPage(props: { ctx: AdminContext; text: string; results?: Results; shown: readonly ShownHit[]; timeZone: string }) {
  const { ctx, text, results } = props;
  const href = (page: number) => `/ecrire/veille/recherche?q=${encodeURIComponent(text)}${page > 1 ? `&page=${page}` : ''}`;
  return (
    <AdminLayout ctx={ctx} title="Rechercher dans la veille" current="/ecrire/veille/sources">
      <VeilleNav ctx={ctx} />
      <form method="get" action="/ecrire/veille/recherche" role="search" class="search-form">
        <label for="f-q">Mots à chercher dans les éléments reçus</label>
        <p class="hint" id="f-q-hint">Tous les mots sont cherchés, sans tenir compte des accents ni des majuscules ; "entre guillemets" pour une expression, festiv* pour un début de mot.</p>
        <input type="search" id="f-q" name="q" value={text} aria-describedby="f-q-hint" maxLength={500} />{' '}
        <button type="submit" class="button primary">Rechercher</button>
      </form>
      {results === undefined ? null : !results.searched ? <p>Écrivez au moins un mot à chercher.</p> : props.shown.length === 0 ? <p>Aucun élément ne contient ces mots.</p> : (
        <>
          <h2>Résultats, du plus récent au plus ancien</h2>
          <ol class="inbox-list search-results">
            {props.shown.map(({ hit, titleHtml, excerptHtml }) => (
              <li class="inbox-entry">
                <h3 class="inbox-title">{hit.link ? <a href={hit.link} rel="noopener noreferrer" dangerouslySetInnerHTML={{ __html: titleHtml }} /> : <span dangerouslySetInnerHTML={{ __html: titleHtml }} />}</h3>
                <p class="inbox-meta">
                  {hit.sourceTitle}{hit.author ? ` · ${hit.author}` : ''} · <time datetime={hit.publishedAt ?? hit.storedAt}>{formatDateTime(hit.publishedAt ?? hit.storedAt, 'fr', props.timeZone)}</time>
                  {hit.groupSize > 1 ? ` · vu sur ${hit.groupSize} sources` : ''}{hit.kept ? ' · conservé' : ''}
                </p>
                <p class="inbox-excerpt" dangerouslySetInnerHTML={{ __html: excerptHtml }} />
              </li>
            ))}
          </ol>
          <AdminPager page={results.page} hasNext={results.hasNext} href={href} />
        </>
      )}
    </AdminLayout>
  );
}
