/** A stored item as a list shows it (inbox, archive search): its texts, its source and its story size. */
export interface ItemSummary {
  readonly itemId: number;
  readonly title: string;
  readonly plainText: string;
  readonly link: string | null;
  readonly author: string | null;
  readonly publishedAt: string | null;
  readonly storedAt: string;
  /** The source's title, or its address when it has none. */
  readonly sourceTitle: string;
  /** How many sources told the same story (1 when alone). */
  readonly groupSize: number;
  readonly kept: boolean;
}

/**
 * The columns `toItemSummary` reads, for a query over `veille_items as i` joined to
 * `veille_sources as s` and left-joined to `veille_groups as g` (the item's id is selected apart).
 */
export const ITEM_SUMMARY_COLUMNS = Object.freeze([
  'i.title', 'i.plain_text', 'i.link', 'i.author', 'i.published_at', 'i.created_at',
  's.title as source_title', 's.url as source_url', 'g.size as group_size', 'i.kept',
] as const);

/** A row holding `ITEM_SUMMARY_COLUMNS`. */
export interface ItemSummaryRow {
  readonly title: string;
  readonly plain_text: string;
  readonly link: string | null;
  readonly author: string | null;
  readonly published_at: string | null;
  readonly created_at: string;
  readonly source_title: string;
  readonly source_url: string;
  readonly group_size: number | null;
  readonly kept: number;
}

/**
 * The summary of the item `itemId` from its row.
 *
 * @example
 * toItemSummary(12, row) // { itemId: 12, title: 'La piscine rouvre', sourceTitle: 'Le Progrès', groupSize: 1, kept: false, … }
 */
export function toItemSummary(itemId: number, r: ItemSummaryRow): ItemSummary {
  return {
    itemId, title: r.title, plainText: r.plain_text, link: r.link, author: r.author, publishedAt: r.published_at,
    storedAt: r.created_at, sourceTitle: r.source_title || r.source_url, groupSize: Math.max(1, r.group_size ?? 1), kept: r.kept !== 0,
  };
}
