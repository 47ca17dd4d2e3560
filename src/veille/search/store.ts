import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import { ITEM_SUMMARY_COLUMNS, toItemSummary, type ItemSummary } from '../items/item-summary.js';
import type { SearchTerm } from './search-terms.js';

/** One item found by full-text search. */
export type SearchHit = ItemSummary;

/**
 * The FTS5 query of the terms: each one quoted (so nothing typed is read as an operator), all
 * required. The index folds case and accents itself (`remove_diacritics 2`).
 */
export function toFts5Query(terms: readonly SearchTerm[]): string {
  return terms.map((t) => (t.kind === 'prefix' ? `"${t.prefix}"*` : `"${t.words.join(' ')}"`)).join(' AND ');
}

/** The PostgreSQL tsquery of the terms: phrases in the French configuration, prefixes unstemmed. */
function toTsQuery(terms: readonly SearchTerm[]): RawBuilder<unknown> {
  const parts = terms.map((t) => (t.kind === 'prefix'
    ? sql`to_tsquery('simple', relais_unaccent(${t.prefix}) || ':*')`
    : sql`phraseto_tsquery('french'::regconfig, relais_unaccent(${t.words.join(' ')}))`));
  return sql.join(parts, sql` && `);
}

/**
 * The ids of stored items matching every term, newest stored first (ids grow with arrival), at
 * most `limit` after skipping `offset`. On SQLite the FTS5 index is walked backwards by rowid (the
 * item id) and stops at the page's end, so a word found in half the archive costs no more than a
 * rare one; on PostgreSQL the French GIN index gives the candidates.
 */
export async function searchItemIds(db: Db, terms: readonly SearchTerm[], limit: number, offset: number): Promise<number[]> {
  if (terms.length === 0) return [];
  if (db.dialect === 'sqlite') {
    const rows = await sql<{ id: number }>`select rowid as id from veille_items_fts where veille_items_fts match ${toFts5Query(terms)}
      order by rowid desc limit ${limit} offset ${offset}`.execute(db.kysely);
    return rows.rows.map((r) => r.id);
  }
  const rows = await sql<{ id: number }>`select id from veille_items where veille_search_document(title, plain_text) @@ (${toTsQuery(terms)})
    order by id desc limit ${limit} offset ${offset}`.execute(db.kysely);
  return rows.rows.map((r) => r.id);
}

/** The items found, in the order of `ids`, with their source and story size. */
export async function loadSearchHits(db: Db, ids: readonly number[]): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely.selectFrom('veille_items as i').innerJoin('veille_sources as s', 's.id', 'i.source_id')
    .leftJoin('veille_groups as g', 'g.id', 'i.group_id')
    .select(['i.id', ...ITEM_SUMMARY_COLUMNS])
    .where('i.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [Object.freeze(toItemSummary(r.id, r))] : [];
  });
}
