// Time to usable, layout shift and JS heap after load: the widget pre-rendered, the widget from
// its script alone (with and without the snippet that reserves its room), plain HTML, and the
// floors of both snippets (pages.mjs), interleaved run by run. Then time to usable again on the
// slow phone profile, where the bytes count. Layout shifts are read once the page's script has
// rendered (`__settled`), so that a pre-rendered widget's take-over by the script is counted too;
// when that take-over was done (`__takenOver`) is read too: the script is fetched after the markup.
import {asSlowPhone} from '../browser.mjs';
import {alternating} from '../stats.mjs';

export const LOAD_KINDS = ['prerendered', 'widget', 'plain', 'widget-bare', 'prerendered-alone', 'plain-script'];
export const SLOW_KINDS = ['prerendered', 'widget', 'plain', 'prerendered-alone', 'plain-script'];

/** Waits for the page's script to have rendered; gives the number of recommendation checkboxes then. */
async function settled(page) {
  await page.waitForFunction(() => window.__settled !== undefined, {timeout: 30_000});
  return page.evaluate(() => window.__settled);
}

export async function measureLoad({inFreshPage, runs}) {
  const load = Object.fromEntries(LOAD_KINDS.map((kind) => [kind, {usable: [], cls: [], heap: [], checkboxes: [], takenOver: []}]));
  await alternating(runs, LOAD_KINDS, (kind) =>
    inFreshPage(`/${kind}.html`, async (page) => {
      const cdp = await page.createCDPSession();
      load[kind].checkboxes.push(await settled(page));
      await new Promise((r) => setTimeout(r, 300)); // let late layout shifts land
      const {usable, cls, takenOver} = await page.evaluate(() => ({usable: window.__usable, cls: window.__cls, takenOver: window.__takenOver}));
      await cdp.send('HeapProfiler.collectGarbage');
      const {usedSize} = await cdp.send('Runtime.getHeapUsage');
      load[kind].usable.push(usable);
      load[kind].cls.push(cls);
      if (takenOver !== undefined) load[kind].takenOver.push(takenOver);
      load[kind].heap.push(usedSize);
    }),
  );
  return load;
}

export async function measureSlowPhone({inFreshPage, runs}) {
  const slow = Object.fromEntries(SLOW_KINDS.map((kind) => [kind, {usable: [], cls: [], takenOver: []}]));
  await alternating(runs, SLOW_KINDS, async (kind) => {
    const {usable, cls, takenOver} = await inFreshPage(
      `/${kind}.html`,
      async (page) => {
        await settled(page);
        await new Promise((r) => setTimeout(r, 300));
        return page.evaluate(() => ({usable: window.__usable, cls: window.__cls, takenOver: window.__takenOver}));
      },
      asSlowPhone,
    );
    slow[kind].usable.push(usable);
    slow[kind].cls.push(cls);
    if (takenOver !== undefined) slow[kind].takenOver.push(takenOver);
  });
  return slow;
}
