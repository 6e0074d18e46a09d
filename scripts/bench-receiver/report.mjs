// The table, on stdout and in bench/receiver-results.json.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

const TARGET = {perSecond: 1000, p99: 50};
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits}) : '—');

/** Rows as the README shows them: what was stored per second, how long a supporter waited, and how close to bare HTTP. */
export function tableRows(rows) {
  const floor = rows.find((r) => r.target === 'floor');
  return rows.map((r) => ({
    ...r,
    ratioToFloor: floor && Number.isFinite(floor.perSecond) && r.perSecond ? r.perSecond / floor.perSecond : null,
  }));
}

export function markdownTable(rows) {
  const lines = [
    '| Target | Stored submissions/s | p50 (ms) | p99 (ms) | Share of the floor | Sent per run | Errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    if (r.skipped) {
      lines.push(`| ${r.target} | skipped: ${r.skipped} | | | | | |`);
      continue;
    }
    const share = r.target === 'floor' ? '1.00' : r.ratioToFloor === null ? '—' : fmt(r.ratioToFloor, 2);
    const label = r.target === 'floor' ? 'floor (bare Hono, no work)' : r.target;
    lines.push(`| ${label} | ${fmt(r.perSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${share} | ${fmt(r.sentPerRun)} | ${r.errors}${r.storeMismatches ? ` (${r.storeMismatches} run(s) stored ≠ 201s)` : ''} |`);
  }
  return lines.join('\n');
}

/** Whether SQLite meets the receiver's goal, in one line. */
export function verdict(rows) {
  const sqlite = rows.find((r) => r.target === 'SQLite');
  if (!sqlite || sqlite.skipped) return 'SQLite: not measured';
  const met = sqlite.perSecond >= TARGET.perSecond && sqlite.p99 < TARGET.p99 && sqlite.errors === 0 && !sqlite.storeMismatches;
  return `SQLite ${met ? 'meets' : 'MISSES'} the target (≥ ${fmt(TARGET.perSecond)} stored submissions/s, p99 < ${TARGET.p99} ms, no errors): ${fmt(sqlite.perSecond)}/s, p99 ${fmt(sqlite.p99, 1)} ms, ${sqlite.errors} error(s)`;
}

export function writeResults(file, results) {
  mkdirSync(dirname(file), {recursive: true});
  // Two decimals: the runs differ far more than that, and the diff of a re-run stays readable.
  const rounded = (key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value);
  writeFileSync(file, `${JSON.stringify({...results, target: {storedPerSecond: TARGET.perSecond, p99Ms: TARGET.p99, on: 'SQLite'}}, rounded, 2)}\n`);
}
