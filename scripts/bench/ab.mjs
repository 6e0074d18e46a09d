// Compares builds of the widget in one run: `npm run bench:ab -- <dist> <dist> …` (each a built
// `dist/` folder, kept aside: `cp -r dist /tmp/before`), time to usable for each against plain
// HTML, interleaved run by run. On this machine two medians of the same build, each of 25 runs,
// differed by up to 5 ms (4 %): a change smaller than that needs this side-by-side run, not two
// `npm run bench` runs an hour apart. The pre-rendered pages use today's markup
// (`civic-action-prerender`, from dist/) with each build's script.
//
//   BENCH_RUNS=31 BENCH_KINDS=widget,prerendered npm run bench:ab -- /tmp/before dist
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {basename, resolve} from 'node:path';
import {gzipSync} from 'node:zlib';
import {startBrowser, asSlowPhone} from './browser.mjs';
import {benchPages} from './pages.mjs';
import {alternating, median} from './stats.mjs';

const dists = process.argv.slice(2).map((dir) => resolve(dir));
if (dists.length === 0) {
  console.error('usage: npm run bench:ab -- <dist folder> [<dist folder> …]');
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 25);
const kinds = (process.env.BENCH_KINDS ?? 'widget,prerendered').split(',');
const slow = process.env.BENCH_SLOW === '1';

const base = await benchPages();
const pages = {'/plain.html': base['/plain.html']};
for (const [i, dist] of dists.entries()) {
  // The pre-rendered page's import map pins today's build: each build here goes without it.
  const unpinned = (html) => html.replace(/<script type="importmap">.*?<\/script>\n?/, '');
  for (const kind of kinds) pages[`/${kind}-${i}.html`] = unpinned(base[`/${kind}.html`]).replaceAll('/dist/', `/ab/${i}/`);
  pages[`/ab/${i}`] = dist;
}
const gzipped = new Map();
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  const script = /^\/ab\/(\d+)\/((?:chunks\/)?[\w.-]+\.js)$/.exec(path);
  const body = script ? (pages[`/ab/${script[1]}`] && readFileSync(`${pages[`/ab/${script[1]}`]}/${script[2]}`)) : pages[path];
  if (!body) {
    res.writeHead(404);
    return res.end();
  }
  if (!gzipped.has(path)) gzipped.set(path, gzipSync(body, {level: 9}));
  res.writeHead(200, {'Content-Type': script ? 'text/javascript' : 'text/html; charset=utf-8', 'Content-Encoding': 'gzip'});
  res.end(gzipped.get(path));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await startBrowser(`http://127.0.0.1:${server.address().port}`);

const names = ['plain', ...dists.flatMap((_, i) => kinds.map((kind) => `${kind}-${i}`))];
const usable = Object.fromEntries(names.map((name) => [name, []]));
try {
  await alternating(runs, names, (name) =>
    browser.inFreshPage(
      `/${name}.html`,
      async (page) => {
        await page.waitForFunction(() => window.__settled !== undefined, {timeout: 30_000});
        usable[name].push(await page.evaluate(() => window.__usable));
      },
      slow ? asSlowPhone : undefined,
    ),
  );
} finally {
  await browser.close();
  server.close();
}

const plain = median(usable.plain);
console.log(`Time to usable, medians of ${runs} interleaved runs${slow ? ' on the slow phone' : ''}; × plain HTML (${plain.toFixed(1)} ms)`);
for (const kind of kinds) {
  for (const [i, dist] of dists.entries()) {
    const ms = median(usable[`${kind}-${i}`]);
    console.log(`${kind.padEnd(12)} ${basename(dist).padEnd(16)} ${ms.toFixed(1).padStart(7)} ms  × ${(ms / plain).toFixed(2)}`);
  }
}
