// npm run bench: builds, serves the build on loopback, and measures the widget in headless
// Chromium against the same content written as plain HTML (README, "Size and speed", says what
// each measure is). Prints a table, writes bench/results.json, and rewrites the table in
// README.md (between the bench markers).
//
// Timings are medians of BENCH_RUNS runs (default 9), the pages compared alternating run by
// run, each run in a fresh browser context with the cache off, so a noisy machine moves both
// sides alike.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {cpus, totalmem} from 'node:os';
import {gzipSync} from 'node:zlib';
import puppeteer from 'puppeteer-core';
import {createServer as createViteServer} from 'vite';
import {chromeArgs, findChrome} from '../test/server/find-chrome.mjs';
import {bundleComposition} from './bundle-composition.mjs';
import {gzippedSize, sizeBudget} from './size-budget.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

// The whole build, as `npm run build` makes it, so dist/ is left complete for the tests too.
execFileSync('npm', ['run', '-s', 'build'], {stdio: 'inherit'});

const vite = await createViteServer({configFile: false, logLevel: 'error', server: {middlewareMode: true}, appType: 'custom'});
const {defaultCampaign} = await vite.ssrLoadModule('/src/campaign/default-campaign.ts');
await vite.close();

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const below = '<p>Text below the widget, which must not move while it loads.</p>'.repeat(20);
const head = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
</script>`;

/** The widget as organizers embed it, with an endpoint; `reserve` adds the documented snippet. */
const widgetPage = (reserve) => `${head}
${reserve ? '<style>civic-action:not(:defined) { display: block; min-height: 120rem; }</style>' : ''}
<script type="module" src="/dist/civic-action.js"></script>
<script type="module">
  const element = document.querySelector('civic-action');
  await customElements.whenDefined('civic-action');
  await element.updateComplete;
  if (element.shadowRoot.querySelectorAll('input[data-recommendation]').length === 12) window.__usable = performance.now();
</script></head><body><h1>Take action</h1><civic-action endpoint="/endpoint"></civic-action>${below}</body></html>`;

const pages = {
  // The reserved room keeps the text below still while the script loads.
  '/widget.html': widgetPage(true),
  // The same without it, to show what the snippet prevents.
  '/widget-bare.html': widgetPage(false),
  '/plain.html': `${head}</head><body><h1>Take action</h1><form><fieldset><legend>Pick the recommendations you support</legend>
${defaultCampaign.recommendations
  .map(
    (r) => `<p><input type="checkbox" id="${r.id}"><label for="${r.id}">${escape(r.title.en)}</label> ${escape(r.text.en)}</p>`,
  )
  .join('\n')}
