import {expect} from '@open-wc/testing';
import {$, mountDefault, until} from '../helpers.js';

/**
 * A file of its own: the Spanish strings and campaign texts are loaded once per page, and these
 * tests need a page where nothing has loaded them yet.
 */
// The dev server serves each module apart (zod's alone are over a hundred): the default buffer of
// 250 entries fills before the Spanish files come on a busy machine, and then they are never listed.
performance.setResourceTimingBufferSize(10_000);
const fetched = (pattern: RegExp) => performance.getEntriesByType('resource').some((entry) => pattern.test(entry.name));
const SPANISH_STRINGS = /src\/generated\/locales\/es\.[jt]s/;
const SPANISH_CAMPAIGN = /default-campaign-es\.[jt]s/;

describe('<civic-action> language switch, prepared', () => {
  it('starts loading a language once the pointer is over its button, before any click', async () => {
    const element = await mountDefault();
    // Not even once the page is idle: Spanish is offered to no one here (see language-offer.test.ts).
    await new Promise((resolve) => requestIdleCallback(resolve));
    expect(fetched(SPANISH_STRINGS) || fetched(SPANISH_CAMPAIGN), 'nothing Spanish for an English reader').to.equal(false);
    const spanish = $(element, '.switcher button[lang=es]');
    spanish.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => fetched(SPANISH_STRINGS) && fetched(SPANISH_CAMPAIGN), 'the Spanish strings and campaign texts fetched');
    expect(element.locale, 'pointing chooses nothing').to.equal('en');
    spanish.click();
    await element.updateComplete;
    expect($(element, 'legend h3').textContent).to.equal('Elija las recomendaciones que apoya');
  });
});
