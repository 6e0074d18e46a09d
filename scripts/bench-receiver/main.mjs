// npm run bench:receiver: how many submissions per second the reference receiver stores, on
// SQLite and on PostgreSQL, against a floor (the same HTTP stack doing no work), and how many
// emails a delivery worker sends a second. Prints a table and writes bench/receiver-results.json.
//
// Each server runs in a child process, fresh for every run and on a fresh database, so runs do
// not inherit each other's rows or caches. The three targets take turns run by run (the order
// rotating), so a noisy machine moves them alike; figures are medians of BENCH_RUNS runs.
//
// Environment:
//   BENCH_REQUESTS (5000), BENCH_CONCURRENCY (16), BENCH_RUNS (5), BENCH_WARMUP (300)
//   BENCH_RUN_SECONDS (8): a run stops sending after this, so a slow target cannot stretch the
//     bench past a few minutes; the table says how many requests each figure rests on
//   BENCH_CLIENT_ADDRESSES (16): loopback addresses the load comes from; 1 puts every
//     submission on one address, as a reverse proxy without `trustProxy` would
//   CIVIC_ACTION_TEST_PG_URL: the tests' PostgreSQL; the bench makes and drops its own databases
//   BENCH_CPU_PROF=<dir>: profile the servers with --cpu-prof; BENCH_NO_BUILD=1: use dist/ as is
//   BENCH_DELIVERIES (1000), BENCH_DELIVERY_RUNS (3): emails a `--worker` process sends to a
//     local SMTP server per run, timed from the worker's start to the last one accepted
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {DEFAULT_PG_URL, postgresServer, sqliteStore} from './databases.mjs';
import {deliveryRun} from './delivery.mjs';
import {sendAll} from './load.mjs';
import {makeSubmissions, receiverConfig} from './payload.mjs';
import {markdownTable, tableRows, verdict, writeResults} from './report.mjs';
import {startFloor, startReceiver} from './servers.mjs';
import {summarizeRun, summarizeRuns} from './stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = join(ROOT, 'bench/receiver-results.json');

