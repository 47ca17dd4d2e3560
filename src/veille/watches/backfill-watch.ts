import type { Db } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { createWatchIndex } from '../match/create-watch-index.js';
import { parseWatchQuery } from '../match/parse-watch-query.js';
import { insertMatches, readArchivePage, type MatchToRecord } from './match-store.js';
import { getWatch, watchScope, type WatchRow } from './store.js';
import { toMatchableItem } from './to-matchable-item.js';
import { coversSource } from './watch-scope.js';

/** How a back-fill runs: items read per page, and how many to go through before answering. */
export interface BackfillOptions {
  readonly pageSize?: number;
  /** Past this many items (newest first), the rest of the archive is gone through in the background. */
  readonly waitForItems?: number;
}

/** What a back-fill did before answering; `rest` settles with the matches the background part recorded. */
export interface BackfillResult {
  readonly recorded: number;
  readonly complete: boolean;
  readonly rest?: Promise<number>;
}

/**
 * Matches a watch over the stored archive, newest items first, recording what it finds as
 * back-filled matches (never published to the notifier: they never alert). With `waitForItems`,
 * answers once that many items are done — the newest, those the inbox shows first — and goes on
 * in the background, stopping if the watch is changed or deleted meanwhile.
 */
export async function backfillWatch(
  deps: { readonly db: Db; readonly now: () => Date; readonly logger?: Pick<Logger, 'warn'> },
  watch: WatchRow, options: BackfillOptions = {},
): Promise<BackfillResult> {
  const { db, now } = deps;
  const pageSize = options.pageSize ?? 1000;
  const index = createWatchIndex();
  index.set(watch.id, parseWatchQuery(watch.query));
  const scope = watchScope(watch);
  let beforeId: number | undefined;

  /** One page; undefined when the archive is done. */
  async function nextPage(): Promise<{ items: number; recorded: number } | undefined> {
    const page = await readArchivePage(db.kysely, beforeId, pageSize);
    if (page.length === 0) return undefined;
    const found: MatchToRecord[] = page
      .filter((item) => coversSource(scope, { id: item.sourceId, kind: item.sourceKind }) && index.match(toMatchableItem(item)).length > 0)
      .map((item) => ({ watchId: watch.id, itemId: item.id, groupId: item.groupId }));
    beforeId = page[page.length - 1]!.id;
    return { items: page.length, recorded: (await insertMatches(db.kysely, found, true, now())).length };
  }

  let recorded = 0;
  let items = 0;
  for (;;) {
    const done = await nextPage();
    if (!done) return { recorded, complete: true };
    recorded += done.recorded;
    items += done.items;
    if (done.items < pageSize) return { recorded, complete: true };
    if (options.waitForItems !== undefined && items >= options.waitForItems) break;
  }
  const rest = (async () => {
    let more = 0;
    for (;;) {
      const current = await getWatch(db.kysely, watch.id);
      if (!current || current.updated_at !== watch.updated_at) return more;
      const done = await nextPage();
      if (!done) return more;
      more += done.recorded;
    }
  })().catch((error: unknown) => {
    deps.logger?.warn({ err: error, watchId: watch.id }, 'veille.backfill.failed');
    return 0;
  });
  return { recorded, complete: false, rest };
}
