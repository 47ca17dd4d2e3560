import { isPublicAt } from '../../blog/article.js';
import { findArticleById, findSectionById } from '../../blog/store.js';
import type { Executor } from '../../db/database.js';
import { mediaUrl } from '../../media/media-item.js';
import { findMediaItem } from '../../media/store.js';
import { oldAddressKey } from './old-address-key.js';
import { findSpipRedirect } from './store.js';

/**
 * Where an old SPIP address (`/spip.php?article12`, `/article12.html`, `/Titre-de-l-article`,
 * `/IMG/pdf/cr.pdf`…) now lives, or undefined: one indexed lookup in the redirect table, then the
 * target's current address (an article's slug may have changed since). An article that is not
 * public (any more) does not redirect: the 404 page tells nothing about it.
 */
export async function findOldAddressRedirect(db: Executor, url: string, now: Date): Promise<string | undefined> {
  const key = oldAddressKey(url);
  if (key === undefined) return undefined;
  const redirect = await findSpipRedirect(db, key);
  if (!redirect) return undefined;
  switch (redirect.targetType) {
    case 'url': return redirect.targetUrl ?? undefined;
    case 'article': {
      const article = redirect.targetId === null ? undefined : await findArticleById(db, redirect.targetId);
      return article && isPublicAt(article, now) ? `/${article.kind === 'page' ? 'page' : 'article'}/${article.slug}` : undefined;
    }
    case 'section': {
      const section = redirect.targetId === null ? undefined : await findSectionById(db, redirect.targetId);
      return section ? `/rubrique/${section.slug}` : undefined;
    }
    case 'media': {
      const item = redirect.targetId === null ? undefined : await findMediaItem(db, redirect.targetId);
      return item ? mediaUrl(item.storageKey) : undefined;
    }
    default: return undefined;
  }
}
