// npm run bench: builds, serves the build on loopback, and measures the widget in headless
// Chromium against the same content written as plain HTML (README, "Size and speed", says what
// each measure is). Prints a table, writes bench/results.json, and rewrites the table in
// README.md (between the bench markers).
//
// Timings are medians of BENCH_RUNS runs (default 15), the pages compared alternating run by
// run, each run in a fresh browser context with the cache off, so a noisy machine moves both
// sides alike. One module per measure, in measures/, in the order of the table.
import {execFileSync} from 'node:child_process';
import {loadavg} from 'node:os';
import {startBrowser} from './browser.mjs';
import {bundleComposition} from './composition.mjs';
import {measureBytes} from './measures/bytes.mjs';
import {measureGrowth} from './measures/growth.mjs';
import {measureInteractions} from './measures/interactions.mjs';
import {measureLoad, measureSlowPhone} from './measures/load.mjs';
import {benchPages} from './pages.mjs';
import {summarize, writeReport} from './report.mjs';
import {startBenchServer} from './server.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);

// The whole build, as `npm run build` makes it, so dist/ is left complete for the tests too.
execFileSync('npm', ['run', '-s', 'build'], {stdio: 'inherit'});

const loadAtStart = loadavg()[0].toFixed(1);
const server = await startBenchServer(await benchPages());
const browser = await startBrowser(server.origin);
const context = {inFreshPage: browser.inFreshPage, served: server.served, runs};
try {
  const bytes = await measureBytes(context);
  const composition = await bundleComposition();
  const load = await measureLoad(context);
  const slow = await measureSlowPhone(context);
  const growth = await measureGrowth(context);
  const interactions = await measureInteractions(context);
  const about = {version: await browser.version(), executable: browser.executable()};
  const loadAverage = {start: loadAtStart, end: loadavg()[0].toFixed(1)};
  writeReport(summarize({runs, browser: about, loadAverage, bytes, composition, load, slow, growth, interactions}));
} finally {
  await browser.close();
  server.close();
}
