/** A value axis: its top and the values where grid lines go, from 0. */
export interface ValueScale {
  readonly max: number;
  readonly ticks: readonly number[];
}

/**
 * A round axis above `highest` with about `count` steps of 1, 2 or 5 × 10ⁿ (whole numbers: the
 * charts count items).
 *
 * @example
 * valueScale(37); // { max: 40, ticks: [0, 10, 20, 30, 40] }
 * valueScale(0);  // { max: 1, ticks: [0, 1] }
 */
export function valueScale(highest: number, count = 4): ValueScale {
  if (!(highest > 0)) return Object.freeze({ max: 1, ticks: Object.freeze([0, 1]) });
  const rough = highest / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const max = Math.ceil(highest / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return Object.freeze({ max, ticks: Object.freeze(ticks) });
}

/** Colours told apart by most colour-blind readers, each ≥ 4.5:1 on white; series also differ by dash. */
export const SERIES_COLOURS: readonly string[] = Object.freeze(['#1f5fa8', '#b3261e', '#2e7d32', '#8a4f00', '#6a1b9a', '#00695c', '#4a4a4a', '#ad1457']);

/** Line dashes, paired with the colours so a printout in grey still separates the lines. */
export const SERIES_DASHES: readonly string[] = Object.freeze(['', '6 3', '2 3', '8 3 2 3', '12 4', '4 2 1 2', '1 4', '10 2']);

/** One named series of values, in the order of the chart's categories. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
}
