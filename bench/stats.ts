/** The median of a list of numbers (benchmarks report medians: machines here are shared and noisy). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A number with a fixed count of decimals, French style. */
export function fmt(value: number, decimals = 2): string {
  return value.toLocaleString('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The median over rounds of `top[round] / bottom[round]`: a burst of load skews one round, not the figure. */
export function medianRatio(top: readonly number[], bottom: readonly number[]): number {
  return median(top.map((value, round) => value / (bottom[round] ?? Number.NaN)));
}

/** CPU milliseconds (user + system, steadier than wall time on a shared machine) since `process.cpuUsage()` gave `start`. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
