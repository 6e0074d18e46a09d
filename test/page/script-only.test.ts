import {expect} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {builtInCampaign} from '../built-in-campaign.js';
import {frame, until} from './frames.js';

/**
 * The script-only snippet, with the room README's reservation keeps (`min-height` while the tag is
 * not defined), and what the first render waits for arriving late: from `host` cdn-slow-campaign,
 * the test server holds the built-in campaign's texts 400 ms; from cdn-slow-checks, the checks'
 * chunk, which reads a draft back (another `version` in the address, files the browser has not kept). Every animation frame until the widgets have rendered, the page
 * notes whether it was about to paint an element defined but empty: its room gone, the text below
 * moved up, to be pushed down again by the first render; and, at the first rendered frame, the
 * recommendations picked.
 */
async function scriptOnlyPage(lang: 'en' | 'es', widgets = '<civic-action></civic-action>', host = 'cdn-slow-campaign', version = '0.1.0') {
  const iframe = await frame(
    (f) =>
      (f.srcdoc = `<!doctype html><html lang="${lang}"><head>
<style>civic-action:not(:defined) { display: block; min-height: 120rem; }</style>
<script>
  window.emptyFrames = 0;
  window.shift = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (window.shift += entry.value))).observe({type: 'layout-shift', buffered: true});
  const watch = () => {
    const rendered = [...document.querySelectorAll('civic-action')].every((element) => element.shadowRoot && element.shadowRoot.querySelector('input'));
    if (customElements.get('civic-action') && !rendered) window.emptyFrames++;
    const root = document.querySelector('civic-action').shadowRoot;
    // What the first frame with the widget shows as picked: a draft restored later would flash unpicked first.
    if (rendered && !window.firstPicked) window.firstPicked = [...root.querySelectorAll('input[data-recommendation]:checked')].map((box) => box.dataset.recommendation);
    // And the message's subject, in the first frame that shows the message.
    const subject = root && root.querySelector('.envelope div:nth-child(2) dd');
    if (subject && !window.firstSubject) window.firstSubject = subject.textContent;
    if (!rendered || (!window.firstSubject && ++frames < 300)) requestAnimationFrame(watch);
  };
  let frames = 0;
  requestAnimationFrame(watch);
</script>
<script type="module" src="${location.origin}/${host}/civic-action/${version}/civic-action.js"></script>
</head><body>${widgets}<p>Text below the widget.</p></body></html>`),
    390,
    844,
  );
  const win = iframe.contentWindow as Window & {emptyFrames: number; shift: number; firstPicked: string[]; firstSubject?: string};
  const rendered = () => [...win.document.querySelectorAll('civic-action')].every((element) => element.shadowRoot?.querySelector('input[data-recommendation]'));
  await until(rendered, 'the widgets’ first render');
  return win;
}

