// Growth: a campaign of N recommendations given to a new element, in parts: checking the
// organizer's campaign against its schema; the widget's first update (script and DOM) and the
// browser's style and layout of it, which is what the reader waits for (a long list's first
// screen: the rest follows a frame at a time, see src/view/progressive-view.ts); then the time
// until every row is rendered and laid out, and the longest task meanwhile (0: none of 50 ms or
// more, the browser's "long task"). Alternating with it, the floor: the same recommendations as
// plain elements (checkbox, label, text) appended to the page and laid out at once.
import {alternating, median, round} from '../stats.mjs';

export const GROWTH_COUNTS = [12, 100, 500];

/** One run in the page: `kind` is `widget` or `plain`. */
async function renderOnce(count, kind) {
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
  // An organizer's campaign is checked by zod, which comes in a chunk of its own: fetched once,
  // here, with a campaign of one, so that what follows times the check and not the download.
  const warm = document.createElement('civic-action');
  warm.campaign = {id: 'warm', defaultLocale: 'en', title: {en: 'Warm'}, recommendations: recommendations.slice(0, 1)};
  document.body.append(warm);
  while (warm.campaign.id !== 'warm') await new Promise((r) => setTimeout(r, 5));
  await warm.updateComplete;
  warm.remove();
  const campaign = {id: 'growth', defaultLocale: 'en', title: {en: 'Growth', es: 'Crecimiento'}, recommendations};
  let longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  }).observe({type: 'longtask'});
  const element = document.createElement('civic-action');
  // The element's `updateComplete` waits for a long list's last row; Lit's own, for its first update.
  const firstUpdate = Object.getPrototypeOf(element.constructor.prototype).getUpdateComplete;
  const start = performance.now();
  element.campaign = campaign;
  const checked = performance.now();
  document.body.append(element);
  await firstUpdate.call(element);
  if (element.campaign.id !== 'growth') throw new Error('the campaign was not taken at once, though its checks had loaded');
  const updated = performance.now();
  void element.offsetHeight;
  const laidOut = performance.now();
  await element.updateComplete;
  void element.offsetHeight;
  const whole = performance.now();
  const rows = element.shadowRoot.querySelectorAll('input[data-recommendation]').length;
  if (rows !== count) throw new Error(`${rows} of ${count} recommendations rendered once updateComplete resolved`);
  // A long task is reported once it ends, after the frame that ended it.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  return {check: checked - start, update: updated - checked, layout: laidOut - updated, total: laidOut - checked, whole: whole - checked, longestTask: longest};
}

export async function measureGrowth({inFreshPage, runs}) {
  const growth = {};
  for (const count of GROWTH_COUNTS) {
    const values = {check: [], update: [], layout: [], total: [], whole: [], longestTask: [], plain: []};
    await alternating(runs, ['widget', 'plain'], async (kind) => {
      const result = await inFreshPage('/growth.html', (page) => page.evaluate(renderOnce, count, kind));
      for (const [key, value] of Object.entries(result)) values[key].push(value);
    });
    growth[count] = Object.fromEntries(Object.entries(values).map(([key, list]) => [key, round(median(list))]));
  }
  return growth;
}
