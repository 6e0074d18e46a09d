// Interactions on the default widget, once the page is idle (a reader reads before they pick).
// Two measures, on separate pages:
// - the work: from a scripted click until the update, style and layout are done;
// - the time to the next paint, as browsers report it for a real click (Event Timing, the
//   measure behind Interaction to Next Paint): from the pointer going down until the frame that
//   shows the change. Chromium reports only interactions of 16 ms or more, in steps of 8 ms; one
//   it does not report painted within a frame.
import {afterIdle} from '../browser.mjs';

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

/** In the page: a scripted pick, then a language switch, each until update, style and layout are done. */
async function scriptedWork() {
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
}

export async function measureInteractions({inFreshPage, runs}) {
  const interactions = {pickWork: [], languageWork: [], pickPaint: [], languagePaint: [], plainPaint: []};
  for (let run = 0; run < runs; run++) {
    const work = await inFreshPage('/widget.html', async (page) => {
      await afterIdle(page);
      return page.evaluate(scriptedWork);
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
  return interactions;
}