describe('the script-only snippet while what its first render needs loads', function () {
  this.timeout(30_000);
  beforeEach(() => localStorage.clear());

  for (const lang of ['en', 'es'] as const) {
    it(`is defined only once its first render can follow at once, so that the page never moves (${lang})`, async () => {
      const win = await scriptOnlyPage(lang);
      expect(win.emptyFrames, 'frames painted with the element defined and empty').to.equal(0);
      expect(win.shift, 'layout shift').to.equal(0);
      expect(win.document.querySelector('civic-action')!.shadowRoot!.querySelector('h2')!.getAttribute('lang')).to.equal(lang);
    });
  }

  it('waits, before it is defined, for all its first render waits for: a message in another language too', async () => {
    const win = await scriptOnlyPage('en', '<civic-action message-lang="es"></civic-action>');
    expect(win.emptyFrames, 'frames painted with the element defined and empty').to.equal(0);
    expect(win.shift, 'layout shift').to.equal(0);
    const root = win.document.querySelector('civic-action')!.shadowRoot!;
    expect(root.querySelector('h2')!.getAttribute('lang')).to.equal('en');
  });

  it('waits, before it is defined, for every widget already in the page: a second one in another language too', async () => {
    const win = await scriptOnlyPage('en', '<civic-action></civic-action><civic-action lang="es"></civic-action>');
    expect(win.emptyFrames, 'frames painted with an element defined and empty').to.equal(0);
    expect(win.shift, 'layout shift').to.equal(0);
    const [english, spanish] = [...win.document.querySelectorAll('civic-action')].map((element) => element.shadowRoot!.querySelector('h2')!.getAttribute('lang'));
    expect([english, spanish]).to.deep.equal(['en', 'es']);
  });

  it('waits, before it is defined, for a returning reader’s draft to be read: the first frame shows their picks', async () => {
    const visit = await scriptOnlyPage('en', '<civic-action></civic-action>', 'cdn');
    const element = visit.document.querySelector('civic-action') as CivicAction;
    element.shadowRoot!.querySelector<HTMLInputElement>('#recommendation-tps')!.click();
    await element.updateComplete;
    expect(Object.keys(localStorage).length, 'a draft saved').to.be.greaterThan(0);
    // The return, with the checks' chunk (which reads a draft back) 400 ms late.
    const win = await scriptOnlyPage('en', '<civic-action></civic-action>', 'cdn-slow-checks');
    expect(win.emptyFrames, 'frames painted with the element defined and empty').to.equal(0);
    expect(win.firstPicked, 'picked in the first frame').to.deep.equal(['tps']);
  });

  for (const movedOn of [false, true]) {
    it(`takes a reader who asked for their message while the form loads there when it comes${movedOn ? ', unless they have gone elsewhere meanwhile' : ''}`, async () => {
      // The checks' chunk, which brings the form, 400 ms late and not from the browser's cache.
      const win = await scriptOnlyPage('en', '<civic-action></civic-action>', 'cdn-slow-checks', `0.1.0-focus-${movedOn}`);
      const element = win.document.querySelector('civic-action') as CivicAction;
      const root = element.shadowRoot!;
      const box = root.querySelector<HTMLInputElement>('#recommendation-tps')!;
      box.click();
      const go = [...root.querySelectorAll('button')].find((button) => button.textContent === 'Go to my message')!;
      go.focus();
      go.click();
      expect(root.querySelector('#message-body'), 'the form, not yet there').to.equal(null);
      if (movedOn) box.focus();
      await until(() => Boolean(root.querySelector('#message-body')), 'the form');
      await element.updateComplete;
      expect(root.activeElement?.id).to.equal(movedOn ? 'recommendation-tps' : 'message-heading');
    });
  }

  it('takes a campaign set as a property before the tag is defined through its schema: the page’s next script runs while the tag waits', async () => {
    const own = {id: 'own', title: {en: 'Our own campaign'}, recommendations: [{id: 'one', title: {en: 'One'}, text: {en: 'Its text.'}}]};
    const win = await scriptOnlyPage('en', `<civic-action></civic-action><script type="module">document.querySelector('civic-action').campaign = ${JSON.stringify(own)};</script>`);
    const element = win.document.querySelector('civic-action') as CivicAction;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal('Our own campaign');
    // What the schema gives: the default language, inferred when left out; a raw object has none.
    expect(element.campaign.defaultLocale).to.equal('en');
  });

  it('is defined only once the language of a message a returning reader edited is there too, then shows the message in it', async () => {
    // A Spanish reader who wrote their message in English, the last time.
    localStorage.setItem('civic-action:draft:root-causes-2021', JSON.stringify({savedAt: Date.now(), picks: ['tps'], edited: {text: 'In my own words.', locale: 'en'}, consent: false}));
    const win = await scriptOnlyPage('es', '<civic-action></civic-action>');
    await until(() => win.firstSubject !== undefined, 'the message');
    expect(win.emptyFrames, 'frames painted with the element defined and empty').to.equal(0);
    expect(win.firstSubject).to.equal(builtInCampaign().message!.subject!.en);
  });

  it('takes a campaign set as a property before the classic script runs through its schema too, whose checks are there at once', async () => {
    const own = {id: 'own', title: {en: 'Our own campaign'}, recommendations: [{id: 'one', title: {en: 'One'}, text: {en: 'Its text.'}}]};
    const iframe = await frame(
      (f) =>
        (f.srcdoc = `<!doctype html><html lang="en"><body><civic-action></civic-action>
<script>document.querySelector('civic-action').campaign = ${JSON.stringify(own)};</script>
<script src="${location.origin}/dist/civic-action.iife.js"></script></body></html>`),
    );
    const element = iframe.contentDocument!.querySelector('civic-action') as CivicAction;
    await until(() => Boolean(element.shadowRoot?.querySelector('h2')), 'the widget’s first render');
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal('Our own campaign');
    expect(element.campaign.defaultLocale).to.equal('en');
  });
});
