import {expect, html} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import type {CivicAction} from '../../src/civic-action.component.js';
import {$, $$, alertText, consoleErrorsDuring, endpointBucket, fillSupporter, mount, pick, ready, send, sent, statusText, until} from '../helpers.js';

describe('a hostile host page', () => {
  let style: HTMLStyleElement | undefined;
  afterEach(() => style?.remove());

  it('keeps its text readable and its controls visible under a page’s aggressive global CSS', async () => {
    style = document.createElement('style');
    style.textContent = `
      html { font-size: 62.5% !important; }
      * { font-size: 10px !important; line-height: 1 !important; letter-spacing: -1px !important;
          text-transform: uppercase !important; color: #eee !important; font-weight: 100 !important; }
      input, button, label, textarea, legend { display: none !important; opacity: 0 !important; }
      input[type=checkbox] { width: 2px !important; height: 2px !important; }`;
    document.head.append(style);
    const element = await mount(html`<civic-action endpoint="/endpoint/ok/hostile"></civic-action>`);
    const legend = $(element, 'legend');
    const legendStyle = getComputedStyle(legend);
    expect(parseFloat(legendStyle.fontSize)).to.be.at.least(16);
    expect(legendStyle.textTransform).to.equal('none');
    expect(legendStyle.letterSpacing).to.equal('normal');
    expect(getComputedStyle($(element, '.recommendation-text')).color).to.equal('rgb(75, 85, 99)');
    const checkbox = $(element, '#recommendation-tps').getBoundingClientRect();
    expect(checkbox.width).to.be.at.least(24);
    const submit = $(element, '[part=submit]');
    expect(submit.getBoundingClientRect().height).to.be.at.least(24);
    expect(getComputedStyle(submit).opacity).to.equal('1');
  });

  it('runs two widgets on one page independently', async () => {
    const a = endpointBucket('ok');
    const b = endpointBucket('ok');
    const first = await mount(html`<div>
      <civic-action id="a" endpoint=${a.url}></civic-action>
      <civic-action id="b" endpoint=${b.url}></civic-action>
    </div>`);
    const second = first.parentElement!.querySelector('#b') as CivicAction;
    await pick(first, 'tps');
    await fillSupporter(first);
    expect(localStorage.getItem('civic-action:draft:root-causes-2021:a')).to.contain('tps');
    expect($<HTMLInputElement>(second, '#recommendation-tps').checked).to.be.false;
    expect($<HTMLInputElement>(second, '#supporter-name').value).to.equal('');
    $(first, '[part=submit]').click();
    await until(() => first.shadowRoot!.querySelector('[part=confirmation]') !== null, 'the first thank-you');
    expect(second.shadowRoot!.querySelector('[part=confirmation]')).to.be.null;
    expect(await a.recorded()).to.have.length(1);
    expect(await b.recorded()).to.have.length(0);
    // Each keeps its own draft: b, untouched, has none.
    expect(localStorage.getItem('civic-action:draft:root-causes-2021:b')).to.be.null;
  });
});

describe('absurd input', () => {
  it('survives 10,000-character attribute values, saying briefly what is wrong with each', async () => {
    const long = 'x'.repeat(10_000);
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action
        endpoint=${`ftp://${long}`}
        recipients=${`${long} <${long}>`}
        message-lang=${long}
        lang=${long}
        theme=${long}
        timeout=${long}
        retries=${long}
      ></civic-action>`);
    });
    const named = ['endpoint', 'recipients', 'message-lang', 'lang', 'theme', 'timeout', 'retries'].map((attribute) => [
      attribute,
      errors.filter((error) => error.startsWith(`<civic-action>: ${attribute}="`)).length,
    ]);
    expect(named, 'README: each invalid attribute gets one console error naming it').to.deep.equal(named.map(([attribute]) => [attribute, 1]));
    expect(errors, 'README: one error per invalid attribute').to.have.length(7);
    for (const error of errors) expect(error.length, error.slice(0, 80)).to.be.below(600);
    expect($(element, 'h2').textContent).to.contain('Vice President Harris');
  });

  for (const [attribute, value] of [
    ['timeout', '-5'],
    ['timeout', 'soon'],
  ]) {
    it(`names ${attribute}="${value}" and goes on with the default (15 seconds)`, async () => {
      const endpoint = endpointBucket('hold');
      let element!: CivicAction;
      const errors = await consoleErrorsDuring(async () => {
        element = await ready(html`<civic-action endpoint=${endpoint.url} timeout=${value}></civic-action>`);
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`${attribute}="${value}"`).and.to.contain('Waiting 15 seconds');
      try {
        send(element);
        // With the default, a silent endpoint is still awaited after 2 seconds: no retry, no failure.
        await new Promise((r) => setTimeout(r, 2000));
        expect(await endpoint.recorded(), 'README: an invalid timeout goes on with the default (nothing tried again within 2 s)').to.have.length(1);
        expect(statusText(element), 'README: an invalid timeout goes on with the default (still sending after 2 s)').to.contain('Sending your message…');
        expect(alertText(element)).to.equal('');
      } finally {
        await endpoint.release();
      }
      await until(() => sent(element), 'the thank-you once the endpoint answers');
    });
  }

  for (const [attribute, value] of [
    ['retries', '-1'],
    ['retries', '2.5'],
  ]) {
    it(`names ${attribute}="${value}" and goes on with the default (3 retries)`, async () => {
      const endpoint = endpointBucket('status-503');
      let element!: CivicAction;
      const errors = await consoleErrorsDuring(async () => {
        element = await ready(html`<civic-action endpoint=${endpoint.url} retries=${value}></civic-action>`);
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`${attribute}="${value}"`).and.to.contain('Retrying 3 times');
      element.retryBaseDelay = 20;
      send(element);
      await until(() => alertText(element) !== '', 'the failure');
      expect(await endpoint.recorded(), 'README: an invalid retries goes on with the default (a first try and 3 retries)').to.have.length(4);
    });
  }

  it('bounds what the reader types, with a visible counter, and handles emoji and right-to-left names', async () => {
    await setViewport({width: 320, height: 640});
    try {
      const element = await mount(html`<civic-action endpoint="/endpoint/ok/long"></civic-action>`);
      await pick(element, 'tps');
      const name = $<HTMLInputElement>(element, '#supporter-name');
      name.focus();
      await sendKeys({type: `سارة 🌎 ${'ب'.repeat(205)}`});
      await element.updateComplete;
      expect(name.value.length).to.equal(200);
      const counter = $(element, '#supporter-name-counter');
      expect(counter.textContent).to.contain('200 of 200 characters');
      expect(name.getAttribute('aria-describedby')).to.contain('supporter-name-counter');
      expect(name.getAttribute('dir')).to.equal('auto');
      expect($(element, '.signer').getAttribute('dir')).to.equal('auto');
      expect(element.shadowRoot!.querySelector('#message-counter')).to.be.null;
      const message = $<HTMLTextAreaElement>(element, '#message-body');
      message.value = 'm'.repeat(16_500);
      message.dispatchEvent(new InputEvent('input'));
      await element.updateComplete;
      expect($(element, '#message-counter').textContent).to.equal('16,500 of 20,000 characters');
      expect(message.getAttribute('aria-describedby')).to.contain('message-counter');
      await pick(element, 'tps');
      const edge = element.getBoundingClientRect().right + 0.5;
      const past = $$(element, '*').filter((n) => n.getBoundingClientRect().right > edge).map((n) => n.localName);
      expect(past).to.deep.equal([]);
    } finally {
      await setViewport({width: 800, height: 600});
    }
  });
});
