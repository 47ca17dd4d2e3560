import type { Db } from '../../db/database.js';
import { NotFoundError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { MatchNotifier } from './match-notifier.js';
import { backfillWatch, type BackfillOptions } from './backfill-watch.js';
import { deleteUntouchedMatches, insertMatches, loadItemsToMatch } from './match-store.js';
import { checkWatchFields } from './schema.js';
import { deleteWatch, getWatch, insertWatch, setWatchOwners, updateWatch, watchScope, type WatchRow } from './store.js';
import { createWatchMatcher, type WatchMatcher } from './watch-matcher.js';
import { sameScope, type WatchScope } from './watch-scope.js';

/** A watch as a user submits it (checked by `checkWatchFields`). */
export interface WatchInput {
  readonly name: string;
  readonly query: string;
  readonly scope?: WatchScope;
  /** The people its alerts go to; on creation, its creator when absent; on change, unchanged when absent. */
  readonly ownerIds?: readonly number[];
}

/** What saving a watch did: the watch, and how many archived items back-fill put in its inbox. */
export interface SavedWatch {
  readonly watch: WatchRow;
  /** Matches back-fill recorded before answering. */
  readonly backfilled: number;
  /** False when the older part of the archive is still being gone through in the background. */
  readonly backfillComplete: boolean;
  /** Settles with the matches the background part recorded. */
  readonly backfillRest?: Promise<number>;
}

/** Watches: saved with their query checked, matched against each new item, back-filled over the archive. */
export interface WatchService {
  /** Creates a watch (throws `WatchInputError`), then matches it over the stored archive. */
  create(input: WatchInput, createdBy: number | null, options?: BackfillOptions): Promise<SavedWatch>;
  /** Changes a watch; a new query or scope is matched again over the archive (triaged matches stay). */
  update(id: number, input: WatchInput, options?: BackfillOptions): Promise<SavedWatch>;
  /** Deletes a watch with its inbox. */
  remove(id: number): Promise<void>;
  /**
   * Matches newly stored items against every watch (the index reloaded first if a watch changed,
   * in this process or another), records the matches and publishes them on the notifier
   * (polling's `onItemsStored`).
   */
  matchNewItems(itemIds: readonly number[]): Promise<void>;
}

/** What the watch service needs, wired in `main.ts`. */
export interface WatchServiceDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly notifier: MatchNotifier;
  readonly logger?: Pick<Logger, 'warn'>;
  /** Shared by every caller in the process; one is made when absent. */
  readonly matcher?: WatchMatcher;
}

/** The watch service. */
export function createWatchService(deps: WatchServiceDeps): WatchService {
  const { db, now, notifier } = deps;
  const matcher = deps.matcher ?? createWatchMatcher(db.kysely, deps.logger);

  const backfill = (watch: WatchRow, options: BackfillOptions) => backfillWatch(deps, watch, options);

  return {
    async create(input, createdBy, options = {}) {
      const fields = checkWatchFields(input);
      const watch = await db.kysely.transaction().execute(async (trx) => {
        const saved = await insertWatch(trx, fields, createdBy, now());
        if (input.ownerIds) await setWatchOwners(trx, saved.id, input.ownerIds);
        return saved;
      });
      const done = await backfill(watch, options);
      return { watch, backfilled: done.recorded, backfillComplete: done.complete, ...(done.rest ? { backfillRest: done.rest } : {}) };
    },
    async update(id, input, options = {}) {
      const fields = checkWatchFields(input);
      const before = await getWatch(db.kysely, id);
      if (!before) throw new NotFoundError('veille');
      // A new query or scope is matched again over the archive; what nobody touched of the old one goes.
      const rematch = fields.query !== before.query || !sameScope(fields.scope, watchScope(before));
      const watch = await db.kysely.transaction().execute(async (trx) => {
        const saved = await updateWatch(trx, id, fields, now());
        if (!saved) throw new NotFoundError('veille');
        if (rematch) await deleteUntouchedMatches(trx, id);
        if (input.ownerIds) await setWatchOwners(trx, id, input.ownerIds);
        return saved;
      });
      if (!rematch) return { watch, backfilled: 0, backfillComplete: true };
      const done = await backfill(watch, options);
      return { watch, backfilled: done.recorded, backfillComplete: done.complete, ...(done.rest ? { backfillRest: done.rest } : {}) };
    },
    async remove(id) {
      if (!(await deleteWatch(db.kysely, id))) throw new NotFoundError('veille');
    },
    async matchNewItems(itemIds) {
      await matcher.sync();
      if (matcher.size === 0) return;
      const found = matcher.match(await loadItemsToMatch(db.kysely, itemIds));
      await notifier.publish(await insertMatches(db.kysely, found, false, now()));
    },
  };
}
