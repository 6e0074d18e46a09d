// The bench's results: the figures (bench/results.json), the table printed and written into
// README.md between the bench markers, and the composition of the bytes below it.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, totalmem} from 'node:os';
import {sizeBudget} from '../lib/size-budget.mjs';
import {writeBlock} from '../lib/readme-block.mjs';
import {GROWTH_COUNTS} from './measures/growth.mjs';
import {median, quantile, round} from './stats.mjs';

const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/**
 * The figures before issue 13 (a copy of bench/results.json as main had it), shown beside today's:
 * what each change bought.
 */
const BEFORE_FILE = 'bench/before-issue-13.json';
const before = existsSync(BEFORE_FILE) ? JSON.parse(readFileSync(BEFORE_FILE, 'utf8')) : undefined;

const ratio = (a, b) => round(a / b, 2);

/**
 * The middle half of the run-by-run ratios: each run of a page against plain HTML's run in the same
 * round. A median's distance from a target means little when single runs stray further than that.
 */
const spread = (runs, plainRuns) => {
  const ratios = runs.map((ms, i) => ms / plainRuns[i]);
  return [round(quantile(ratios, 0.25), 2), round(quantile(ratios, 0.75), 2)];
};
const spreads = (samples) =>
  Object.fromEntries(['prerendered', 'widget', 'prerendered-alone', 'plain-script'].map((kind) => [kind, spread(samples[kind].usable, samples.plain.usable)]));

/**
 * The lowest each snippet could reach: the pre-rendered markup with no script after it, and plain
 * HTML that waits for an empty module script (its request; and module scripts run only once the
 * page is parsed), as a script-built widget at its fastest would.
 */
const floors = (usable) => ({
  prerenderedAlone: round(usable('prerendered-alone')),
  prerenderedAloneRatio: ratio(usable('prerendered-alone'), usable('plain')),
  plainScript: round(usable('plain-script')),
  plainScriptRatio: ratio(usable('plain-script'), usable('plain')),
});

