// The bench's results: the figures (bench/results.json), the table printed and written into
// README.md between the bench markers, and the composition of the bytes below it.
import {mkdirSync, writeFileSync} from 'node:fs';
import {cpus, totalmem} from 'node:os';
import {sizeBudget} from '../lib/size-budget.mjs';
import {writeBlock} from '../lib/readme-block.mjs';
import {GROWTH_COUNTS} from './measures/growth.mjs';
import {median, round} from './stats.mjs';

const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/** The figures, as medians of the runs. */
export function summarize({runs, browser, bytes, composition, load, slow, growth, interactions}) {
  const usableWidget = median(load.widget.usable);
  const usablePlain = median(load.plain.usable);
  return {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browser.version} (${browser.executable})`,
    runs,
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
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const paintCell = (ms) => (ms ? `${ms} ms` : '< 16 ms');

/** The README's table, from the figures. */
export function markdownTable(results) {
  const {bytesGzipped: bytes, composition, growthMs: growth} = results;
  const scripts = Object.keys(bytes.downloaded).join(', ');
  const growthCell = (part) => GROWTH_COUNTS.map((n) => growth[n][part]).join(' / ');
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
  return [
    '| measure | result | target |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `Medians of ${results.runs} runs, ${results.date.slice(0, 10)}, on ${results.machine}; viewport 390 × 844.`,
    '',
    `Where the bytes of dist/civic-action.js come from, in the same build repeated with a source map (${kb(composition.whole)}; “share”: what the file would lose without the part):`,
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
