import {expect} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {interfaceReady} from '../../src/i18n/localization.js';
import {checksLoaded} from '../../src/lazy/checks-loader.js';
import {$, $$, mountDefault, pick, until} from '../helpers.js';

// Each test file runs in a page of its own: nothing is loaded before the first test here.
describe('parts loaded on demand', function () {
  this.timeout(20_000);

  it('downloads no Spanish for an English reader, and zod and the sending client once they pick', async () => {
    const element = await mountDefault();
    expect(element.locale).to.equal('en');
    expect(interfaceReady('es'), 'the Spanish strings').to.be.false;
    await pick(element, 'tps');
    await until(() => checksLoaded() !== undefined, 'the chunk a send needs, fetched at the first pick');
    expect($(element, 'legend').textContent).to.contain('Pick');
  });

  it('names Spanish in Spanish in an English reader’s switcher, without loading the Spanish strings', async () => {
    const element = await mountDefault();
    expect($$(element, '.switcher button').map((button) => button.textContent!.trim())).to.deep.equal(['English', 'Español']);
    expect(interfaceReady('es'), 'the Spanish strings').to.be.false;
  });

  it('shows a Spanish reader Spanish from the first render, never English first', async () => {
    const element = document.createElement('civic-action') as CivicAction;
    element.setAttribute('lang', 'es');
    const container = document.createElement('div');
    container.append(element);
    const rendered: string[] = [];
    document.body.append(container);
    try {
      // What the reader would see at each render, from the very first one.
      const observer = new MutationObserver(() => rendered.push(element.shadowRoot!.querySelector('legend')?.textContent ?? ''));
      observer.observe(element.shadowRoot!, {childList: true, subtree: true, characterData: true});
      await element.updateComplete;
      observer.disconnect();
      expect(rendered.length, 'a render happened').to.be.above(0);
      expect(rendered[0]).to.contain('Elija las recomendaciones');
    } finally {
      container.remove();
    }
  });

  it('brings the form’s styles with the form: from its first frame, the honeypot is out of sight and the fields are styled', async () => {
    const element = document.createElement('civic-action') as CivicAction;
    element.setAttribute('endpoint', `${location.origin}/endpoint/ok/lazy-styles`);
    const container = document.createElement('div');
    container.append(element);
    let firstSight: {honeypot: string; field: string} | null = null;
    document.body.append(container);
    try {
      const observer = new MutationObserver(() => {
        const honeypot = element.shadowRoot!.querySelector<HTMLElement>('.honeypot');
        if (!honeypot || firstSight) return;
        firstSight = {honeypot: getComputedStyle(honeypot).position, field: getComputedStyle(element.shadowRoot!.querySelector('[part=field]')!).display};
      });
      observer.observe(element.shadowRoot!, {childList: true, subtree: true});
      await element.updateComplete;
      observer.disconnect();
      expect(firstSight, 'the form, a step after the list').to.deep.equal({honeypot: 'absolute', field: 'flex'});
    } finally {
      container.remove();
    }
  });
});
