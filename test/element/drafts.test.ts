import {expect, html} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {$, endpointBucket, expectOneSubmission, mount, ready, send, sent, until} from '../helpers.js';

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

  it('expire after three days, and not before', async () => {
    const key = 'civic-action:draft:root-causes-2021';
    const hours = 60 * 60 * 1000;
    const saved = (hoursAgo: number) => JSON.stringify({savedAt: Date.now() - hoursAgo * hours, picks: ['tps'], edited: null, consent: false});
    localStorage.setItem(key, saved(71));
    const young = await mount(html`<civic-action></civic-action>`);
    expect($<HTMLInputElement>(young, '#recommendation-tps').checked, 'README: a draft of 2 days and 23 hours comes back').to.be.true;
    young.parentElement!.remove();

    localStorage.setItem(key, saved(72.01));
    const old = await mount(html`<civic-action></civic-action>`);
    expect($<HTMLInputElement>(old, '#recommendation-tps').checked, 'README: drafts expire after three days').to.be.false;
  });

  it('are cleared by a successful send, so a reload offers nothing to resend', async () => {
    const endpoint = endpointBucket('ok');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    await until(() => sent(element), 'the thank-you');
    await element.updateComplete;
    expect(localStorage.getItem('civic-action:draft:root-causes-2021'), 'README: drafts are cleared by a successful send').to.be.null;
    expect(sessionStorage.getItem('civic-action:draft:root-causes-2021'), 'README: drafts are cleared by a successful send').to.be.null;
    element.parentElement!.remove();
    const again = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    expect(again.shadowRoot!.querySelector('.interrupted')).to.be.null;
    expect($<HTMLInputElement>(again, '#recommendation-tps').checked).to.be.false;
  });

  /** A send the page closed on while its first request was held; then the next visit's widget. */
  async function afterAClosedSend() {
    const endpoint = endpointBucket('hold-first');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    await until(async () => (await endpoint.recorded()).length === 1, 'the first request');
    element.parentElement!.remove();
    return {endpoint, again: await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`)};
  }

  it('offer a send that the page closed on, again, with the same id', async () => {
    const {endpoint, again} = await afterAClosedSend();
    const offer = $(again, '.interrupted');
    expect(offer.textContent).to.contain('may not have arrived');
    expect($$buttons(again, '.interrupted button').map((b) => b.textContent!.trim())).to.deep.equal(['Send it now', 'Discard it']);
    // The reader's fields changed since: what goes is still the submission as it was.
    const name = $<HTMLInputElement>(again, '#supporter-name');
    name.value = 'Someone Else';
    name.dispatchEvent(new InputEvent('input'));
    await again.updateComplete;
    $$buttons(again, '.interrupted button')[0]!.click();
    await until(() => sent(again), 'the thank-you');
    const requests = await endpoint.recorded();
    expect(requests).to.have.length(2);
    expectOneSubmission(requests, 'README: an interrupted send is resent with the same id');
    expect(requests[1]!.body, 'README: "Send it now" resends the stored submission as it was').to.deep.equal(requests[0]!.body);
    await endpoint.release();
  });

  for (const changed of [false, true]) {
    it(`send ${changed ? 'a message changed since' : 'the same message'} with the form’s own Send, while a send the page closed on is offered, ${changed ? 'as a new one' : 'with that send’s id'}`, async () => {
      const {endpoint, again} = await afterAClosedSend();
      expect($(again, '.interrupted').textContent).to.contain('may not have arrived');
      if (changed) {
        const name = $<HTMLInputElement>(again, '#supporter-name');
        name.value = 'Someone Else';
        name.dispatchEvent(new InputEvent('input'));
        await again.updateComplete;
      }
      send(again);
      await until(() => sent(again), 'the thank-you');
      const [first, second] = await endpoint.recorded();
      if (changed) {
        expect(second!.body.id, 'a changed message is a new submission').not.to.equal(first!.body.id);
        expect(second!.body.supporter.name).to.equal('Someone Else');
      } else {
        expect(second!.body.id, 'README: the same message, sent again from the form, carries the interrupted send’s id').to.equal(first!.body.id);
        expect(second!.headers['idempotency-key']).to.equal(first!.body.id);
        // Byte for byte, time included: the reference receiver refuses (409) one id with another body.
        expect(second!.body, 'the interrupted submission as it was').to.deep.equal(first!.body);
      }
      await endpoint.release();
    });
  }

  it('let the reader discard a send that the page closed on: nothing is sent, and it is not offered again', async () => {
    const endpoint = endpointBucket('hold');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    try {
      await until(async () => (await endpoint.recorded()).length === 1, 'the first request');
      element.parentElement!.remove();

      const again = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
      expect($(again, '.interrupted').textContent).to.contain('may not have arrived');
      const discard = $$buttons(again, '.interrupted button')[1]!;
      discard.focus();
      discard.click();
      await again.updateComplete;
      expect(again.shadowRoot!.querySelector('.interrupted'), 'README: "Discard it" takes the offer away').to.be.null;
      // The button went with the offer: focus on the widget's title, not the page's body.
      await until(() => again.shadowRoot!.activeElement?.getAttribute('part') === 'title', 'focus on the title');
      expect($<HTMLInputElement>(again, '#recommendation-tps').checked, 'discarding keeps the picks').to.be.true;
      again.parentElement!.remove();

      const later = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
      expect(later.shadowRoot!.querySelector('.interrupted'), 'README: a discarded submission is no longer kept, so no later visit offers it').to.be.null;
      expect(localStorage.getItem('civic-action:draft:root-causes-2021') ?? '', 'the discarded submission is gone from storage').not.to.contain('ana@example.org');
      await new Promise((r) => setTimeout(r, 100));
      expect(await endpoint.recorded(), 'README: a discarded submission is not sent').to.have.length(1);
    } finally {
      await endpoint.release();
    }
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
      expect(pageB.shadowRoot!.querySelector('.interrupted') !== null, 'README: an interrupted send is offered only where endpoint and org are those it was made for').to.be.false;
      expect($<HTMLInputElement>(pageB, '#supporter-consent').checked, 'README: consent never carries over to another organizer').to.be.false;
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
    expect($<HTMLInputElement>(again, '#supporter-consent').checked, 'README: consent is kept in the draft, for the same endpoint and org').to.be.true;
  });

  it('where storage is blocked, let the widget work the same, without remembering', async () => {
    const endpoint = endpointBucket('ok');
    const thrown: string[] = [];
    const onError = (event: ErrorEvent) => thrown.push(event.message);
    const onRejection = (event: PromiseRejectionEvent) => thrown.push(String(event.reason));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    const blocked = () => {
      throw new DOMException('The user denied access to storage.', 'SecurityError');
    };
    // As a browser that blocks storage does it: touching either storage throws.
    const storages = (['localStorage', 'sessionStorage'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(window, name)] as const);
    for (const [name] of storages) Object.defineProperty(window, name, {configurable: true, get: blocked});
    try {
      const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`).catch((error) => {
        throw new Error(`README: where storage is blocked the widget works the same (showing it threw: ${error})`);
      });
      $(element, '#supporter-consent').click();
      $<HTMLButtonElement>(element, '.switcher button[lang=es]').click();
      await element.updateComplete;
      expect($(element, 'legend').textContent, 'the language switcher works without storage').to.contain('Elija');
      send(element);
      await until(() => sent(element), 'README: where storage is blocked the widget works the same (the thank-you)');
      const [request, ...more] = await endpoint.recorded();
      expect(more).to.have.length(0);
      expect(request!.body.recommendations).to.deep.equal(['tps', 'climate']);
      expect(request!.body.consent).to.be.true;
      element.parentElement!.remove();
    } finally {
      for (const [name, descriptor] of storages) {
        if (descriptor) Object.defineProperty(window, name, descriptor);
        else delete (window as unknown as Record<string, unknown>)[name];
      }
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    }
    expect(thrown, 'README: where storage is blocked the widget works the same (no uncaught error)').to.deep.equal([]);
    expect(localStorage.length + sessionStorage.length, 'README: … without remembering').to.equal(0);
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
