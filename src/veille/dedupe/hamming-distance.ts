import { popCount } from './pop-count.js';
import type { SimHash } from './simhash.js';

/**
 * How many of the 64 bits differ between two SimHashes.
 *
 * @example
 * hammingDistance({ high: 0, low: 0b1011 }, { high: 0, low: 0 }); // 3
 */
export function hammingDistance(a: SimHash, b: SimHash): number {
  return popCount(a.high ^ b.high) + popCount(a.low ^ b.low);
}
