import {expect, html} from '@open-wc/testing';
import {interfaceReady} from '../../src/i18n/localization.js';
import {sendKeys} from '@web/test-runner-commands';
import {$, mount, until} from '../helpers.js';

// Each module is a file of its own here: the default buffer of 250 entries could fill before the
// files these tests look for (or look for in vain) come, and then none would be listed.
performance.setResourceTimingBufferSize(10_000);
const fetched = (pattern: RegExp) => performance.getEntriesByType('resource').some((entry) => pattern.test(entry.name));
const SPANISH_CAMPAIGN = /default-campaign-es\.[jt]s/;

// A page of its own: the Spanish strings are not loaded before this test, as on a partner's page.
describe('the offer of the browser’s language', function () {
  this.timeout(20_000);

  it('offers Spanish in Spanish on an English page, to a reader whose browser prefers it', async () => {
    expect(interfaceReady('es'), 'the Spanish strings, before').to.be.false;
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    Object.defineProperty(navigator, 'languages', {get: () => ['es-US', 'es'], configurable: true});
    localStorage.clear();
    try {
      const element = await mount(html`<div lang="en"><civic-action></civic-action></div>`);
      expect($(element, 'legend').textContent).to.contain('Pick');
      expect($(element, '.offer').textContent!.trim()).to.equal('Leer esto en español');
      // The language offered is the one this reader is likely to switch to: its campaign texts are
      // fetched once the page is idle, before any click (language-intent.test.ts: not for others).
      await until(() => fetched(SPANISH_CAMPAIGN), 'the Spanish campaign texts fetched');
      expect(element.locale, 'fetching chooses nothing').to.equal('en');
    } finally {
      delete (navigator as {languages?: unknown}).languages;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')).to.deep.equal(languages);
    }
  });

  it('takes the reader who accepts it to the switcher’s button for that language, not the page’s body', async () => {
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    Object.defineProperty(navigator, 'languages', {get: () => ['es-US', 'es'], configurable: true});
    localStorage.clear();
    try {
      const element = await mount(html`<div lang="en"><civic-action></civic-action></div>`);
      $(element, '.offer button').focus();
      await sendKeys({press: 'Enter'});
      await until(() => element.locale === 'es' && element.shadowRoot!.querySelector('.offer') === null, 'Spanish, without the offer');
      await element.updateComplete;
      const focused = element.shadowRoot!.activeElement;
      expect(focused?.closest('.switcher') !== null && focused?.getAttribute('lang') === 'es', `focus on the switcher's Español (${focused?.outerHTML.slice(0, 80)})`).to.be.true;
    } finally {
      delete (navigator as {languages?: unknown}).languages;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')).to.deep.equal(languages);
    }
  });
});
