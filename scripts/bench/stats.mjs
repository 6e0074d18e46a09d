// Small numbers helpers for the bench: medians of runs, rounded for the table.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value a share `q` of `values` lie below, between the two nearest (as spreadsheets compute it). */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  return sorted[below] + (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]) * (at - below);
}

export const round = (value, digits = 1) => Number(value.toFixed(digits));

/**
 * Runs `measure(kind, run)` RUNS times for each kind, interleaved, each run starting one kind later
 * than the last (with two kinds: alternating which goes first), so a noisy machine moves all alike.
 */
export async function alternating(runs, kinds, measure) {
  for (let run = 0; run < runs; run++) {
    const first = run % kinds.length;
    for (const kind of [...kinds.slice(first), ...kinds.slice(0, first)]) await measure(kind, run);
  }
}
