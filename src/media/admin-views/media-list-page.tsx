import { AdminPager, Badge, DataTable } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { formatDateTime } from '../../i18n/format-date.js';
import { documentInfo } from '../document-resolver.js';
import { formatFileSize } from '../format-file-size.js';
import type { MediaItem, MediaKind } from '../media-item.js';
import { MediaThumbnail } from './media-thumbnail.js';
import type { VNode } from 'preact';

/** One page of the library, with its filters and view. */
export interface MediaListPageProps {
  readonly ctx: AdminContext;
  readonly items: readonly MediaItem[];
  /** Places each item is used, by id (absent: unused). */
  readonly uses: ReadonlyMap<number, number>;
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly search: string;
  readonly kind: MediaKind | '';
  readonly view: 'grille' | 'liste';
  readonly canEdit: boolean;
  readonly timeZone: string;
  readonly notice?: string;
  /** The size limits form, for administrators. */
  readonly limitsForm?: VNode;
}

const KIND_LABELS: Readonly<Record<MediaKind, string>> = Object.freeze({ image: 'Images', document: 'Documents' });

/** How an item's uses read: "Inutilisé", "1 usage", "3 usages". */
export function usesLabel(count: number): string {
  return count === 0 ? 'Inutilisé' : `${count} usage${count > 1 ? 's' : ''}`;
}

/** The media library: search in titles, alternatives and credits, filter by kind, as a grid or a list. */
export function MediaListPage(props: MediaListPageProps) {
  const { ctx } = props;
  const href = (changes: Record<string, string>) => {
    const query = new URLSearchParams({ q: props.search, type: props.kind, vue: props.view, ...changes });
    for (const [key, value] of [...query]) if (value === '' || (key === 'vue' && value === 'grille') || (key === 'page' && value === '1')) query.delete(key);
    return query.size > 0 ? `/ecrire/media?${query}` : '/ecrire/media';
  };
  const caption = `Médiathèque : ${props.total} élément${props.total > 1 ? 's' : ''}${props.pages > 1 ? `, page ${props.page} sur ${props.pages}` : ''}`;
  return (
    <AdminLayout ctx={ctx} title="Médiathèque" current="/ecrire/media" notice={props.notice}>
      {props.canEdit ? <p><a class="button primary" href="/ecrire/media/nouveau">Ajouter une image ou un document</a></p> : null}
      <form method="get" action="/ecrire/media" class="filters" role="search">
        <div class="field">
          <label for="f-q">Rechercher (titre, alternative, crédit)</label>
          <input type="search" id="f-q" name="q" value={props.search} />
        </div>
        <div class="field">
          <label for="f-type">Type</label>
          <select id="f-type" name="type">
            <option value="">Images et documents</option>
            {(Object.entries(KIND_LABELS) as [MediaKind, string][]).map(([value, label]) => <option value={value} selected={value === props.kind}>{label}</option>)}
          </select>
        </div>
        {props.view === 'liste' ? <input type="hidden" name="vue" value="liste" /> : null}
        <button type="submit" class="button">Filtrer</button>
      </form>
      <p class="view-switch">
        Affichage :{' '}
        <a href={href({ vue: 'grille', page: '1' })} aria-current={props.view === 'grille' ? 'true' : undefined}>grille</a>{' · '}
        <a href={href({ vue: 'liste', page: '1' })} aria-current={props.view === 'liste' ? 'true' : undefined}>liste</a>
      </p>
      {props.items.length === 0 ? <p class="empty">Aucun élément{props.search || props.kind ? ' pour ces critères' : ''}.</p>
        : props.view === 'grille' ? (
          <section aria-labelledby="media-grid-title">
            <h2 id="media-grid-title" class="visually-hidden">{caption}</h2>
            <ul class="media-grid">
              {props.items.map((item) => (
                <li class="media-card">
                  <MediaThumbnail item={item} />
                  <p class="media-card-title"><a href={`/ecrire/media/${item.id}`}>{item.title}</a></p>
                  <p class="media-card-facts">{item.kind === 'image' ? `${item.width} × ${item.height} px, ${formatFileSize(item.byteSize)}` : documentInfo(item)} · {usesLabel(props.uses.get(item.id) ?? 0)}</p>
                  {item.kind === 'image' ? <p class="media-card-alt">{item.decorative ? 'Image décorative' : `Alternative : ${item.alt}`}</p> : null}
                  {item.needsReview ? <p><Badge tone="proposed">Alternative à vérifier</Badge></p> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <DataTable caption={caption} columns={['Titre', 'Type', 'Alternative', 'Crédit', 'Usages', 'Ajouté le']}>
            {props.items.map((item) => (
              <tr>
                <th scope="row"><a href={`/ecrire/media/${item.id}`}>{item.title}</a></th>
                <td>{item.kind === 'image' ? `Image ${item.extension.toUpperCase()}, ${item.width} × ${item.height} px, ${formatFileSize(item.byteSize)}` : documentInfo(item)}</td>
                <td>{item.kind !== 'image' ? '—' : item.decorative ? 'Décorative' : item.alt}{item.needsReview ? <> <Badge tone="proposed">à vérifier</Badge></> : null}</td>
                <td>{item.credit || '—'}</td>
                <td>{usesLabel(props.uses.get(item.id) ?? 0)}</td>
                <td>{formatDateTime(item.createdAt, 'fr', props.timeZone)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      <AdminPager page={props.page} pages={props.pages} hasNext={props.page < props.pages} href={(page) => href({ page: String(page) })} />
      {props.limitsForm ?? null}
    </AdminLayout>
  );
}
