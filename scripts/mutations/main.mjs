// npm run test:mutations: makes each small bug of mutations.mjs, one at a time, in a copy of the
// project, runs the tests that should catch it, and prints which were caught. A test that
// cannot fail is a defect (issue 17): every mutation should be caught, by a test whose message
// names the promise it broke.
//
// The project is copied to a temporary folder (src/ is never changed in place: others may be
// editing it), built there once, and its tests are run once unchanged (the baseline: a bug can
// only be "caught" by tests that pass without it). Then, for each mutation, a copy of that copy
// is changed, rebuilt when its tests run the built widget, and tested. A mutation whose `find`
// text is missing is "stale" (re-target it), one whose tests fail without a test failing
// ("error") is neither. Prints a table; with every mutation run, also writes it into README.md
// (between the mutations markers). Exits non-zero when any mutation is missed, stale or in error.
//
//   npm run test:mutations                          all of them
//   npm run test:mutations -- retry-408-425 ...     only those (README is left alone)
//   npm run test:mutations -- --keep                keeps the temporary folder
import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {writeBlock} from '../lib/readme-block.mjs';
import {mutations} from './mutations.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const START = '<!-- mutations:start (written by npm run test:mutations) -->';
const END = '<!-- mutations:end -->';
/** What a copy leaves out: installed, built, generated or recorded things, and git. */
const LEFT_OUT = new Set(['node_modules', '.git', 'dist', 'data', 'bench', 'docs', '.pseudo-locale', '.vite']);
/** Longest a test run may take before it counts as hung. */
const RUN_LIMIT_MS = 10 * 60_000;

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const only = args.filter((a) => !a.startsWith('--'));
const unknown = only.filter((id) => !mutations.some((m) => m.id === id));
if (unknown.length) throw new Error(`no mutation ${unknown.join(', ')} (see scripts/mutations/mutations.mjs)`);
const chosen = only.length ? mutations.filter((m) => only.includes(m.id)) : mutations;

if (!existsSync(join(ROOT, 'node_modules'))) throw new Error('run npm ci first');

/** Runs a command; resolves with its exit code and output, whatever the code. */
function run(command, commandArgs, {cwd, env = {}, limit = RUN_LIMIT_MS} = {}) {
  return new Promise((done) => {
    const child = execFile(command, commandArgs, {cwd, env: {...process.env, ...env}, maxBuffer: 64 * 1024 * 1024, timeout: limit}, (error, stdout, stderr) => {
      done({code: error ? (error.code ?? 1) : 0, killed: Boolean(error?.killed), output: `${stdout}${stderr}`});
    });
    child.stdin?.end();
  });
}

