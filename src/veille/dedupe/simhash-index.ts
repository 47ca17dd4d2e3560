import { popCount } from './pop-count.js';
import { SIMILAR_DISTANCE } from './similar-distance.js';
import { simhashBands } from './simhash-bands.js';
import type { SimHash } from './simhash.js';

/**
 * An in-memory index of SimHashes, each with the group it belongs to, that
 * finds the nearest fingerprint within `SIMILAR_DISTANCE` bits without
 * scanning them all: each fingerprint is filed under each of its band values
 * (see `simhashBands`), and a query compares only the fingerprints sharing a
 * band with it. Fingerprints live in flat typed arrays and buckets hold their
 * positions, so a comparison reads two numbers, not an object.
 *
 * @example
 * const index = new SimHashIndex();
 * index.add(simhash(article), 0);
 * index.nearestGroup(simhash(rewrittenArticle)); // 0
 */
export class SimHashIndex {
  #highs = new Uint32Array(1024);
  #lows = new Uint32Array(1024);
  #groups = new Int32Array(1024);
  #count = 0;
  readonly #buckets: Map<number, number[]>[] = [];

  /** Files a fingerprint as a member of `group`. */
  add(hash: SimHash, group: number): void {
    if (this.#count === this.#highs.length) this.#grow();
    const position = this.#count++;
    this.#highs[position] = hash.high;
    this.#lows[position] = hash.low;
    this.#groups[position] = group;
    simhashBands(hash).forEach((band, index) => {
      const buckets = (this.#buckets[index] ??= new Map());
      const bucket = buckets.get(band);
      if (bucket === undefined) buckets.set(band, [position]);
      else bucket.push(position);
    });
  }

  /** The group of the nearest fingerprint within `SIMILAR_DISTANCE` bits (the lowest group on a tie), if any. */
  nearestGroup(hash: SimHash): number | undefined {
    let bestDistance = SIMILAR_DISTANCE + 1;
    let bestGroup: number | undefined;
    simhashBands(hash).forEach((band, index) => {
      for (const position of this.#buckets[index]?.get(band) ?? []) {
        const distance = popCount(hash.high ^ this.#highs[position]!) + popCount(hash.low ^ this.#lows[position]!);
        const group = this.#groups[position]!;
        if (distance < bestDistance || (distance === bestDistance && group < bestGroup!)) {
          bestDistance = distance;
          bestGroup = group;
        }
      }
    });
    return bestGroup;
  }

  #grow(): void {
    const size = this.#highs.length * 2;
    const highs = new Uint32Array(size);
    const lows = new Uint32Array(size);
    const groups = new Int32Array(size);
    highs.set(this.#highs);
    lows.set(this.#lows);
    groups.set(this.#groups);
    [this.#highs, this.#lows, this.#groups] = [highs, lows, groups];
  }
}