function setting(name, fallback, min = 1) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, not "${process.env[name]}"`);
  return value;
}
const REQUESTS = setting('BENCH_REQUESTS', 5000);
const CONCURRENCY = setting('BENCH_CONCURRENCY', 16);
const RUNS = setting('BENCH_RUNS', 5);
const WARMUP = setting('BENCH_WARMUP', 300, 0);
const RUN_SECONDS = setting('BENCH_RUN_SECONDS', 8);
const CLIENT_ADDRESSES = setting('BENCH_CLIENT_ADDRESSES', 16);
// 127.0.0.0/8 is all loopback on Linux: each worker can be its own "supporter address".
const ADDRESSES = CLIENT_ADDRESSES === 1 ? ['127.0.0.1'] : Array.from({length: Math.min(CLIENT_ADDRESSES, 250)}, (_, i) => `127.0.0.${i + 2}`);
const PG_URL = process.env.CIVIC_ACTION_TEST_PG_URL || DEFAULT_PG_URL;
const CPU_PROF = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;

if (!process.env.BENCH_NO_BUILD) {
  // The receiver as built from the sources in the tree now, as `npm run build` makes it.
  execFileSync('npx', ['vite', 'build', '--mode', 'receiver', '--logLevel', 'warn'], {cwd: ROOT, stdio: 'inherit'});
}

// Another busy process on a 2-core machine halves every figure; say so rather than hide it.
const loadBefore = loadavg()[0];
if (loadBefore > 0.5) console.log(`note: the machine was already busy (1-minute load ${loadBefore.toFixed(2)}); figures will be low`);

const work = mkdtempSync(join(tmpdir(), 'civic-bench-receiver-'));
const logFile = join(work, 'servers.log');
const childOptions = {logFile, cpuProfDir: CPU_PROF};

const postgres = await postgresServer(PG_URL);
if (postgres.unreachable) console.log(`PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable (${postgres.unreachable}): its rows are skipped.`);

const targets = [
  {name: 'SQLite', store: (tag) => sqliteStore(work, tag)},
  ...(postgres.store ? [{name: 'PostgreSQL', store: (tag) => postgres.store(tag)}] : []),
  {name: 'floor'},
];

/** One run of one target: fresh store, fresh server, warm-up, the measured requests, the row count. */
async function runOnce(target, run) {
  const tag = `${target.name.toLowerCase()}${run}`;
  const store = target.store ? await target.store(tag) : undefined;
  let server;
  try {
    if (store) {
      const configFile = join(work, `${tag}.json`);
      writeFileSync(configFile, JSON.stringify(receiverConfig(store.url)));
      server = await startReceiver(configFile, childOptions);
    } else {
      server = await startFloor(childOptions);
    }
    // Warm-up: lets V8 compile the hot paths and the database fill its caches; not counted.
    const sending = {concurrency: CONCURRENCY, addresses: ADDRESSES};
    const warm = await sendAll(server.port, makeSubmissions(WARMUP, `${tag}w`), {...sending, deadlineMs: 5_000});
    const measured = await sendAll(server.port, makeSubmissions(REQUESTS, tag), {...sending, deadlineMs: RUN_SECONDS * 1000});
    await server.stop();
    server = undefined;
    const result = summarizeRun(measured);
    if (store) {
      // Counted after the server stopped: every 201 must be a row, and no row without a 201.
      result.createdTotal = warm.created + measured.created;
      result.stored = await store.count();
    }
    return result;
  } finally {
    await server?.stop();
    await store?.drop();
  }
}

const byTarget = new Map(targets.map((t) => [t.name, []]));
const DELIVERIES = setting('BENCH_DELIVERIES', 1000);
const DELIVERY_RUNS = setting('BENCH_DELIVERY_RUNS', 3);
const deliveries = new Map(targets.filter((t) => t.store).map((t) => [t.name, []]));
const started = performance.now();
try {
  for (let run = 0; run < RUNS; run++) {
    const order = targets.map((_, i) => targets[(i + run) % targets.length]);
    for (const target of order) {
      const result = await runOnce(target, run);
      byTarget.get(target.name).push(result);
      const check = result.stored === undefined ? '' : `, ${result.stored} rows for ${result.createdTotal} × 201${result.stored === result.createdTotal ? '' : ' MISMATCH'}`;
      const capped = result.unsent ? `, ${result.sent} sent in the ${RUN_SECONDS} s cap` : '';
      const bad = result.errors ? `, ${result.errors} error(s) ${JSON.stringify(result.statuses)}` : '';
      console.log(
        `run ${run + 1}/${RUNS} ${target.name.padEnd(10)} ${Math.round(result.perSecond).toString().padStart(6)}/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms${capped}${check}${bad}`,
      );
    }
  }
  // Deliveries: a worker process sending stored messages to a local SMTP server.
  for (let run = 0; run < DELIVERY_RUNS; run++) {
    for (const target of targets.filter((t) => t.store)) {
      const tag = `${target.name.toLowerCase()}d${run}`;
      const store = await target.store(tag);
      try {
        const result = await deliveryRun(store, work, tag, {count: DELIVERIES, concurrency: CONCURRENCY, logFile});
        deliveries.get(target.name).push(result);
        console.log(`deliveries ${run + 1}/${DELIVERY_RUNS} ${target.name.padEnd(10)} ${Math.round(result.perSecond).toString().padStart(6)}/s (${result.count} in ${result.seconds.toFixed(1)} s)`);
      } finally {
        await store.drop();
      }
    }
  }
} finally {
  if (!CPU_PROF) rmSync(work, {recursive: true, force: true});
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const deliveryRows = [...deliveries].map(([target, runs]) => ({target, perSecond: Math.round(median(runs.map((r) => r.perSecond)))}));
const rows = tableRows([
  ...targets.map((t) => ({target: t.name, ...summarizeRuns(byTarget.get(t.name)), runs: byTarget.get(t.name)})),
  ...(postgres.unreachable ? [{target: 'PostgreSQL', skipped: 'unreachable'}] : []),
]).sort((a, b) => ['SQLite', 'PostgreSQL', 'floor'].indexOf(a.target) - ['SQLite', 'PostgreSQL', 'floor'].indexOf(b.target));

// The bench alone keeps both cores busy (a load near 2 to 3); well above that, something else ran.
const loadAfter = loadavg()[0];
const deliveryTable = ['| worker delivering to a local SMTP server | emails/s |', '| --- | ---: |', ...deliveryRows.map((r) => `| ${r.target} | ${r.perSecond.toLocaleString('en-US')} |`)].join('\n');
const table = `${markdownTable(rows)}\n\n${deliveryTable}`;
console.log(`\n${table}\n\n${verdict(rows)}`);
console.log(`1-minute load: ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} at the end`);
console.log(
  `(${RUNS} runs × up to ${REQUESTS} submissions or ${RUN_SECONDS} s, ${CONCURRENCY} in flight from ${ADDRESSES.length} address(es), after ${WARMUP} warm-up; medians; ${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
if (CPU_PROF) console.log(`CPU profiles of the servers: ${CPU_PROF}; their log: ${logFile}`);

writeResults(RESULTS, {
  date: new Date().toISOString(),
  machine: {cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, postgres: postgres.version ?? null, loadBefore, loadAfter},
  concurrency: CONCURRENCY,
  requests: REQUESTS,
  warmup: WARMUP,
  runs: RUNS,
  runSecondsCap: RUN_SECONDS,
  clientAddresses: ADDRESSES.length,
  payloadBytes: makeSubmissions(1, 'size')[0].bytes,
  rows: rows.map(({runs, ...row}) => ({
    ...row,
    ...(runs ? {perRun: runs.map(({perSecond, p50, p99, sent, errors, stored, createdTotal}) => ({perSecond, p50, p99, sent, errors, stored, created: createdTotal}))} : {}),
  })),
  deliveries: {emailsPerRun: DELIVERIES, runs: DELIVERY_RUNS, rows: deliveryRows},
  table,
});
console.log(`wrote ${RESULTS.slice(ROOT.length)}`);
