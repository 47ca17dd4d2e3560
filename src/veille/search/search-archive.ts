import type { Db } from '../../db/database.js';
import { searchTerms } from './search-terms.js';
import { loadSearchHits, searchItemIds, type SearchHit } from './store.js';

/** Results per page of the search screen. */
export const SEARCH_PAGE_SIZE = 50;

/** One page of results. */
export interface SearchPage {
  readonly hits: readonly SearchHit[];
  readonly page: number;
  readonly hasNext: boolean;
  /** False when the text held no word to look for. */
  readonly searched: boolean;
}

/**
 * Full-text search over the stored items (title and text), newest first, `SEARCH_PAGE_SIZE` per
 * page; every word is required, accents and case do not matter (see `searchTerms`).
 *
 * @example
 * await searchArchive(db, 'budget "conseil municipal"', 1);
 */
export async function searchArchive(db: Db, text: string, page: number, pageSize = SEARCH_PAGE_SIZE): Promise<SearchPage> {
  const terms = searchTerms(text);
  if (terms.length === 0) return { hits: [], page, hasNext: false, searched: false };
  const ids = await searchItemIds(db, terms, pageSize + 1, (page - 1) * pageSize);
  return { hits: await loadSearchHits(db, ids.slice(0, pageSize)), page, hasNext: ids.length > pageSize, searched: true };
}
