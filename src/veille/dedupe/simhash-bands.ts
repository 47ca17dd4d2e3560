import { SIMILAR_DISTANCE } from './similar-distance.js';
import type { SimHash } from './simhash.js';

/**
 * Splits the 64 bits into `SIMILAR_DISTANCE + 1` bands of nearly equal width
 * (here seven: one of 10 bits, six of 9). Two fingerprints at most
 * `SIMILAR_DISTANCE` bits apart have a differing bit in at most that many
 * bands, so at least one band is equal in both (pigeonhole): looking up each
 * band of a new fingerprint finds every candidate, and only those.
 */
const BAND_WIDTHS: readonly number[] = (() => {
  const count = SIMILAR_DISTANCE + 1;
  return Array.from({ length: count }, (_, band) => Math.floor(64 / count) + (band < 64 % count ? 1 : 0));
})();

/** How many bands `simhashBands` returns. */
export const BAND_COUNT = BAND_WIDTHS.length;

/**
 * The value of each band of a SimHash, bit 0 being the low half's lowest.
 * Used as bucket keys by the near-duplicate index (locality-sensitive hashing).
 *
 * @example
 * simhashBands({ high: 0, low: 0b11 }); // [3, 0, 0, 0, 0, 0, 0]
 */
export function simhashBands(hash: SimHash): number[] {
  const bands: number[] = [];
  let start = 0;
  for (const width of BAND_WIDTHS) {
    bands.push(bitsAt(hash, start, width));
    start += width;
  }
  return bands;
}

/** `width` (< 32) bits of the 64 starting at `start`. */
function bitsAt(hash: SimHash, start: number, width: number): number {
  const mask = (1 << width) - 1;
  if (start >= 32) return (hash.high >>> (start - 32)) & mask;
  if (start + width <= 32) return (hash.low >>> start) & mask;
  const lowWidth = 32 - start;
  return ((hash.low >>> start) | (hash.high << lowWidth)) & mask;
}
