import { foldWords } from '../normalize/fold-words.js';
import { SimHashIndex } from './simhash-index.js';
import { simhashOfWords } from './simhash.js';

/** What the grouper reads of an item: a `NormalizedItem` with its `sameItemKey` as `key`. */
export interface GroupableItem {
  /** The item's identity (see `sameItemKey`): adding it again changes nothing. */
  readonly key: string;
  readonly canonicalLink?: string;
  readonly contentHash: string;
  readonly plainText: string;
}

/**
 * Below this many words a text's SimHash says too little (two unrelated
 * short posts can land a few bits apart): such items join a group only by
 * link or identical text.
 */
export const MIN_SIMHASH_WORDS = 20;

/**
 * Groups items that tell the same story across sources, one item at a time
 * (the in-memory form; a persistent one comes with the items table). A new
 * item joins, in this order: the group of an item with the same canonical
 * link; else of one with the same text (`contentHash`); else, for texts of
 * at least `MIN_SIMHASH_WORDS` words, the group of the nearest fingerprint
 * within `SIMILAR_DISTANCE` bits (the lowest group number on a tie); else a
 * new group. Groups are never merged afterwards, so a group keeps its number;
 * hence where near duplicates chain (A near B, B near C, A far from C) the
 * grouping may depend on arrival order, while the same link or the same text
 * groups alike in any order.
 *
 * Near duplicates are found through a `SimHashIndex` (banding), not by
 * comparing a new item with every other.
 *
 * @example
 * const grouper = new StoryGrouper();
 * const a = grouper.add({ key: 's1 guid:1', canonicalLink: 'https://ville.fr/a', contentHash: 'h1', plainText: '…' });
 * const b = grouper.add({ key: 's2 guid:9', canonicalLink: 'https://ville.fr/a', contentHash: 'h2', plainText: '…' });
 * a === b; grouper.size(a); // true, 2
 */
export class StoryGrouper {
  readonly #groupOfKey = new Map<string, number>();
  readonly #groupOfLink = new Map<string, number>();
  readonly #groupOfText = new Map<string, number>();
  readonly #fingerprints = new SimHashIndex();
  readonly #sizes: number[] = [];

  /** Adds an item (once per key) and returns the number of its group. */
  add(item: GroupableItem): number {
    const known = this.#groupOfKey.get(item.key);
    if (known !== undefined) return known;
    const words = item.plainText === '' ? [] : foldWords(item.plainText);
    const hash = words.length >= MIN_SIMHASH_WORDS ? simhashOfWords(words) : undefined;
    const sameText = item.plainText === '' ? undefined : this.#groupOfText.get(item.contentHash);
    const group =
      (item.canonicalLink === undefined ? undefined : this.#groupOfLink.get(item.canonicalLink)) ??
      sameText ??
      (hash === undefined ? undefined : this.#fingerprints.nearestGroup(hash)) ??
      this.#sizes.push(0) - 1;
    this.#groupOfKey.set(item.key, group);
    if (item.canonicalLink !== undefined && !this.#groupOfLink.has(item.canonicalLink)) {
      this.#groupOfLink.set(item.canonicalLink, group);
    }
    if (sameText === undefined && item.plainText !== '') this.#groupOfText.set(item.contentHash, group);
    // An identical text is filed already: its fingerprint would only lengthen the buckets.
    if (hash !== undefined && sameText === undefined) this.#fingerprints.add(hash, group);
    this.#sizes[group]!++;
    return group;
  }

  /** How many items a group holds (0 for a number no group has). */
  size(group: number): number {
    return this.#sizes[group] ?? 0;
  }

  /** How many groups there are. */
  get groupCount(): number {
    return this.#sizes.length;
  }
}
