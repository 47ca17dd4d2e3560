import type { DialectName, Executor } from '../../db/database.js';
import { hammingDistance } from '../dedupe/hamming-distance.js';
import { SIMILAR_DISTANCE } from '../dedupe/similar-distance.js';
import type { SimHash } from '../dedupe/simhash.js';
import { simhashFromHex } from './simhash-hex.js';
import { createGroup, findBandCandidates, findGroupByContentHash, findGroupByLink, joinGroup, lockStoryGrouping } from './store.js';

/** What grouping reads of a newly stored item. */
export interface GroupingKeys {
  readonly itemId: number;
  readonly canonicalLink: string | undefined;
  readonly contentHash: string;
  /** Undefined for texts too short to fingerprint (see `MIN_SIMHASH_WORDS`). */
  readonly simhash: SimHash | undefined;
  readonly bandKeys: readonly string[];
}

/**
 * The persistent form of `StoryGrouper`: a new item joins the group of a stored item with the same
 * canonical link, else with the same text, else of the nearest SimHash within `SIMILAR_DISTANCE`
 * bits among those sharing a band (found by index; the lowest group on a tie), else a new group.
 * The group's size counts it. Returns the group's id. Run inside a transaction: grouping is
 * locked until it ends (see `lockStoryGrouping`).
 */
export async function assignStoryGroup(db: Executor, dialect: DialectName, item: GroupingKeys, now: Date): Promise<number> {
  await lockStoryGrouping(db, dialect);
  const groupId = (item.canonicalLink && (await findGroupByLink(db, item.canonicalLink)))
    || (await findGroupByContentHash(db, item.contentHash))
    || (item.simhash && (await nearestGroup(db, item.simhash, item.bandKeys)))
    || (await createGroup(db, now));
  await joinGroup(db, item.itemId, groupId);
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
