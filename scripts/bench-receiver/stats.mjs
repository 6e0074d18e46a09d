// Summaries of one run and of several.

/** Nearest-rank percentile: a latency some request really had, not an interpolation. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * One run's figures. The rate counts submissions answered 201 (and, for the receivers, found
 * stored afterwards): a failed request makes the run slower, never faster. Requests left unsent
 * when the run's time cap came are not errors; `sent` says how many the figures rest on.
 */
export function summarizeRun(load) {
  const sorted = Float64Array.from(load.latencies).sort();
  return {
    perSecond: load.created / load.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    seconds: load.seconds,
    created: load.created,
    sent: load.sent,
    unsent: load.unsent,
    errors: load.sent - load.created,
    statuses: load.statuses,
  };
}

/** The median run of each figure, and every error of every run added up. */
export function summarizeRuns(runs) {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    sentPerRun: median(runs.map((r) => r.sent)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    storeMismatches: runs.filter((r) => r.stored !== undefined && r.stored !== r.createdTotal).length,
  };
}
