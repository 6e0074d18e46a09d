// Small numbers helpers for the bench: medians of runs, rounded for the table.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round = (value, digits = 1) => Number(value.toFixed(digits));

/** Runs `measure(kind, run)` RUNS times for each kind, alternating which goes first, so a noisy machine moves all alike. */
export async function alternating(runs, kinds, measure) {
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? [kinds[1], kinds[0], ...kinds.slice(2)] : kinds;
    for (const kind of order) await measure(kind, run);
  }
}
