import {expect, html} from '@open-wc/testing';
import {$, builtWidgetInFrame, endpointBucket, mount, ready, send, sent, statusText, until} from '../helpers.js';

describe('spam', () => {
  it('hides the honeypot from people, keyboards and assistive technology', async () => {
    const element = await mount(html`<civic-action endpoint="/endpoint/ok/hp"></civic-action>`);
    const field = $<HTMLInputElement>(element, '#supporter-website');
    expect(field.closest('[aria-hidden=true]')).to.exist;
    expect(field.tabIndex).to.equal(-1);
    expect(field.getBoundingClientRect().right).to.be.below(0);
  });

  const draftKey = 'civic-action:draft:root-causes-2021';

  it('holds a send faster than minFillTime in “Sending…”, then delivers it once, with signals.fillMs, thanking only after', async () => {
    const endpoint = endpointBucket('ok');
    const mounted = Date.now();
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    element.minFillTime = 3000;
    send(element);
    await element.updateComplete;
    expect(statusText(element)).to.contain('Sending your message…');
    expect($<HTMLButtonElement>(element, '[part=submit]').getAttribute('aria-disabled')).to.equal('true');
    await new Promise((r) => setTimeout(r, 200));
    expect(await endpoint.recorded(), 'README: a send sooner than minFillTime stays in "Sending…" until then').to.have.length(0);
    // Until the endpoint has it: no thank-you, and the draft stays. Each is looked at before asking
    // the endpoint, which records a request before it answers it.
    await until(async () => {
      const thanked = sent(element);
      const draft = localStorage.getItem(draftKey);
      const delivered = (await endpoint.recorded()).length > 0;
      if (!delivered) {
        expect(thanked, 'a thank-you before delivery').to.be.false;
        expect(draft, 'the draft before delivery').not.to.be.null;
      }
      return delivered;
    }, 'the delivery', 6000);
    await until(() => sent(element), 'the thank-you');
    await new Promise((r) => setTimeout(r, 200));
    const requests = await endpoint.recorded();
    expect(requests, 'README: … then goes out for real, once').to.have.length(1);
    expect(requests[0]!.at - mounted, 'README: a quick send goes out once minFillTime has passed since the widget appeared').to.be.at.least(2950);
    const {signals} = requests[0]!.body as unknown as {signals: {fillMs: number; honeypot: boolean; restored: boolean}};
    expect(Number.isInteger(signals.fillMs)).to.be.true;
    expect(signals.fillMs).to.be.within(0, 2999);
    expect(signals).to.include({honeypot: false, restored: false});
  });

  it('delivers a send with the honeypot filled, marked signals.honeypot: true', async () => {
    const endpoint = endpointBucket('ok');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    const field = $<HTMLInputElement>(element, '#supporter-website');
    field.value = 'http://spam.example';
    field.dispatchEvent(new InputEvent('input'));
    send(element);
    await until(() => sent(element), 'the thank-you');
    const requests = await endpoint.recorded();
    expect(requests).to.have.length(1);
    expect((requests[0]!.body as unknown as {signals: object}).signals, 'README: a filled honeypot is delivered, with signals.honeypot: true').to.include({honeypot: true, restored: false});
  });

  it('marks a send from a restored draft signals.restored: true, and does not hold it', async () => {
    const first = await ready(html`<civic-action endpoint="/endpoint/ok/restored"></civic-action>`);
    first.parentElement!.remove();
    const endpoint = endpointBucket('ok');
    const again = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    again.minFillTime = 60_000;
    send(again);
    await until(() => sent(again), 'the thank-you');
    expect(((await endpoint.recorded())[0]!.body as unknown as {signals: object}).signals).to.include({restored: true, honeypot: false});
  });

  it('keeps the draft while a held fast send is on its way, and clears it once delivered', async () => {
    const endpoint = endpointBucket('hold');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    element.minFillTime = 1000;
    send(element);
    try {
      await until(async () => (await endpoint.recorded()).length === 1, 'the request', 4000);
      expect(localStorage.getItem(draftKey)).not.to.be.null;
      expect(sent(element)).to.be.false;
    } finally {
      await endpoint.release();
    }
    await until(() => sent(element), 'the thank-you');
    await element.updateComplete;
    expect(localStorage.getItem(draftKey)).to.be.null;
  });

  it('with success-url, takes the reader there only after a fast send is really delivered', async () => {
    const endpoint = endpointBucket('ok');
    const {iframe, element} = await builtWidgetInFrame(`endpoint="${endpoint.url}" success-url="/test/fixtures/press-release-2021-06-06.txt"`);
    try {
      element.minFillTime = 2000;
      const navigated = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
      (element.shadowRoot!.querySelector('[part=submit]') as HTMLButtonElement).click();
      await navigated;
      expect(iframe.contentWindow!.location.pathname).to.equal('/test/fixtures/press-release-2021-06-06.txt');
      const requests = await endpoint.recorded();
      expect(requests).to.have.length(1);
      expect((requests[0]!.body as unknown as {signals: {fillMs: number}}).signals.fillMs).to.be.below(2000);
    } finally {
      iframe.remove();
    }
  });
});