/** Copies the project (without LEFT_OUT) from `from` to `to`, and links the installed packages. */
function copyProject(from, to, {withDist = false} = {}) {
  for (const entry of readdirSync(from)) {
    if (LEFT_OUT.has(entry) && !(withDist && entry === 'dist')) continue;
    cpSync(join(from, entry), join(to, entry), {recursive: true});
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
}

/** Builds the widget and the schema module, as `npm test` does (the receiver starts only when a test asks for it). */
async function build(dir) {
  const node = process.execPath;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  for (const step of [['scripts/localize.mjs'], [vite, 'build', '--logLevel', 'error'], [vite, 'build', '--mode', 'schema', '--logLevel', 'error']]) {
    const {code, output} = await run(node, step, {cwd: dir});
    if (code !== 0) throw new Error(`building in ${dir} failed at ${step.join(' ')}:\n${output}`);
  }
}

/** Runs the given test files in `dir`; returns what failed (see test/server/summary-reporter.mjs). */
async function runTests(dir, files) {
  const browserFiles = files.filter((f) => f.endsWith('.ts'));
  const nodeFiles = files.filter((f) => f.endsWith('.mjs'));
  const failures = [];
  let passed = 0;
  let output = '';
  let hung = false;
  if (browserFiles.length) {
    const report = join(dir, `.test-report-${process.pid}.json`);
    rmSync(report, {force: true});
    const result = await run(join(ROOT, 'node_modules/.bin/web-test-runner'), [...browserFiles, '--static-logging'], {
      cwd: dir,
      env: {CIVIC_ACTION_TEST_REPORT: report, FORCE_COLOR: '0'},
    });
    output += result.output;
    hung ||= result.killed;
    if (existsSync(report)) {
      const summary = JSON.parse(readFileSync(report, 'utf8'));
      failures.push(...summary.failures);
      passed += summary.passed;
    } else if (result.code !== 0) {
      failures.push({file: browserFiles.join(', '), test: '(the runner did not finish)', message: result.output.slice(-2000), loadError: true});
    }
  }
  if (nodeFiles.length) {
    const result = await run(process.execPath, ['--test', '--test-reporter=tap', ...nodeFiles], {cwd: dir});
    output += result.output;
    hung ||= result.killed;
    for (const [, name] of result.output.matchAll(/^\s*not ok \d+ - (.*)$/gm)) failures.push({file: nodeFiles.join(', '), test: name, message: ''});
    passed += [...result.output.matchAll(/^\s*ok \d+ - /gm)].length;
    if (result.code !== 0 && !failures.length) failures.push({file: nodeFiles.join(', '), test: '(node --test failed)', message: result.output.slice(-2000), loadError: true});
  }
  return {failures, passed, output, hung};
}

/** Applies a mutation to the copy in `dir`: true, or why it could not be applied. */
function apply(mutation, dir) {
  const path = join(dir, mutation.file);
  if (!existsSync(path)) return `${mutation.file} does not exist`;
  let text = readFileSync(path, 'utf8');
  for (const [find, replace] of mutation.edits ?? [[mutation.find, mutation.replace]]) {
    const count = text.split(find).length - 1;
    if (count !== 1) return `${count === 0 ? 'not found' : `found ${count} times`} in ${mutation.file}: ${JSON.stringify(find.slice(0, 80))}`;
    text = text.replace(find, () => replace);
  }
  writeFileSync(path, text);
  return true;
}

const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'civic-mutations-'));
const base = join(work, 'base');
const results = [];
try {
  console.log(`copying the project to ${base} and building it`);
  copyProject(ROOT, base);
  await build(base);

  const everyFile = [...new Set(chosen.flatMap((m) => m.tests))];
  console.log(`baseline: ${everyFile.length} test files, unchanged`);
  const baseline = await runTests(base, everyFile);
  if (baseline.failures.length) {
    console.error(baseline.output);
    console.error(`\nThe baseline fails (${baseline.failures.map((f) => `${f.file}: ${f.test}`).join('; ')}): fix the tests before measuring mutations.`);
    process.exit(2);
  }
  console.log(`baseline: ${baseline.passed} tests pass (${seconds(Date.now() - started)})\n`);

  for (const [i, mutation] of chosen.entries()) {
    const began = Date.now();
    const dir = join(work, mutation.id);
    copyProject(base, dir, {withDist: true});
    const applied = apply(mutation, dir);
    let result;
    if (applied !== true) {
      result = {outcome: 'stale', why: applied};
    } else {
      if (mutation.build) await build(dir);
      const {failures, hung, output} = await runTests(dir, mutation.tests);
      const testFailures = failures.filter((f) => !f.loadError);
      if (testFailures.length) result = {outcome: 'caught', by: testFailures[0], all: testFailures};
      else if (failures.length) result = {outcome: 'error', why: failures[0].message.slice(0, 500), output};
      else result = {outcome: hung ? 'error' : 'missed', why: hung ? 'the test run hung' : ''};
    }
    results.push({mutation, ...result, ms: Date.now() - began});
    const line = result.outcome === 'caught' ? `${result.by.file} › ${result.by.test}: ${result.by.message.split('\n')[0]}` : (result.why ?? '');
    console.log(`${String(i + 1).padStart(2)}/${chosen.length} ${result.outcome.padEnd(6)} ${mutation.id} (${seconds(Date.now() - began)}) ${line.slice(0, 220)}`);
    if (!keep) rmSync(dir, {recursive: true, force: true});
  }
} finally {
  if (!keep) rmSync(work, {recursive: true, force: true});
  else console.log(`kept ${work}`);
}

const cell = (text) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const caughtBy = (r) => {
  if (r.outcome !== 'caught') return cell(r.why ?? '');
  const others = r.all.length > 1 ? ` (and ${r.all.length - 1} more)` : '';
  return `\`${r.by.file.replace(/^test\//, '')}\`: ${cell(clip(r.by.message.split('\n')[0], 140))}${others}`;
};
const caught = results.filter((r) => r.outcome === 'caught').length;
const total = Date.now() - started;
const table = [
  '| mutation | the promise it breaks | caught? | first failure: test file, message |',
  '| --- | --- | --- | --- |',
  ...results.map((r) => `| \`${r.mutation.id}\` | ${cell(r.mutation.promise)} | ${r.outcome === 'caught' ? 'caught' : `**${r.outcome.toUpperCase()}**`} | ${caughtBy(r)} |`),
  '',
  `${caught} of ${results.length} caught; ${seconds(total)} in all (${new Date().toISOString().slice(0, 10)}, ${Math.round(total / 60_000)} min on this machine).`,
].join('\n');
console.log(`\n${table}\n`);

if (!only.length) {
  const written = writeBlock({file: join(ROOT, 'README.md'), start: START, end: END, inside: `\n${table}\n`});
  console.log(written ? 'wrote the table in README.md' : `README.md has no ${START} block: the table was not written`);
}
process.exit(caught === results.length ? 0 : 1);
