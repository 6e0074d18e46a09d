// Time to usable, layout shift and JS heap after load: the widget (with and without the
// snippet that reserves its room) against plain HTML, alternating the pages run by run.
// Then time to usable again on the slow phone profile, where the bytes count.
import {asSlowPhone} from '../browser.mjs';
import {alternating} from '../stats.mjs';

export async function measureLoad({inFreshPage, runs}) {
  const load = {widget: {usable: [], cls: [], heap: []}, plain: {usable: [], cls: [], heap: []}, 'widget-bare': {usable: [], cls: [], heap: []}};
  await alternating(runs, ['widget', 'plain', 'widget-bare'], (kind) =>
    inFreshPage(`/${kind}.html`, async (page) => {
      const cdp = await page.createCDPSession();
      await new Promise((r) => setTimeout(r, 300)); // let late layout shifts land
      const {usable, cls} = await page.evaluate(() => ({usable: window.__usable, cls: window.__cls}));
      await cdp.send('HeapProfiler.collectGarbage');
      const {usedSize} = await cdp.send('Runtime.getHeapUsage');
      load[kind].usable.push(usable);
      load[kind].cls.push(cls);
      load[kind].heap.push(usedSize);
    }),
  );
  return load;
}

export async function measureSlowPhone({inFreshPage, runs}) {
  const slow = {widget: [], plain: []};
  await alternating(runs, ['widget', 'plain'], async (kind) => {
    slow[kind].push(await inFreshPage(`/${kind}.html`, (page) => page.evaluate(() => window.__usable), asSlowPhone));
  });
  return slow;
}