</fieldset></form>
<script>if (document.querySelectorAll('input[type=checkbox]').length === 12) window.__usable = performance.now();</script>
${below}</body></html>`,
  '/growth.html': `${head}<script type="module" src="/dist/civic-action.js"></script></head><body></body></html>`,
};

/** The scripts served since the last reset: what a reader really downloads. */
const served = new Set();
/** Bodies gzipped once, as a web server or CDN would send them. */
const compressed = new Map();
const send = (req, res, type, key, body) => {
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (gzip && !compressed.has(key)) compressed.set(key, gzipSync(body(), {level: 9}));
  res.writeHead(200, {'Content-Type': type, ...(gzip ? {'Content-Encoding': 'gzip'} : {})});
  res.end(gzip ? compressed.get(key) : body());
};
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (pages[path]) return send(req, res, 'text/html; charset=utf-8', path, () => pages[path]);
  if (/^\/dist\/[\w.-]+\.js$/.test(path)) {
    served.add(path.slice(1));
    return send(req, res, 'text/javascript', path, () => readFileSync(`.${path}`));
  }
  res.writeHead(404);
  res.end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({executablePath: findChrome(), headless: true, args: chromeArgs});
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 1) => Number(value.toFixed(digits));

/**
 * A cheap phone on a slow mobile network, as Lighthouse's mobile run emulates one: the CPU
 * four times slower than this machine's, 1.6 Mbit/s down, 150 ms round trips.
 */
async function asSlowPhone(page) {
  await page.emulateCPUThrottling(4);
  await page.emulateNetworkConditions({download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8, latency: 150});
}

/** Opens `path` in a fresh context with the cache off (after `prepare`, if any); gives the page to `measure`. */
async function inFreshPage(path, measure, prepare) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({width: 390, height: 844});
  await page.setCacheEnabled(false);
  await prepare?.(page);
  try {
    await page.goto(`${origin}${path}`, {waitUntil: 'load'});
    await page.waitForFunction(() => window.__usable !== undefined || location.pathname === '/growth.html', {timeout: 30_000});
    return await measure(page);
  } finally {
    await context.close();
  }
}

// 1. Bytes: every script the page fetched while a reader loaded the default widget, switched
// to Spanish and back, and picked, as the server sent them (a build split into chunks would be
// counted chunk by chunk). The classic-script build is the alternative to all of them.
served.clear();
await inFreshPage('/widget.html', (page) =>
  page.evaluate(async () => {
    const root = document.querySelector('civic-action').shadowRoot;
    for (const selector of ['.switcher button[lang=es]', '.switcher button[lang=en]', '#recommendation-tps']) {
      root.querySelector(selector).click();
      await new Promise((r) => requestIdleCallback(() => r(), {timeout: 2000}));
    }
  }),
);
const downloaded = Object.fromEntries([...served].sort().map((file) => [file, gzippedSize(file)]));
const bytes = {
  downloaded,
  total: Object.values(downloaded).reduce((a, b) => a + b, 0),
  classicScript: gzippedSize('dist/civic-action.iife.js'),
};

const composition = await bundleComposition();

// 2, 3, 6. Time to usable, layout shift and heap, alternating the pages.
const load = {widget: {usable: [], cls: [], heap: []}, plain: {usable: [], cls: [], heap: []}, 'widget-bare': {usable: [], cls: [], heap: []}};
for (let run = 0; run < RUNS; run++) {
  for (const kind of run % 2 ? ['plain', 'widget', 'widget-bare'] : ['widget', 'plain', 'widget-bare']) {
    await inFreshPage(`/${kind}.html`, async (page) => {
      const cdp = await page.createCDPSession();
      await new Promise((r) => setTimeout(r, 300)); // let late layout shifts land
      const {usable, cls} = await page.evaluate(() => ({usable: window.__usable, cls: window.__cls}));
      await cdp.send('HeapProfiler.collectGarbage');
      const {usedSize} = await cdp.send('Runtime.getHeapUsage');
      load[kind].usable.push(usable);
      load[kind].cls.push(cls);
      load[kind].heap.push(usedSize);
    });
  }
}

// 2 again, on the slow phone profile, where the bytes count.
const slow = {widget: [], plain: []};
for (let run = 0; run < RUNS; run++) {
  for (const kind of run % 2 ? ['plain', 'widget'] : ['widget', 'plain']) {
    slow[kind].push(await inFreshPage(`/${kind}.html`, (page) => page.evaluate(() => window.__usable), asSlowPhone));
  }
}

// 4. Growth: a campaign of N recommendations given to a new element, in three parts: checking
// the organizer's campaign against its schema, the widget's update (script and DOM), and the
// browser's style and layout. Alternating with it, the floor: the same recommendations as
// plain elements (checkbox, label, text) appended to the page and laid out.
const growth = {};
for (const count of [12, 100, 500]) {
  const runs = {check: [], update: [], layout: [], total: [], plain: []};
  for (let run = 0; run < RUNS; run++) {
    for (const kind of run % 2 ? ['plain', 'widget'] : ['widget', 'plain']) {
      const result = await inFreshPage('/growth.html', (page) =>
        page.evaluate(
          async (count, kind) => {
            await customElements.whenDefined('civic-action');
            const words = (i, lang) => `${lang === 'en' ? 'Recommendation' : 'Recomendación'} ${i}: ${'lorem ipsum dolor '.repeat(12)}`;
            const recommendations = Array.from({length: count}, (_, i) => ({
              id: `r${i}`,
              title: {en: `Headline ${i}`, es: `Titular ${i}`},
              text: {en: words(i, 'en'), es: words(i, 'es')},
            }));
            if (kind === 'plain') {
              const start = performance.now();
              const list = document.createElement('ul');
              for (const r of recommendations) {
                const item = document.createElement('li');
                const box = Object.assign(document.createElement('input'), {type: 'checkbox', id: r.id});
                const label = Object.assign(document.createElement('label'), {htmlFor: r.id, textContent: r.title.en});
                const text = Object.assign(document.createElement('p'), {textContent: r.text.en});
                item.append(box, label, text);
                list.append(item);
              }
              document.body.append(list);
              void list.offsetHeight;
              return {plain: performance.now() - start};
            }
            const campaign = {id: 'growth', defaultLocale: 'en', title: {en: 'Growth', es: 'Crecimiento'}, recommendations};
            const element = document.createElement('civic-action');
            const start = performance.now();
            element.campaign = campaign;
            const checked = performance.now();
            document.body.append(element);
            await element.updateComplete;
            const updated = performance.now();
            void element.offsetHeight;
            const laidOut = performance.now();
            return {check: checked - start, update: updated - checked, layout: laidOut - updated, total: laidOut - checked};
          },
          count,
          kind,
        ),
      );
      for (const [key, value] of Object.entries(result)) runs[key].push(value);
    }
  }
  growth[count] = Object.fromEntries(Object.entries(runs).map(([key, values]) => [key, round(median(values))]));
}

// 5. Interactions on the default widget, once the page is idle (a reader reads before they
// pick). Two measures, on separate pages:
// - the work: from a scripted click until the update, style and layout are done;
// - the time to the next paint, as browsers report it for a real click (Event Timing, the
//   measure behind Interaction to Next Paint): from the pointer going down until the frame
//   that shows the change. Chromium reports only interactions of 16 ms or more, in steps of
//   8 ms; one it does not report painted within a frame.
const interactions = {pickWork: [], languageWork: [], pickPaint: [], languagePaint: [], plainPaint: []};
const afterIdle = async (page) => {
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => r()));
    await new Promise((r) => requestIdleCallback(() => r(), {timeout: 2000}));
  });
};
/** Clicks `selector` (in shadow roots too) for real, once the page is idle: the duration Chromium reports, or 0. */
async function clickToPaint(page, selector) {
  await page.evaluate(() => {
    window.__interaction = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.interactionId) window.__interaction = Math.max(window.__interaction, entry.duration);
    }).observe({type: 'event', durationThreshold: 16});
  });
  await afterIdle(page);
  await page.click(`pierce/${selector}`);
  // Entries arrive after the frame is presented; give them a few frames.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 250)));
  return page.evaluate(() => window.__interaction);
}

for (let run = 0; run < RUNS; run++) {
  const work = await inFreshPage('/widget.html', async (page) => {
    await afterIdle(page);
    return page.evaluate(async () => {
      const element = document.querySelector('civic-action');
      const root = element.shadowRoot;
      const measure = async (act) => {
        const start = performance.now();
        act();
        await element.updateComplete;
        void element.offsetHeight;
        return performance.now() - start;
      };
      const pick = await measure(() => root.querySelector('#recommendation-tps').click());
      if (!root.querySelector('#message-body').value.includes('Temporary Protected Status')) throw new Error('no preview update');
      const language = await measure(() => root.querySelector('.switcher button[lang=es]').click());
      if (!root.querySelector('#message-body').value.includes('Estatus de Protección Temporal')) throw new Error('no language switch');
      return {pick, language};
    });
  });
  interactions.pickWork.push(work.pick);
  interactions.languageWork.push(work.language);

  const paint = await inFreshPage('/widget.html', async (page) => ({
    pick: await clickToPaint(page, '#recommendation-tps'),
    language: await clickToPaint(page, '.switcher button[lang=es]'),
  }));
  interactions.pickPaint.push(paint.pick);
  interactions.languagePaint.push(paint.language);
  // The floor: a plain checkbox, clicked the same way.
  interactions.plainPaint.push(await inFreshPage('/plain.html', (page) => clickToPaint(page, '#tps')));
}

const browserVersion = await browser.version();
await browser.close();
server.close();

const usableWidget = median(load.widget.usable);
const usablePlain = median(load.plain.usable);
const results = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browserVersion} (${browser.process()?.spawnargs?.[0] ?? 'Chromium'})`,
  runs: RUNS,
  bytesGzipped: bytes,
  sizeBudget,
  composition,
  timeToUsableMs: {widget: round(usableWidget), plain: round(usablePlain), ratio: round(usableWidget / usablePlain, 2)},
  timeToUsableSlowPhoneMs: {
    widget: round(median(slow.widget)),
    plain: round(median(slow.plain)),
    ratio: round(median(slow.widget) / median(slow.plain), 2),
  },
  layoutShift: {
    widget: round(median(load.widget.cls), 4),
    withoutSnippet: round(median(load['widget-bare'].cls), 4),
    plain: round(median(load.plain.cls), 4),
  },
  growthMs: growth,
  workMs: {pick: round(median(interactions.pickWork)), language: round(median(interactions.languageWork))},
  // 0: painted within 16 ms (Chromium reports nothing shorter).
  nextPaintMs: {pick: median(interactions.pickPaint), language: median(interactions.languagePaint), plainCheckbox: median(interactions.plainPaint)},
  jsHeapBytes: {widget: median(load.widget.heap), plain: median(load.plain.heap)},
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const scripts = Object.keys(bytes.downloaded).join(', ');
const paintCell = (ms) => (ms ? `${ms} ms` : '< 16 ms');
const growthCell = (part) => [12, 100, 500].map((n) => growth[n][part]).join(' / ');
const rows = [
  [`Bytes, gzipped, every script the default widget downloads (${scripts}), both languages`, kb(bytes.total), `≤ ${kb(sizeBudget.targetBytes)} (tests fail above ${kb(sizeBudget.limitBytes)})`],
  ['Bytes, gzipped, the classic-script build instead (dist/civic-action.iife.js)', kb(bytes.classicScript), `≤ ${kb(sizeBudget.targetBytes)}`],
  ['Time to usable: widget / plain HTML', `${results.timeToUsableMs.widget} / ${results.timeToUsableMs.plain} ms (× ${results.timeToUsableMs.ratio})`, '× ≤ 1.3'],
  [
    'Time to usable on a slow phone (CPU ÷ 4, 1.6 Mbit/s, 150 ms RTT): widget / plain HTML',
    `${results.timeToUsableSlowPhoneMs.widget} / ${results.timeToUsableSlowPhoneMs.plain} ms (× ${results.timeToUsableSlowPhoneMs.ratio})`,
    '× ≤ 1.3',
  ],
  ['Layout shift while loading: with the documented snippet / without', `${results.layoutShift.widget} / ${results.layoutShift.withoutSnippet}`, '< 0.01'],
  ['Render 12 / 100 / 500 recommendations: update + layout', `${growthCell('total')} ms`, '500 in < 100 ms'],
  ['… of which the widget’s update (script and DOM)', `${growthCell('update')} ms`, ''],
  ['… and the browser’s style and layout', `${growthCell('layout')} ms`, ''],
  ['The same as plain elements, created and laid out', `${growthCell('plain')} ms`, '(the floor)'],
  ['Checking an organizer’s campaign of 12 / 100 / 500 (before render)', `${growthCell('check')} ms`, ''],
  ['Pick one, message preview updated: work / real click to next paint', `${results.workMs.pick} / ${paintCell(results.nextPaintMs.pick)}`, 'within one frame (16 ms)'],
  ['Switch language: work / real click to next paint', `${results.workMs.language} / ${paintCell(results.nextPaintMs.language)}`, 'within one frame (16 ms)'],
  ['A plain HTML checkbox: real click to next paint', paintCell(results.nextPaintMs.plainCheckbox), '(the floor)'],
  ['JS heap after load: widget / plain HTML', `${kb(results.jsHeapBytes.widget)} / ${kb(results.jsHeapBytes.plain)}`, ''],
];
const table = [
  '| measure | result | target |',
  '| --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  `Medians of ${RUNS} runs, ${results.date.slice(0, 10)}, on ${results.machine}; viewport 390 × 844.`,
  '',
  `Where the bytes of dist/civic-action.js come from, in the same build repeated with a source map (${kb(composition.whole)}; “share”: what the file would lose without the part):`,
  '',
  '| part | share, gzipped |',
  '| --- | --- |',
  ...composition.parts.map((part) => `| ${part.name} | ${kb(part.share)} |`),
].join('\n');

mkdirSync('bench', {recursive: true});
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';
const readme = readFileSync('README.md', 'utf8');
if (readme.includes(START)) {
  writeFileSync('README.md', `${readme.split(START)[0]}${START}\n${table}\n${END}${readme.split(END)[1]}`);
}
console.log(`\n${table}\n\nwrote bench/results.json${readme.includes(START) ? ' and the table in README.md' : ''}`);
