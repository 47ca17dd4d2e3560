/**
 * How many bits are set in a 32-bit integer (the classic parallel count).
 *
 * @example
 * popCount(0b1011); // 3
 */
export function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
