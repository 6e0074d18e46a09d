import {execFileSync} from 'node:child_process';
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {buildWithPseudoLocale} from './pseudo-locale.mjs';
import {decodeFormPostsInNode} from './form-decoding-in-node.mjs';
import {recordedIn} from './recording-endpoint.mjs';
import {docsAreCurrent} from '../../scripts/lib/api-docs.mjs';
import {builtSizes, sizeBudget} from '../../scripts/lib/size-budget.mjs';

/**
 * Checks that need Node rather than the browser, run from tests through
 * `executeServerCommand`, so that they fail the same `npm test` as everything else.
 */
function manifestIsCurrent() {
  // The analyzer writes beside its working directory and edits package.json there, so it
  // runs on a copy of what it reads rather than on the checkout.
  const copy = mkdtempSync(join(tmpdir(), 'cem-'));
  try {
    for (const path of ['src', 'package.json', 'custom-elements-manifest.config.mjs']) cpSync(path, join(copy, path), {recursive: true});
    execFileSync(process.execPath, [join(process.cwd(), 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze'], {
      cwd: copy,
      stdio: 'pipe',
    });
    const fresh = readFileSync(join(copy, 'custom-elements.json'), 'utf8');
    let committed = '';
    try {
      committed = readFileSync('custom-elements.json', 'utf8');
    } catch {
      // A missing manifest is as stale as an old one.
    }
    return {current: fresh === committed};
  } finally {
    rmSync(copy, {recursive: true, force: true});
  }
}

const mediaSessions = new WeakMap();

/** Every relative import in the .mjs, .js and .ts files under `dir`, as [file, resolved path]. */
function importsUnder(dir) {
  const found = [];
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !/\.(mjs|js|ts)$/.test(entry.name)) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      found.push([file, relative(process.cwd(), resolve(dirname(file), specifier))]);
    }
  }
  return found;
}

/**
 * scripts/ and test/ share helpers through scripts/lib/ only: no script imports a test file, and
 * tests take nothing from scripts/ but scripts/lib/ (and the build's template minifier, which a
 * test checks).
 */
function crossImports() {
  const allowed = (target) => target.startsWith('scripts/lib/') || target === 'scripts/minify-templates.js';
  return [
    ...importsUnder('scripts').filter(([, target]) => target.startsWith('test/')),
    ...importsUnder('test').filter(([, target]) => target.startsWith('scripts/') && !allowed(target)),
  ].map(([file, target]) => `${file} imports ${target}`);
}

function findInSrc(words) {
  const hits = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => words.some((w) => line.includes(w)) && hits.push(`${path}:${i + 1}: ${line.trim()}`));
      }
    }
  };
  walk('src');
  return hits;
}

/**
 * A supporter whose connection drops, in a page of its own: the test page cannot go offline
 * itself, because it talks to the test runner over the network (and the runner's page brings
 * itself back online).
 *
 * `when: 'before'`: offline before pressing send, right after the first pick. `when: 'after-pick'`:
 * the same, once the pick has fetched the chunk a send needs. `when: 'during'`: the page goes offline while
 * the request is out, and the request then fails with a network error (the endpoint's
 * `seq-holddrop-201` holds it, then drops it). Either way the page comes back online after a
 * while. Returns what the page showed while offline, whether it then showed the thank-you, and
 * what the endpoint received.
 */