/** The figures, as medians of the runs; ratios within the run, between medians of interleaved runs. */
export function summarize({runs, browser, loadAverage, bytes, composition, load, slow, growth, interactions}) {
  const usable = (kind) => median(load[kind].usable);
  const slowUsable = (kind) => median(slow[kind].usable);
  return {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browser.version} (${browser.executable})`,
    // How busy the machine was (1-minute load average, at the start and at the end): other
    // people's test runs share it, which moves both sides of each ratio alike but not the absolute times.
    loadAverage,
    runs,
    bytesGzipped: bytes,
    sizeBudget,
    composition,
    timeToUsableMs: {
      prerendered: round(usable('prerendered')),
      widget: round(usable('widget')),
      plain: round(usable('plain')),
      prerenderedRatio: ratio(usable('prerendered'), usable('plain')),
      ratio: ratio(usable('widget'), usable('plain')),
      ...floors(usable),
      ratioMiddleHalf: spreads(load),
    },
    // Twelve, once the script has taken over the pre-rendered markup: a take-over that kept the
    // pre-rendered nodes beside its own render shows 24 (and its layout shift).
    prerenderedCheckboxesAfterTakeOver: median(load.prerendered.checkboxes),
    // When the script had taken the pre-rendered markup over (its first update done), fast and slow.
    takenOverMs: {prerendered: round(median(load.prerendered.takenOver)), prerenderedSlowPhone: round(median(slow.prerendered.takenOver))},
    timeToUsableSlowPhoneMs: {
      prerendered: round(slowUsable('prerendered')),
      widget: round(slowUsable('widget')),
      plain: round(slowUsable('plain')),
      prerenderedRatio: ratio(slowUsable('prerendered'), slowUsable('plain')),
      ratio: ratio(slowUsable('widget'), slowUsable('plain')),
      ...floors(slowUsable),
      ratioMiddleHalf: spreads(slow),
    },
    // The worst run, not the median: a shift happens in a run or not (the page painted before the
    // widget rendered, or after), and a median of 0 once hid the 0.61 that most runs of the page
    // without the reserving snippet show.
    layoutShift: {
      prerendered: round(Math.max(...load.prerendered.cls), 4),
      prerenderedSlowPhone: round(Math.max(...slow.prerendered.cls), 4),
      widget: round(Math.max(...load.widget.cls), 4),
      withoutSnippet: round(Math.max(...load['widget-bare'].cls), 4),
      plain: round(Math.max(...load.plain.cls), 4),
    },
    growthMs: growth,
    growth500Over12Ms: round(growth[500].total - growth[12].total),
    workMs: {pick: round(median(interactions.pickWork)), language: round(median(interactions.languageWork))},
    // 0: painted within 16 ms (Chromium reports nothing shorter).
    nextPaintMs: {pick: median(interactions.pickPaint), language: median(interactions.languagePaint), plainCheckbox: median(interactions.plainPaint)},
    jsHeapBytes: {prerendered: median(load.prerendered.heap), widget: median(load.widget.heap), plain: median(load.plain.heap)},
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n === undefined ? '–' : `${n} ms`);
const times = (n, middle) => (n === undefined ? '' : middle ? ` (× ${n}; runs × ${middle[0]}–${middle[1]})` : ` (× ${n})`);
const budget = (b) => `≤ ${kb(b.targetBytes)} (tests fail above ${kb(b.limitBytes)})`;
const paintCell = (value) => (value ? `${value} ms` : '< 16 ms');

/** The README's table, from the figures: each beside plain HTML and beside the figures before issue 13. */
export function markdownTable(results, was = before) {
  const {bytesGzipped: bytes, composition, growthMs: growth} = results;
  const scripts = Object.keys(bytes.downloaded).join(', ');
  const growthCell = (g, part) => (g ? GROWTH_COUNTS.map((n) => g[n]?.[part]).join(' / ') + ' ms' : '–');
  const {timeToUsableMs: t, timeToUsableSlowPhoneMs: slow, layoutShift: shift} = results;
  const wasT = was?.timeToUsableMs;
  const wasSlow = was?.timeToUsableSlowPhoneMs;
  const wasGrowth = was?.growthMs;
  const over = (g) => (g ? `+${round(g[500].total - g[12].total)} ms` : '–');
  const rows = [
    ['Bytes, gzipped, the first script (dist/civic-action.js): all a reader needs up to the first pick, but for the built-in campaign’s texts in their language', kb(bytes.firstScript ?? bytes.total), '0', was ? kb(was.bytesGzipped.total) : '–', budget(sizeBudget.firstScript)],
    ...(bytes.englishFirstView ? [['… with the built-in campaign’s English texts (their chunk, which the snippet preloads): what an English reader of it needs up to the first pick', kb(bytes.englishFirstView), '0', was ? kb(was.bytesGzipped.total) : '–', '']] : []),
    ['… everything a Spanish reader downloads to send (the first script, the checks and Spanish chunks)', kb(bytes.spanishSend ?? bytes.total), '0', was ? kb(was.bytesGzipped.total) : '–', budget(sizeBudget.spanishSend)],
    [`… every script the page fetched while loading, switching to Spanish and back, and picking (${scripts})`, kb(bytes.total), '0', was ? kb(was.bytesGzipped.total) : '–', ''],
    ['… the classic-script build instead (dist/civic-action.iife.js, one file)', kb(bytes.classicScript), '0', was ? kb(was.bytesGzipped.classicScript) : '–', budget(sizeBudget.classicScript)],
    ['Time to usable, pre-rendered snippet', `${ms(t.prerendered)}${times(t.prerenderedRatio, t.ratioMiddleHalf?.prerendered)}`, ms(t.plain), '(new)', '× ≤ 1.1'],
    ['… its floor: the same markup with no script after it', `${ms(t.prerenderedAlone)}${times(t.prerenderedAloneRatio, t.ratioMiddleHalf?.['prerendered-alone'])}`, ms(t.plain), '', ''],
    ['Time to usable, script-only snippet', `${ms(t.widget)}${times(t.ratio, t.ratioMiddleHalf?.widget)}`, ms(t.plain), wasT ? `${ms(wasT.widget)}${times(wasT.ratio)}` : '–', '× ≤ 2'],
    ['… its floor: plain HTML held until an empty module script has run', `${ms(t.plainScript)}${times(t.plainScriptRatio, t.ratioMiddleHalf?.['plain-script'])}`, ms(t.plain), '', ''],
    ['Time to usable on a slow phone (CPU ÷ 4, 1.6 Mbit/s, 150 ms RTT), pre-rendered', `${ms(slow.prerendered)}${times(slow.prerenderedRatio, slow.ratioMiddleHalf?.prerendered)}`, ms(slow.plain), '(new)', '× ≤ 1.3'],
    ['… its floor, no script', `${ms(slow.prerenderedAlone)}${times(slow.prerenderedAloneRatio, slow.ratioMiddleHalf?.['prerendered-alone'])}`, ms(slow.plain), '', ''],
    ['… script-only', `${ms(slow.widget)}${times(slow.ratio, slow.ratioMiddleHalf?.widget)}`, ms(slow.plain), wasSlow ? `${ms(wasSlow.widget)}${times(wasSlow.ratio)}` : '–', ''],
    ['… its floor, an empty module script', `${ms(slow.plainScript)}${times(slow.plainScriptRatio, slow.ratioMiddleHalf?.['plain-script'])}`, ms(slow.plain), '', ''],
    ['The script’s take-over of the pre-rendered markup done (fast / slow phone)', results.takenOverMs ? `${ms(results.takenOverMs.prerendered)} / ${ms(results.takenOverMs.prerenderedSlowPhone)}` : '–', '', '(new)', ''],
    ['Recommendation checkboxes once the script has taken over the pre-rendered markup', String(results.prerenderedCheckboxesAfterTakeOver), '12', '(new)', '12'],
    ['Layout shift with twenty paragraphs below, no host CSS, the worst run: pre-rendered (fast / slow phone)', `${shift.prerendered} / ${shift.prerenderedSlowPhone}`, String(shift.plain), '(new)', '0'],
    ['… script-only, with the room-reserving snippet / without', `${shift.widget} / ${shift.withoutSnippet}`, String(shift.plain), was ? `${was.layoutShift.widget} / ${was.layoutShift.withoutSnippet}` : '–', ''],
    ['Render 12 / 100 / 500 recommendations, to the first view: update + layout', growthCell(growth, 'total'), growthCell(growth, 'plain'), growthCell(wasGrowth, 'total'), ''],
    ['… 500 over 12', over(growth), `+${round(growth[500].plain - growth[12].plain)} ms`, over(wasGrowth), '≤ +100 ms'],
    ['… of which the widget’s update (script and DOM)', growthCell(growth, 'update'), '', growthCell(wasGrowth, 'update'), ''],
    ['… and the browser’s style and layout', growthCell(growth, 'layout'), '', growthCell(wasGrowth, 'layout'), ''],
    ['… until every row is rendered and laid out (a long list, a frame at a time)', growthCell(growth, 'whole'), growthCell(growth, 'plain'), growthCell(wasGrowth, 'total'), ''],
    ['… the longest task meanwhile (0: none of 50 ms or more)', growthCell(growth, 'longestTask'), '', '', ''],
    ['Checking an organizer’s campaign of 12 / 100 / 500 (before render)', growthCell(growth, 'check'), '', growthCell(wasGrowth, 'check'), ''],
    ['Pick one, message preview updated: work / real click to next paint', `${results.workMs.pick} / ${paintCell(results.nextPaintMs.pick)}`, paintCell(results.nextPaintMs.plainCheckbox), was ? `${was.workMs.pick} / ${paintCell(was.nextPaintMs.pick)}` : '–', 'within one frame (16 ms)'],
    ['Switch language: work / real click to next paint', `${results.workMs.language} / ${paintCell(results.nextPaintMs.language)}`, '', was ? `${was.workMs.language} / ${paintCell(was.nextPaintMs.language)}` : '–', 'within one frame (16 ms)'],
    ['JS heap after load: pre-rendered / script-only', `${kb(results.jsHeapBytes.prerendered)} / ${kb(results.jsHeapBytes.widget)}`, kb(results.jsHeapBytes.plain), was ? `– / ${kb(was.jsHeapBytes.widget)}` : '–', ''],
  ];
  const busy = results.loadAverage ? ` The machine's 1-minute load average was ${results.loadAverage.start} at the start and ${results.loadAverage.end} at the end (other test runs share its ${cpus().length} cores): absolute times move with it, ratios much less.` : '';
  return [
    `| measure | result | plain HTML | before issue 13 | target |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `Medians of ${results.runs} interleaved runs, ${results.date.slice(0, 10)}, on ${results.machine}; viewport 390 × 844; ratios are to plain HTML in the same run (“runs × a–b”: the middle half of the ratios of single runs, each to plain HTML's run in the same round).${busy}` +
      (was ? ` “Before issue 13”: ${BEFORE_FILE}, medians of ${was.runs} runs on ${was.date.slice(0, 10)}.` : ''),
    '',
    `Where the bytes of dist/civic-action.js come from, in the same build repeated with a source map and minified by Rolldown alone, without the build's terser pass, which keeps no map (${kb(composition.whole)}; “share”: what the file would lose without the part):`,
    '',
    '| part | share, gzipped |',
    '| --- | --- |',
    ...composition.parts.map((part) => `| ${part.name} | ${kb(part.share)} |`),
  ].join('\n');
}

/** Writes bench/results.json and the README table; prints the table. */
export function writeReport(results) {
  const table = markdownTable(results);
  mkdirSync('bench', {recursive: true});
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  const inReadme = writeBlock({start: START, end: END, inside: `\n${table}\n`});
  console.log(`\n${table}\n\nwrote bench/results.json${inReadme ? ' and the table in README.md' : ''}`);
}
