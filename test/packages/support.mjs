// Shared set-up for the package tests: the tarball as `npm pack` makes it, client projects in
// temp folders that install it (with the npm registry for everything else, through npm's cache),
// a tiny server for their built pages with an endpoint that records what it is sent, and
// headless Chromium to use those pages as a reader would.
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {dirname, extname, join, normalize, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import {chromeArgs, findChrome} from '../../scripts/lib/find-chrome.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What README tells a self-hosting organizer to upload from dist/, beside each other. */
export const SELF_HOSTED = ['civic-action.js', 'civic-action.iife.js', 'THIRD-PARTY-LICENSES.txt'];

/** Keep the temp folders (and say where) to look into a failure: CIVIC_ACTION_KEEP_PACKAGES=1. */
const keep = process.env.CIVIC_ACTION_KEEP_PACKAGES === '1';

/** A temp folder, removed when the test process ends unless kept. */
export function tempDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `civic-action-${name}-`));
  if (keep) console.log(`# ${name}: ${dir}`);
  else process.on('exit', () => rmSync(dir, {recursive: true, force: true}));
  return dir;
}

/**
 * Runs a command to its end; rejects with its output when it fails. Resolves with stdout and
 * stderr, so that a test can also check what it warned.
 */
export function run(command, args, {cwd, env = {}, timeoutMs = 300_000, allowFailure = false} = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 || allowFailure) resolvePromise({code, stdout, stderr});
      else reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) ended with ${code ?? signal}\n${stdout}\n${stderr}`));
    });
  });
}

/** npm, with no audit or funding requests and no update check: only packages are fetched. */
export const npm = (args, options) => run('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier'], options);

/**
 * The tarball `npm pack` makes from this checkout, in `into`. The build must be done
 * (`npm run test:packages` does it first); packing skips `prepack`, which would build again.
 */
export async function packTarball(into) {
  for (const file of ['dist/civic-action.js', 'dist/schema.js', 'dist/receiver/index.js', 'dist/types/src/civic-action.d.ts']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run build (npm run test:packages does) first`);
  }
  const {stdout} = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', into], {cwd: root});
  const [packed] = JSON.parse(stdout);
  return {path: join(into, packed.filename), files: packed.files.map((f) => f.path), packed};
}

/** Writes a project's files (paths relative to `dir`). */
export function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), {recursive: true});
    writeFileSync(join(dir, path), typeof text === 'string' ? text : `${JSON.stringify(text, null, 2)}\n`);
  }
}

/**
 * `npm install` in a client project; resolves with what npm printed on stderr (its warnings).
 * Packages already in npm's cache are taken from it without asking the registry again.
 */
export async function npmInstall(dir) {
  const {stderr} = await npm(['install', '--loglevel=warn', '--prefer-offline'], {cwd: dir});
  return stderr;
}

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8'};

/**
 * Serves a folder on 127.0.0.1, with `POST /submit` recording each body it is sent and
 * answering as the reference receiver does (201 {"status": "stored", "id"}).
 */
export async function serve(dir) {
  const submissions = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/submit') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        submissions.push({headers: req.headers, body: JSON.parse(body)});
        res.writeHead(201, {'Content-Type': 'application/json'});
        res.end(JSON.stringify({status: 'stored', id: JSON.parse(body).id}));
      });
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const path = normalize(join(dir, decodeURIComponent(url.pathname).replace(/\/$/, '/index.html')));
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream'});
    res.end(readFileSync(path));
  });
  await new Promise((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    submissions,
    close: () => new Promise((resolvePromise) => server.close(resolvePromise)),
  };
}

/** Headless Chromium (the one the browser tests use; nothing is downloaded), for `use`. */
export async function withBrowser(use) {
  const browser = await puppeteer.launch({executablePath: findChrome(), headless: true, args: chromeArgs});
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    return await use(page, problems);
  } finally {
    await browser.close();
  }
}

/**
 * What a supporter does: picks the first recommendations, types a name and an email with the
 * keyboard, and presses send. Selectors reach into the widget's shadow root (`>>>`).
 */
export async function pickAndSend(page, picks = ['tps', 'climate']) {
  for (const id of picks) await page.locator(`civic-action >>> #recommendation-${id}`).click();
  await page.locator('civic-action >>> #supporter-name').fill('Ana Pérez');
  await page.locator('civic-action >>> #supporter-email').fill('ana@example.org');
  await page.locator('civic-action >>> button[part="submit"]').click();
}

/** Waits until `selector` (in the page's own DOM) has text, and returns it. */
export async function textOf(page, selector, timeout = 20_000) {
  const handle = await page.waitForFunction((s) => document.querySelector(s)?.textContent?.trim() || null, {timeout}, selector);
  return handle.jsonValue();
}

/** The versions the client projects install besides the tarball: current lines that run on Node 20. */
export const VERSIONS = {
  react: '^19.2.0',
  'react-dom': '^19.2.0',
  '@types/react': '^19.2.0',
  '@types/react-dom': '^19.2.0',
  '@vitejs/plugin-react': '^6.0.0',
  preact: '^10.29.0',
  vue: '^3.5.0',
  '@vitejs/plugin-vue': '^6.0.0',
  'vue-tsc': '^3.0.0',
  typescript: pkg.devDependencies.typescript,
  vite: pkg.devDependencies.vite,
  '@types/node': pkg.devDependencies['@types/node'],
};

/** The lines npm printed as warnings or errors. */
export function installWarnings(stderr) {
  return stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^npm (warn|WARN|error|ERR)/.test(line));
}