async function offlineScenario(session, {bucket, when = 'before'}) {
  const testPage = session.browser.getPage(session.id);
  const page = await testPage.browserContext().newPage();
  const behaviour = when === 'during' ? 'seq-holddrop-201' : 'ok';
  const status = () =>
    page.evaluate(() => {
      const root = document.querySelector('civic-action').shadowRoot;
      return root.querySelector('[part=confirmation]') ? '(the thank-you)' : root.querySelector('#send-status').textContent.trim();
    });
  const until = async (condition, timeoutMs = 5000) => {
    for (const start = Date.now(); Date.now() - start < timeoutMs; await new Promise((r) => setTimeout(r, 20))) if (await condition()) return true;
    return false;
  };
  try {
    await page.goto(`${new URL(testPage.url()).origin}/csp-page?csp=off&bucket=${bucket}&behaviour=${behaviour}`);
    await page.waitForFunction(() => customElements.get('civic-action'));
    await page.evaluate(async () => {
      const element = document.querySelector('civic-action');
      await element.updateComplete;
      element.minFillTime = 0;
      const root = element.shadowRoot;
      root.querySelector('#recommendation-tps').click();
      for (const [id, value] of [['#supporter-name', 'Ana'], ['#supporter-email', 'ana@example.org']]) {
        const input = root.querySelector(id);
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      await element.updateComplete;
    });
    const press = () => page.evaluate(() => document.querySelector('civic-action').shadowRoot.querySelector('[part=submit]').click());
    // The first pick fetches the chunk a send needs: once it is in, a send needs no network but the endpoint's.
    if (when === 'after-pick') await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/chunks/checks-')));
    if (when === 'during') {
      await press();
      if (!(await until(() => recordedIn(bucket).length === 1))) throw new Error('the first request never reached the endpoint');
      await page.setOfflineMode(true);
      // The held request now fails as a dropped connection does, while the browser is offline.
      await fetch(`${new URL(testPage.url()).origin}/endpoint/release/${bucket}`);
    } else {
      await page.setOfflineMode(true);
      await press();
    }
    const showedOffline = await until(async () => (await status()).includes('You are offline'), 3000);
    // A little longer offline, to see that nothing is tried (or counted as failed) meanwhile.
    await new Promise((r) => setTimeout(r, 300));
    const whileOffline = {
      onLine: await page.evaluate(() => navigator.onLine),
      status: await status(),
      showedOffline,
      requests: recordedIn(bucket).length,
      // What the reader could still change, that the queued send would not carry.
      sealed: await page.evaluate(() => {
        const root = document.querySelector('civic-action').shadowRoot;
        return {message: root.querySelector('#message-body').readOnly, supporter: root.querySelector('#supporter-name').readOnly && root.querySelector('#supporter-consent').disabled};
      }),
    };
    await page.setOfflineMode(false);
    const sentAfterwards = await until(() =>
      page.evaluate(() => document.querySelector('civic-action').shadowRoot.querySelector('[part=confirmation]') !== null),
    );
    const requests = recordedIn(bucket).map((r) => ({id: r.body?.id ?? null, key: r.headers['idempotency-key'] ?? null}));
    return {whileOffline, sentAfterwards, requests, statusAfterwards: sentAfterwards ? null : await status()};
  } finally {
    await page.close();
  }
}

export function repoChecks() {
  let pseudoBuild;
  return {
    name: 'repo-checks',
    async executeCommand({command, payload, session}) {
      if (command === 'manifest-is-current') return manifestIsCurrent();
      if (command === 'docs-are-current') return docsAreCurrent();
      if (command === 'build-with-pseudo-locale') {
        // A build can take longer than the runner waits for one command's answer (20 s) on a busy
        // machine: it starts once, and each call waits up to 15 s for it, answering {pending: true}
        // until it is done.
        pseudoBuild ??= buildWithPseudoLocale().then((built) => ({built}), (error) => ({error: String(error?.stack ?? error)}));
        const outcome = await Promise.race([pseudoBuild, new Promise((r) => setTimeout(() => r(null), 15_000))]);
        if (!outcome) return {pending: true};
        pseudoBuild = undefined;
        if (outcome.error) throw new Error(outcome.error);
        return outcome.built;
      }
      if (command === 'built-sizes') return {...builtSizes(), ...Object.fromEntries(Object.entries(sizeBudget).map(([figure, budget]) => [`${figure}Budget`, budget]))};
      // As on disk: the test server rewrites the JavaScript it serves.
      if (command === 'read-built-file' && /^[\w.-]+$/.test(payload?.name ?? '')) return readFileSync(`dist/${payload.name}`, 'utf8');
      if (command === 'validate-submission-in-node') {
        // What a receiver's Node server does with the published schema module.
        const {Submission} = await import(pathToFileURL(resolve('dist/schema.js')).href);
        const result = Submission.safeParse(payload);
        return {success: result.success, issues: result.error?.issues ?? []};
      }
      if (command === 'decode-form-posts-in-node') return decodeFormPostsInNode(payload);
      if (command === 'emulate-media-features') {
        // The built-in emulateMedia command and puppeteer know colour scheme and motion, not
        // forced colours; the DevTools protocol itself does.
        // An override lasts as long as the protocol session that set it: keep one per page.
        const page = session.browser.getPage(session.id);
        if (!mediaSessions.has(page)) mediaSessions.set(page, await page.createCDPSession());
        await mediaSessions.get(page).send('Emulation.setEmulatedMedia', {features: payload});
        return true;
      }
      if (command === 'cross-imports') return crossImports();
      if (command === 'find-in-src') {
        // Campaign and attribute text must be rendered as text: no HTML-parsing sinks in src/.
        return findInSrc(payload);
      }
      if (command === 'offline-scenario') return offlineScenario(session, payload);
      if (command === 'grant-clipboard') {
        // Reading the clipboard back needs a permission a reader would grant. Writing needs a
        // focused page, which a test page beside others in the same browser is not, and after
        // real keyboard input Chromium checks 'clipboard-sanitized-write' rather than
        // 'clipboard-write'.
        const page = session.browser.getPage(session.id);
        await page.browserContext().overridePermissions(new URL(page.url()).origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setFocusEmulationEnabled', {enabled: true});
        return true;
      }
      return undefined;
    },
  };
}
