import type { SimHash } from '../dedupe/simhash.js';

/**
 * A SimHash as 16 hex digits (high half first), as stored in `veille_items.simhash`, and back.
 *
 * @example
 * simhashToHex({ high: 1, low: 255 }); // '00000001000000ff'
 */
export function simhashToHex(hash: SimHash): string {
  return hash.high.toString(16).padStart(8, '0') + hash.low.toString(16).padStart(8, '0');
}

/** The SimHash of 16 stored hex digits. */
export function simhashFromHex(hex: string): SimHash {
  return { high: Number.parseInt(hex.slice(0, 8), 16), low: Number.parseInt(hex.slice(8, 16), 16) };
}
