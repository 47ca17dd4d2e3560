import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { RelayVariantState, RelayVariantsTable } from '../../db/schema.js';

/** A variant as stored. */
export type VariantRow = Selectable<RelayVariantsTable>;

/** A variant and the page it goes to. */
export type VariantWithPage = VariantRow & { readonly page_name: string; readonly page_network: string };

/** A new draft. */
export interface NewVariant {
  readonly pageId: number;
  readonly articleId: number | null;
  readonly text: string;
  readonly link: string | null;
  readonly linkTitle: string | null;
  readonly linkDescription: string | null;
  readonly idempotencyKey: string;
  readonly createdBy: number | null;
  readonly scheduledAt?: string | null;
  /** Images of the media library to attach (the article's main illustration). */
  readonly mediaIds?: readonly number[];
}

/** Stores drafts, in the given order; returns them with their ids. */
export async function insertVariants(db: Executor, variants: readonly NewVariant[], now: Date): Promise<VariantRow[]> {
  if (variants.length === 0) return [];
  const at = now.toISOString();
  return db.insertInto('relay_variants').values(variants.map((v) => ({
    page_id: v.pageId, article_id: v.articleId, text: v.text, link: v.link, link_title: v.linkTitle, link_description: v.linkDescription,
    media_ids: JSON.stringify(v.mediaIds ?? []), scheduled_at: v.scheduledAt ?? null, state: 'draft' as const, idempotency_key: v.idempotencyKey,
    attempts: 0, unknown_outcome: 0, check_first: 0, created_by: v.createdBy, created_at: at, updated_at: at,
  }))).returningAll().execute().then((rows) => rows.sort((a, b) => a.id - b.id));
}

function withPage(db: Executor) {
  return db.selectFrom('relay_variants').innerJoin('relay_pages', 'relay_pages.id', 'relay_variants.page_id')
    .selectAll('relay_variants').select(['relay_pages.name as page_name', 'relay_pages.network as page_network']);
}

/** One variant with its page's name and network. */
export async function getVariant(db: Executor, id: number): Promise<VariantWithPage | undefined> {
  return withPage(db).where('relay_variants.id', '=', id).executeTakeFirst();
}

/** Filters of the variants list. */
export interface VariantFilter {
  readonly states?: readonly RelayVariantState[];
  readonly pageId?: number;
  readonly articleId?: number;
  /** Variants due or scheduled in [from, to) (by scheduled date, else approval or creation). */
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
}

/** Variants with their page, newest first (or in time order for a date range). */
export async function listVariants(db: Executor, filter: VariantFilter = {}): Promise<VariantWithPage[]> {
  const when = 'relay_variants.next_attempt_at' as const;
  let query = withPage(db);
  if (filter.states) query = query.where('relay_variants.state', 'in', filter.states);
  if (filter.pageId !== undefined) query = query.where('relay_variants.page_id', '=', filter.pageId);
  if (filter.articleId !== undefined) query = query.where('relay_variants.article_id', '=', filter.articleId);
  if (filter.from !== undefined || filter.to !== undefined) {
    // The calendar shows a variant at its publication, else its due moment, else its chosen time.
    query = query.where((eb) => {
      const at = eb.fn.coalesce('relay_variants.published_at', when, 'relay_variants.scheduled_at');
      return eb.and([
        ...(filter.from !== undefined ? [eb(at, '>=', filter.from)] : []),
        ...(filter.to !== undefined ? [eb(at, '<', filter.to)] : []),
      ]);
    }).orderBy((eb) => eb.fn.coalesce('relay_variants.published_at', when, 'relay_variants.scheduled_at'));
  } else {
    query = query.orderBy('relay_variants.id', 'desc');
  }
  return query.limit(filter.limit ?? 500).execute();
}

/**
 * Changes a variant's text (and its chosen time) while it is still being prepared; false when
 * it has moved on (approved, published…) in the meantime.
 */
export async function updateVariantDraft(db: Executor, id: number, change: { readonly text: string; readonly scheduledAt: string | null }, now: Date): Promise<boolean> {
  const result = await db.updateTable('relay_variants')
    .set({ text: change.text, scheduled_at: change.scheduledAt, updated_at: now.toISOString() })
    .where('id', '=', id).where('state', 'in', ['draft', 'submitted'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Moves a variant from one of `from` to `to` with the given fields, in one statement: two
 * people acting at once cannot both succeed. Returns the row after, or undefined when the
 * variant was not in one of `from`.
 */
export async function transitionVariant(
  db: Executor,
  id: number,
  from: readonly RelayVariantState[],
  to: RelayVariantState,
  fields: Partial<Pick<VariantRow, 'approved_by' | 'approved_at' | 'next_attempt_at' | 'scheduled_at' | 'failure_reason'>>,
  now: Date,
): Promise<VariantRow | undefined> {
  return db.updateTable('relay_variants')
    .set({ ...fields, state: to, updated_at: now.toISOString() })
    .where('id', '=', id).where('state', 'in', from)
    .returningAll().executeTakeFirst();
}

/** Deletes a variant not yet sent; false when it is publishing or published. */
export async function deleteVariant(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('relay_variants').where('id', '=', id)
    .where('state', 'in', ['draft', 'submitted', 'approved', 'scheduled', 'failed']).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The attempts log of a variant, oldest first. */
export async function listAttempts(db: Executor, variantId: number) {
  return db.selectFrom('relay_attempts').selectAll().where('variant_id', '=', variantId).orderBy('id').execute();
}
