import type { Executor } from '../../db/database.js';
import type { VeilleSourceKind } from '../../db/schema.js';

/** An alert as its e-mail and webhook tell it: the watch, the story's first item and its source. */
export interface AlertView {
  readonly alertId: number;
  readonly watch: { readonly id: number; readonly name: string; readonly query: string };
  readonly groupId: number;
  readonly sourcesCount: number;
  readonly firstMatchedAt: string;
  readonly item: {
    readonly id: number;
    readonly title: string;
    readonly link: string | null;
    readonly author: string | null;
    readonly publishedAt: string | null;
    readonly text: string;
  };
  readonly source: { readonly id: number; readonly title: string; readonly url: string; readonly siteLink: string | null; readonly kind: VeilleSourceKind };
}

/** One alert with what its messages say; undefined when it, or the item it was about, is gone. */
export async function findAlertView(db: Executor, alertId: number): Promise<AlertView | undefined> {
  const r = await db.selectFrom('veille_alerts as a')
    .innerJoin('veille_watches as w', 'w.id', 'a.watch_id')
    .innerJoin('veille_items as i', 'i.id', 'a.first_item_id')
    .innerJoin('veille_sources as s', 's.id', 'i.source_id')
    .select([
      'a.id', 'a.group_id', 'a.sources_count', 'a.first_matched_at', 'w.id as watch_id', 'w.name as watch_name', 'w.query',
      'i.id as item_id', 'i.title', 'i.link', 'i.author', 'i.published_at', 'i.plain_text',
      's.id as source_id', 's.title as source_title', 's.url as source_url', 's.site_link', 's.kind',
    ])
    .where('a.id', '=', alertId).executeTakeFirst();
  if (!r) return undefined;
  return Object.freeze({
    alertId: r.id, watch: Object.freeze({ id: r.watch_id, name: r.watch_name, query: r.query }), groupId: r.group_id, sourcesCount: r.sources_count,
    firstMatchedAt: r.first_matched_at,
    item: Object.freeze({ id: r.item_id, title: r.title, link: r.link, author: r.author, publishedAt: r.published_at, text: r.plain_text }),
    source: Object.freeze({ id: r.source_id, title: r.source_title, url: r.source_url, siteLink: r.site_link, kind: r.kind }),
  });
}

/** A story of a watch's day, for its digest. */
export interface DigestEntry {
  readonly alertId: number;
  readonly title: string;
  readonly link: string | null;
  readonly sourceTitle: string;
  readonly sourcesCount: number;
  /** Opened before the period (an older story that new sources picked up). */
  readonly continued: boolean;
}

/** The stories of a watch with items matched in (since, until], the most told first. */
export async function listDigestEntries(db: Executor, watchId: number, since: Date, until: Date): Promise<DigestEntry[]> {
  const rows = await db.selectFrom('veille_alerts as a')
    .leftJoin('veille_items as i', 'i.id', 'a.first_item_id')
    .leftJoin('veille_sources as s', 's.id', 'i.source_id')
    .select(['a.id', 'a.sources_count', 'a.first_matched_at', 'i.title', 'i.link', 's.title as source_title'])
    .where('a.watch_id', '=', watchId).where('a.last_matched_at', '>', since.toISOString()).where('a.last_matched_at', '<=', until.toISOString())
    .orderBy('a.sources_count', 'desc').orderBy('a.id').execute();
  return rows.map((r) => Object.freeze({
    alertId: r.id, title: r.title ?? '(élément supprimé)', link: r.link, sourceTitle: r.source_title ?? '', sourcesCount: r.sources_count,
    continued: r.first_matched_at <= since.toISOString(),
  }));
}
