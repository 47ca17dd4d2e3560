/** Cumulative Zipf weights (rank r drawn with probability ∝ 1/r), as real word frequencies go. */
export function zipfCumulative(size: number): Float64Array {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1);
  for (let r = 0; r < size; r++) cumulative[r]! /= total;
  return cumulative;
}

/** A rank drawn from `zipfCumulative`'s weights. */
export function drawRank(cumulative: Float64Array, random: () => number): number {
  const x = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
