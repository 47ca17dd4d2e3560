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

/** Set bits of a 32-bit integer (the classic parallel count). */
function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
