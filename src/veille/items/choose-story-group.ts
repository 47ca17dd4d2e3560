import type { DialectName, Executor } from '../../db/database.js';
import { hammingDistance } from '../dedupe/hamming-distance.js';
import { SIMILAR_DISTANCE } from '../dedupe/similar-distance.js';
import type { SimHash } from '../dedupe/simhash.js';
import { simhashFromHex } from './simhash-hex.js';
import { countInGroup, createGroup, findBandCandidates, findGroupByContentHash, findGroupByLink, lockStoryGrouping } from './store.js';

/** What grouping reads of an item about to be stored. */
export interface GroupingKeys {
  readonly canonicalLink: string | undefined;
  /** Undefined for an item with no text (a title-only entry): no text means no story to share. */
  readonly contentHash: string | undefined;
  /** Undefined for texts too short to fingerprint (see `MIN_SIMHASH_WORDS`). */
  readonly simhash: SimHash | undefined;
  readonly bandKeys: readonly string[];
}

/**
 * The persistent form of `StoryGrouper`: a new item joins the group of a stored item with the same
 * canonical link, else with the same text, else of the nearest SimHash within `SIMILAR_DISTANCE`
 * bits among those sharing a band (found by index; the lowest group on a tie), else a new group.
 * The group's size counts the newcomer at once; the caller stores the item with the returned group
 * id in the same transaction, during which grouping stays locked (see `lockStoryGrouping`).
 */
export async function chooseStoryGroup(db: Executor, dialect: DialectName, item: GroupingKeys, now: Date): Promise<number> {
  await lockStoryGrouping(db, dialect);
  const groupId = (item.canonicalLink && (await findGroupByLink(db, item.canonicalLink)))
    || (item.contentHash && (await findGroupByContentHash(db, item.contentHash)))
    || (item.simhash && (await nearestGroup(db, item.simhash, item.bandKeys)))
    || (await createGroup(db, now));
  await countInGroup(db, groupId);
  return groupId;
}

async function nearestGroup(db: Executor, hash: SimHash, bandKeys: readonly string[]): Promise<number | undefined> {
  let best: { groupId: number; distance: number } | undefined;
  for (const candidate of await findBandCandidates(db, bandKeys)) {
    const distance = hammingDistance(hash, simhashFromHex(candidate.simhash));
    if (distance > SIMILAR_DISTANCE) continue;
    if (!best || distance < best.distance || (distance === best.distance && candidate.groupId < best.groupId)) {
      best = { groupId: candidate.groupId, distance };
    }
  }
  return best?.groupId;
}
