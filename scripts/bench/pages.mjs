// The pages the bench opens: the widget as organizers embed it (pre-rendered, and script-only with
// and without the snippet that reserves its room), the same twelve recommendations as plain HTML,
// the floors of both snippets (the pre-rendered markup without its script; the plain HTML held
// until an empty module script has run), and an empty page with the script loaded, for the growth
// measure. Each page sets `window.__usable` when its twelve checkboxes are there,
// `window.__settled` to the number of recommendation checkboxes once its script (if any) has
// rendered (twelve, unless a take-over of pre-rendered markup lost or doubled them), and counts
// layout shifts in `window.__cls`.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createServer as createViteServer} from 'vite';

/** The built-in campaign, read from src/ as the widget has it. */
async function builtInCampaign() {
  const vite = await createViteServer({configFile: false, logLevel: 'error', server: {middlewareMode: true}, appType: 'custom'});
  try {
    return (await vite.ssrLoadModule('/src/campaign/default-campaign.complete.ts')).defaultCampaign;
  } finally {
    await vite.close();
  }
}

/** The build's files and their hashes (dist/integrity.json). */
const builtFiles = () => JSON.parse(readFileSync('dist/integrity.json', 'utf8')).files;

/** The address of the built chunk whose name starts with `prefix`, or null. */
function chunk(prefix) {
  const name = Object.keys(builtFiles()).find((file) => file.startsWith(`chunks/${prefix}-`));
  return name ? `/dist/${name}` : null;
}

/** The built-in campaign's English texts, the chunk the builder's code fetches beside the script (demo/builder.ts, `firstViewChunks`). */
const englishTexts = () => chunk('default-campaign-en');

/** The pre-rendered code's import map (demo/builder.ts, `pinningMap`): the script and its chunks, each pinned by its hash. */
function pinningMap() {
  const integrity = Object.fromEntries(
    Object.entries(builtFiles())
      .filter(([name]) => name === 'civic-action.js' || name.startsWith('chunks/'))
      .map(([name, hash]) => [`/dist/${name}`, hash]),
  );
  return `<script type="importmap">${JSON.stringify({integrity})}</script>`;
}

/** The script-only code's preload of them (`preloadLinks`). */
function englishPreload() {
  const texts = englishTexts();
  return texts ? `<link rel="modulepreload" href="${texts}">` : '';
}

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

/** The widget as organizers embed it (as the builder writes it, with its preload), with an endpoint; `reserve` adds the documented snippet. */
const widgetPage = (reserve) => `${head}
${reserve ? '<style>civic-action:not(:defined) { display: block; min-height: 120rem; }</style>' : ''}
${englishPreload()}
<script type="module" src="/dist/civic-action.js"></script>
<script type="module">
  const element = document.querySelector('civic-action');
  await customElements.whenDefined('civic-action');
  // Lit's own update: the element's updateComplete also waits for what comes a frame later (the
  // form below the list, a long list's last rows), while the checkboxes are usable now.
  await Object.getPrototypeOf(element.constructor.prototype).getUpdateComplete.call(element);
  if (element.shadowRoot.querySelectorAll('input[data-recommendation]').length === 12) window.__usable = performance.now();
  await element.updateComplete;
  window.__settled = 12;
</script></head><body><h1>Take action</h1><civic-action endpoint="/endpoint"></civic-action>${below}</body></html>`;

/**
 * The pre-rendered snippet as the builder writes it for the same widget (`civic-action-prerender`,
 * the organizer's command): the element with its first view, then the import map pinning the script
 * and its chunks, and a module importing the script, its English texts and the checks' chunk (`takeOverImports`). No
 * host CSS: the markup brings the view's own styles. The checkboxes are usable once parsed; the
 * script's take-over is waited for before layout shifts are read.
 */
function prerenderedPage({script = true} = {}) {
  const markup = execFileSync(process.execPath, ['bin/civic-action-prerender.js', '--lang', 'en', 'endpoint=/endpoint'], {encoding: 'utf8'}).trim();
  // The English texts, and the checks' chunk, which the take-over waits for (`takeOverImports`).
  const texts = englishTexts();
  const takeOver = `${pinningMap()}
<script type="module">import "/dist/civic-action.js";${texts ? ` import "${texts}";` : ''} import "${chunk('checks')}";</script>
<script type="module">
  const element = document.querySelector('civic-action');
  await customElements.whenDefined('civic-action');
  await element.updateComplete;
  window.__takenOver = performance.now();
  window.__settled = element.shadowRoot.querySelectorAll('input[data-recommendation]').length;
</script>`;
  return `${head}</head><body><h1>Take action</h1>${markup}
<script>if (document.querySelector('civic-action').shadowRoot?.querySelectorAll('input[data-recommendation]').length === 12) window.__usable = performance.now();</script>
${script ? takeOver : '<script>window.__settled = 12;</script>'}
${below}</body></html>`;
}

/**
 * The same twelve recommendations as plain HTML checkboxes; with `waitFor`, the page counts as usable
 * only once that module script has run, as a script-built widget at best would.
 */
function plainPage(campaign, {waitFor} = {}) {
  const usable = "if (document.querySelectorAll('input[type=checkbox]').length === 12) window.__usable = performance.now(); window.__settled = 12;";
  return `${head}${waitFor ? `<script type="module" src="${waitFor}"></script><script type="module">${usable}</script>` : ''}</head><body><h1>Take action</h1><form><fieldset><legend>Pick the recommendations you support</legend>
${campaign.recommendations
  .map((r) => `<p><input type="checkbox" id="${r.id}"><label for="${r.id}">${escape(r.title.en)}</label> ${escape(r.text.en)}</p>`)
  .join('\n')}
</fieldset></form>
${waitFor ? '' : `<script>${usable}</script>`}
${below}</body></html>`;
}

/** Path → HTML of every page the bench serves. */
export async function benchPages() {
  const campaign = await builtInCampaign();
  return {
    // The reserved room keeps the text below still while the script loads.
    '/widget.html': widgetPage(true),
    // The same without it, to show what the snippet prevents.
    '/widget-bare.html': widgetPage(false),
    '/prerendered.html': prerenderedPage(),
    '/plain.html': plainPage(campaign),
    // The floors: what the pre-rendered markup costs without its script, and what any script costs
    // a page, even an empty one (its request, and module scripts run only once the page is parsed).
    '/prerendered-alone.html': prerenderedPage({script: false}),
    '/plain-script.html': plainPage(campaign, {waitFor: '/empty.js'}),
    '/growth.html': `${head}<script type="module" src="/dist/civic-action.js"></script></head><body></body></html>`,
  };
}
