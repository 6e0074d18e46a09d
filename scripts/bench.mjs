// npm run bench: builds, serves the build on loopback, and measures the widget in headless
// Chromium against the same twelve recommendations written as plain HTML. Prints a table,
// writes bench/results.json, and rewrites the table in README.md (between the bench markers).
//
// Timings are medians of RUNS runs, the two pages compared alternating run by run, each run in
// a fresh browser context with the cache off, so a noisy machine moves both sides alike.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {cpus, totalmem} from 'node:os';
import {gzipSync} from 'node:zlib';
import puppeteer from 'puppeteer-core';
import {createServer as createViteServer} from 'vite';
import {chromeArgs, findChrome} from '../test/server/find-chrome.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SIZE_BUDGET = 20 * 1024;

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

const pages = {
  // The documented embed: the reserved room keeps the text below still while the script loads.
  '/widget.html': `${head}
<style>civic-action:not(:defined) { display: block; min-height: 120rem; }</style>
<script type="module" src="/dist/civic-action.js"></script>
<script type="module">
  const element = document.querySelector('civic-action');
  await customElements.whenDefined('civic-action');
  await element.updateComplete;
  if (element.shadowRoot.querySelectorAll('input[data-recommendation]').length === 12) window.__usable = performance.now();
</script></head><body><h1>Take action</h1><civic-action></civic-action>${below}</body></html>`,
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

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (pages[path]) {
    res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
    return res.end(pages[path]);
  }
  if (/^\/dist\/[\w.-]+\.js$/.test(path)) {
    res.writeHead(200, {'Content-Type': 'text/javascript'});
    return res.end(readFileSync(`.${path}`));
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

/** Opens `path` in a fresh context with the cache off; gives the page to `measure`. */
async function inFreshPage(path, measure) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({width: 390, height: 844});
  await page.setCacheEnabled(false);
  try {
    await page.goto(`${origin}${path}`, {waitUntil: 'load'});
    await page.waitForFunction(() => window.__usable !== undefined || location.pathname === '/growth.html', {timeout: 10_000});
    return await measure(page);
  } finally {
    await context.close();
  }
}

// 1. Bytes.
const bytes = Object.fromEntries(
  ['civic-action.js', 'civic-action.iife.js'].map((file) => [file, gzipSync(readFileSync(`dist/${file}`), {level: 9}).length]),
);

// 2, 3, 6. Time to usable, layout shift and heap, alternating the two pages.
const load = {widget: {usable: [], cls: [], heap: []}, plain: {usable: [], cls: [], heap: []}};
for (let run = 0; run < RUNS; run++) {
  for (const kind of run % 2 ? ['plain', 'widget'] : ['widget', 'plain']) {
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

// 4. Growth: from adding the element with N recommendations to its first render laid out.
const growth = {};
for (const count of [12, 100, 500]) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    times.push(
      await inFreshPage('/growth.html', (page) =>
        page.evaluate(async (count) => {
          await customElements.whenDefined('civic-action');
          const words = (i, lang) => `${lang === 'en' ? 'Recommendation' : 'Recomendación'} ${i}: ${'lorem ipsum dolor '.repeat(12)}`;
          const campaign = {
            id: 'growth',
            defaultLocale: 'en',
            title: {en: 'Growth', es: 'Crecimiento'},
            recommendations: Array.from({length: count}, (_, i) => ({
              id: `r${i}`,
              title: {en: `Headline ${i}`, es: `Titular ${i}`},
              text: {en: words(i, 'en'), es: words(i, 'es')},
            })),
          };
          const element = document.createElement('civic-action');
          const start = performance.now();
          element.campaign = campaign;
          document.body.append(element);
          await element.updateComplete;
          void element.offsetHeight;
          const time = performance.now() - start;
          element.remove();
          return time;
        }, count),
      ),
    );
  }
  growth[count] = round(median(times));
}

// 5. Interactions on the default widget: the work (update and layout) and the time to the next
// frame, which also waits for the frame clock, so it can exceed the work by up to a frame.
const interactions = {pick: [], language: [], pickWork: [], languageWork: []};
for (let run = 0; run < RUNS; run++) {
  const result = await inFreshPage('/widget.html', (page) =>
    page.evaluate(async () => {
      const element = document.querySelector('civic-action');
      const root = element.shadowRoot;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      await frame();
      const measure = async (act) => {
        const start = performance.now();
        act();
        await element.updateComplete;
        void element.offsetHeight;
        const work = performance.now() - start;
        await frame();
        return {work, frame: performance.now() - start};
      };
      const pick = await measure(() => root.querySelector('#recommendation-tps').click());
      if (!root.querySelector('#message-body').value.includes('Temporary Protected Status')) throw new Error('no preview update');
      const language = await measure(() => root.querySelector('.switcher button[lang=es]').click());
      return {pick, language};
    }),
  );
  interactions.pick.push(result.pick.frame);
  interactions.pickWork.push(result.pick.work);
  interactions.language.push(result.language.frame);
  interactions.languageWork.push(result.language.work);
}

await browser.close();
server.close();

const usableWidget = median(load.widget.usable);
const usablePlain = median(load.plain.usable);
const results = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browser.process()?.spawnargs?.[0] ?? 'Chromium'}`,
  runs: RUNS,
  bytesGzipped: bytes,
  sizeBudget: SIZE_BUDGET,
  timeToUsableMs: {widget: round(usableWidget), plain: round(usablePlain), ratio: round(usableWidget / usablePlain, 2)},
  layoutShift: {widget: round(median(load.widget.cls), 4), plain: round(median(load.plain.cls), 4)},
  renderMs: growth,
  nextFrameMs: {pick: round(median(interactions.pick)), language: round(median(interactions.language))},
  workMs: {pick: round(median(interactions.pickWork)), language: round(median(interactions.languageWork))},
  jsHeapBytes: {widget: median(load.widget.heap), plain: median(load.plain.heap)},
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [
  ['Bytes, gzipped: dist/civic-action.js (both languages)', kb(bytes['civic-action.js']), `≤ ${kb(SIZE_BUDGET)}`],
  ['Bytes, gzipped: dist/civic-action.iife.js', kb(bytes['civic-action.iife.js']), `≤ ${kb(SIZE_BUDGET)}`],
  ['Time to usable: widget / plain HTML', `${results.timeToUsableMs.widget} / ${results.timeToUsableMs.plain} ms (× ${results.timeToUsableMs.ratio})`, '× ≤ 1.3'],
  ['Layout shift while loading, documented snippet', String(results.layoutShift.widget), '< 0.01'],
  ['Render: 12 / 100 / 500 recommendations', `${growth[12]} / ${growth[100]} / ${growth[500]} ms`, '500 in < 100 ms'],
  ['Pick one, message preview updated: work / next frame', `${results.workMs.pick} / ${results.nextFrameMs.pick} ms`, 'within one frame (16 ms)'],
  ['Switch language: work / next frame', `${results.workMs.language} / ${results.nextFrameMs.language} ms`, 'within one frame (16 ms)'],
  ['JS heap after load: widget / plain HTML', `${kb(results.jsHeapBytes.widget)} / ${kb(results.jsHeapBytes.plain)}`, ''],
];
const table = [
  '| measure | result | target |',
  '| --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  `Medians of ${RUNS} runs, ${results.date.slice(0, 10)}, on ${results.machine}; viewport 390 × 844.`,
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
