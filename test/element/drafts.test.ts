import {expect, html} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {$, endpointBucket, mount, ready, send, sent, until} from '../helpers.js';

describe('drafts', () => {
  it('keep picks, the edited message and the fields across a reload', async () => {
    const first = await ready(html`<civic-action endpoint="/endpoint/ok/draft"></civic-action>`);
    const textarea = $<HTMLTextAreaElement>(first, '#message-body');
    textarea.value = `${textarea.value}\nP.S. mine`;
    textarea.dispatchEvent(new InputEvent('input'));
    await first.updateComplete;
    first.parentElement!.remove();

    const again = await mount(html`<civic-action endpoint="/endpoint/ok/draft"></civic-action>`);
    expect($<HTMLInputElement>(again, '#recommendation-tps').checked).to.be.true;
    expect($<HTMLInputElement>(again, '#recommendation-climate').checked).to.be.true;
    expect($<HTMLTextAreaElement>(again, '#message-body').value).to.match(/P\.S\. mine$/);
    expect($<HTMLInputElement>(again, '#supporter-name').value).to.equal('Ana Pérez');
    expect($<HTMLInputElement>(again, '#supporter-email').value).to.equal('ana@example.org');
  });

  it('keep name and email in sessionStorage only', async () => {
    await ready(html`<civic-action endpoint="/endpoint/ok/draft"></civic-action>`);
    const key = 'civic-action:draft:root-causes-2021';
    expect(localStorage.getItem(key)).to.contain('tps').and.not.to.contain('ana@example.org');
    expect(sessionStorage.getItem(key)).to.contain('ana@example.org');
  });

  it('expire after three days', async () => {
    const key = 'civic-action:draft:root-causes-2021';
    const old = Date.now() - 3 * 24 * 60 * 60 * 1000 - 1000;
    localStorage.setItem(key, JSON.stringify({savedAt: old, picks: ['tps'], edited: null, consent: false}));
    const element = await mount(html`<civic-action></civic-action>`);
    expect($<HTMLInputElement>(element, '#recommendation-tps').checked).to.be.false;
  });

  it('are cleared by a successful send, so a reload offers nothing to resend', async () => {
    const endpoint = endpointBucket('ok');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    await until(() => sent(element), 'the thank-you');
    await element.updateComplete;
    expect(localStorage.getItem('civic-action:draft:root-causes-2021')).to.be.null;
    expect(sessionStorage.getItem('civic-action:draft:root-causes-2021')).to.be.null;
    element.parentElement!.remove();
    const again = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    expect(again.shadowRoot!.querySelector('.interrupted')).to.be.null;
    expect($<HTMLInputElement>(again, '#recommendation-tps').checked).to.be.false;
  });

  it('offer a send that the page closed on, again, with the same id', async () => {
    const endpoint = endpointBucket('hold-first');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    await until(async () => (await endpoint.recorded()).length === 1, 'the first request');
    element.parentElement!.remove();

    const again = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    const offer = $(again, '.interrupted');
    expect(offer.textContent).to.contain('may not have arrived');
    $$buttons(again, '.interrupted button')[0]!.click();
    await until(() => sent(again), 'the thank-you');
    const [first, second] = await endpoint.recorded();
    expect(second!.body.id).to.equal(first!.body.id);
    await endpoint.release();
  });

  /** Page A leaves a send on its way, consent given to Org A; returns its endpoint. */
  async function interruptedOnPageA() {
    const endpoint = endpointBucket('hold');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} org="Org A"></civic-action>`);
    $(element, '#supporter-consent').click();
    await element.updateComplete;
    send(element);
    await until(async () => (await endpoint.recorded()).length === 1, 'the first request');
    element.parentElement!.remove();
    return endpoint;
  }

  it('offer an interrupted send, and the consent, only to the organizer it was made for (same campaign, another org)', async () => {
    const a = await interruptedOnPageA();
    try {
      const b = endpointBucket('ok');
      const pageB = await mount(html`<civic-action endpoint=${b.url} org="Org B"></civic-action>`);
      expect(pageB.shadowRoot!.querySelector('.interrupted') !== null, 'the offer on page B').to.be.false;
      expect($<HTMLInputElement>(pageB, '#supporter-consent').checked, 'consent for Org B').to.be.false;
      expect($<HTMLInputElement>(pageB, '#recommendation-tps').checked, 'picks still come back').to.be.true;
      pageB.parentElement!.remove();

      // Back on page A, its own send is still offered there.
      const pageA = await mount(html`<civic-action endpoint=${a.url} org="Org A"></civic-action>`);
      expect($(pageA, '.interrupted').textContent).to.contain('may not have arrived');
      expect(await b.recorded()).to.have.length(0);
    } finally {
      await a.release();
    }
  });

  it('offer an interrupted send, and the consent, only to the endpoint it was made for (the page’s endpoint changed)', async () => {
    const a = await interruptedOnPageA();
    try {
      const moved = endpointBucket('ok');
      const again = await mount(html`<civic-action endpoint=${moved.url} org="Org A"></civic-action>`);
      expect(again.shadowRoot!.querySelector('.interrupted') !== null, 'the offer').to.be.false;
      expect($<HTMLInputElement>(again, '#supporter-consent').checked).to.be.false;
      expect(await moved.recorded()).to.have.length(0);
    } finally {
      await a.release();
    }
  });

  it('of the previous version restore picks and the message, but neither consent nor an interrupted send', async () => {
    const a = await interruptedOnPageA();
    try {
      const key = 'civic-action:draft:root-causes-2021';
      const saved = JSON.parse(localStorage.getItem(key)!);
      // As the previous version stored it: no record of whom it was for.
      const old = {savedAt: saved.savedAt, picks: saved.picks, edited: {text: 'My own words', locale: 'en'}, consent: true, pending: saved.pending};
      localStorage.setItem(key, JSON.stringify(old));
      const again = await mount(html`<civic-action endpoint=${a.url} org="Org A"></civic-action>`);
      expect($<HTMLInputElement>(again, '#recommendation-tps').checked).to.be.true;
      expect($<HTMLTextAreaElement>(again, '#message-body').value).to.equal('My own words');
      expect($<HTMLInputElement>(again, '#supporter-consent').checked).to.be.false;
      expect(again.shadowRoot!.querySelector('.interrupted') !== null, 'the offer').to.be.false;
    } finally {
      await a.release();
    }
  });

  it('restore consent on the page it was given on', async () => {
    const endpoint = endpointBucket('ok');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} org="Org A"></civic-action>`);
    $(element, '#supporter-consent').click();
    await element.updateComplete;
    element.parentElement!.remove();
    const again = await mount(html`<civic-action endpoint=${endpoint.url} org="Org A"></civic-action>`);
    expect($<HTMLInputElement>(again, '#supporter-consent').checked).to.be.true;
  });
});

function $$buttons(element: CivicAction, selector: string): HTMLButtonElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>(selector)];
}

describe('drafts of visitors who do nothing', () => {
  it('leave nothing in storage', async () => {
    await mount(html`<civic-action endpoint="/endpoint/ok/idle"></civic-action>`);
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
  });
});
