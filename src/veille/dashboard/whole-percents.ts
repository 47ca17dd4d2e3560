/**
 * Each value's share of their sum in whole percents that add up to exactly 100 (largest
 * remainder: the rounding error goes to the shares closest to the next percent).
 *
 * @example
 * wholePercents([2, 1]);    // [67, 33]
 * wholePercents([1, 1, 1]); // [34, 33, 33], where rounding each would give 99
 */
export function wholePercents(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v * 100) / total);
  const shares = exact.map(Math.floor);
  let missing = 100 - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    shares[i]! += 1;
    missing -= 1;
  }
  return shares;
}
