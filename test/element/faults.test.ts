import {expect, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {CivicAction} from '../../src/civic-action.component.js';
import {$, builtWidgetInFrame, consoleErrorsDuring, endpointBucket, fillSupporter, mount, pick, readyInFrame, until} from '../helpers.js';

const sent = (element: CivicAction) => element.shadowRoot!.querySelector('[part=confirmation]') !== null;
const alertText = (element: CivicAction) => $(element, '[role=alert]').textContent!.replace(/\s+/g, ' ').trim();
const statusText = (element: CivicAction) => $(element, '#send-status').textContent!.replace(/\s+/g, ' ').trim();

/** A widget with two picks and the supporter's fields filled, ready to send. */
async function ready(template: ReturnType<typeof html>): Promise<CivicAction> {
  const element = await mount(template);
  element.retryBaseDelay = 50;
  await pick(element, 'tps', 'climate');
  await fillSupporter(element);
  return element;
}

const send = (element: CivicAction) => $(element, '[part=submit]').click();

describe('endpoint and network faults', function () {
  this.timeout(20_000);

  it('retries 500, 502, 503 and 504 by itself, waiting longer each time, with the same key', async () => {
    const endpoint = endpointBucket('seq-500-502-503-504-201');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} retries="4"></civic-action>`);
    send(element);
    await until(() => sent(element), 'the thank-you');
    const requests = await endpoint.recorded();
    expect(requests).to.have.length(5);
    expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    // Waits grow: the nth is at least half of 50 ms × 2^(n-1) (jitter takes up to half off).
    requests.slice(1).forEach((request, i) => {
      expect(request.at - requests[i]!.at, `wait ${i + 1}`).to.be.at.least((50 * 2 ** i) / 2);
    });
  });

  it('stops after its retries, keeps everything, and lets the reader try again with the same id', async () => {
    const endpoint = endpointBucket('status-503');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} retries="2"></civic-action>`);
    send(element);
    await until(() => alertText(element) !== '', 'the failure');
    expect(alertText(element)).to.contain('error 503').and.to.contain('Nothing you wrote is lost');
    expect(await endpoint.recorded()).to.have.length(3);
    expect($<HTMLInputElement>(element, '#supporter-email').value).to.equal('ana@example.org');
    expect($(element, '[part=submit]').textContent!.trim()).to.equal('Try again');
    send(element);
    await until(async () => (await endpoint.recorded()).length === 4, 'the manual retry');
    const keys = (await endpoint.recorded()).map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).to.equal(1);
  });

  for (const status of [429, 503]) {
    it(`honours Retry-After on ${status}`, async () => {
      const endpoint = endpointBucket(`seq-${status}ra1-201`);
      const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
      send(element);
      await until(() => statusText(element).includes('It asked us to wait'), 'the wait');
      await until(() => sent(element), 'the thank-you', 5000);
      const [first, second] = await endpoint.recorded();
      expect(second!.at - first!.at).to.be.at.least(1000);
    });
  }

  it('gives up on a silent endpoint after the timeout and retries; a late answer makes no second submission', async () => {
    const endpoint = endpointBucket('hold-first');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} timeout="1" retries="1"></civic-action>`);
    send(element);
    await until(() => sent(element), 'the thank-you', 6000);
    await endpoint.release();
    await new Promise((r) => setTimeout(r, 200));
    const requests = await endpoint.recorded();
    expect(requests).to.have.length(2);
    expect(requests[1]!.headers['idempotency-key']).to.equal(requests[0]!.headers['idempotency-key']);
    expect(sent(element)).to.be.true;
  });

  it('waits while offline, says so, and sends when the connection is back', async () => {
    const bucket = `offline${Math.random().toString(36).slice(2)}`;
    const result = (await executeServerCommand('offline-scenario', {bucket})) as {
      whileOffline: {onLine: boolean; status: string};
      sentAfterwards: boolean;
    };
    expect(result.whileOffline.onLine).to.be.false;
    expect(result.whileOffline.status).to.contain('You are offline').and.to.contain('as soon as the connection is back');
    expect(result.sentAfterwards).to.be.true;
    const recorded = await (await fetch(`/endpoint/recorded/${bucket}`)).json();
    expect(recorded).to.have.length(1);
  });

  it('does not retry a refusal, and shows the receiver’s field errors on those fields', async () => {
    const endpoint = endpointBucket('refuse-fields');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    await until(() => alertText(element) !== '', 'the refusal');
    await element.updateComplete;
    expect(alertText(element)).to.contain('did not accept your message (error 422)').and.to.contain('We could not use this email.');
    expect($(element, '#supporter-email-problem').textContent).to.equal('This address bounces.');
    expect($(element, '#supporter-email').getAttribute('aria-invalid')).to.equal('true');
    expect(element.shadowRoot!.activeElement?.id).to.equal('supporter-email');
    await new Promise((r) => setTimeout(r, 200));
    expect(await endpoint.recorded()).to.have.length(1);
    const email = $<HTMLInputElement>(element, '#supporter-email');
    email.value = 'ana@example.net';
    email.dispatchEvent(new InputEvent('input'));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('#supporter-email-problem')).to.be.null;
  });

  it('explains a CORS refusal to the reader and the organizer', async () => {
    // The test page is on localhost; 127.0.0.1 is another origin, whose server allows none.
    const cross = `http://127.0.0.1:${location.port}/endpoint/ok/cors`;
    const element = await ready(html`<civic-action endpoint=${cross} retries="0"></civic-action>`);
    const errors = await consoleErrorsDuring(async () => {
      send(element);
      await until(() => alertText(element) !== '', 'the failure');
    });
    expect(alertText(element)).to.contain('could not reach the server');
    expect(errors.join('\n')).to.contain('CORS').and.to.contain(cross);
  });

  // A form post needs no preflight, so a followed redirect would deliver it to the other host
  // (a JSON post's preflight happens to stop there already).
  it('does not follow a redirect to another host', async () => {
    const endpoint = endpointBucket('redirect');
    const bucket = endpoint.url.split('/').at(-1)!;
    const element = await ready(html`<civic-action endpoint=${endpoint.url} endpoint-format="form" retries="0"></civic-action>`);
    send(element);
    await until(() => alertText(element) !== '', 'the failure');
    expect(await endpoint.recorded()).to.have.length(1);
    const moved = await (await fetch(`/endpoint/recorded/${bucket}-moved`)).json();
    expect(moved, 'what the other host received').to.deep.equal([]);
    expect(sent(element)).to.be.false;
  });

  it('takes a 2xx whose body is not JSON as received', async () => {
    const endpoint = endpointBucket('text');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    await until(() => sent(element), 'the thank-you');
  });

  it('sends no cookies, even to its own origin', async () => {
    document.cookie = 'session=secret; path=/';
    try {
      const endpoint = endpointBucket('ok');
      const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
      send(element);
      await until(() => sent(element), 'the thank-you');
      expect((await endpoint.recorded())[0]!.headers.cookie).to.be.undefined;
    } finally {
      document.cookie = 'session=; path=/; max-age=0';
    }
  });
});

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
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    element.minFillTime = 3000;
    send(element);
    await element.updateComplete;
    expect(statusText(element)).to.contain('Sending your message…');
    expect($<HTMLButtonElement>(element, '[part=submit]').disabled).to.be.true;
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
    expect(requests).to.have.length(1);
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
    expect((requests[0]!.body as unknown as {signals: object}).signals).to.include({honeypot: true, restored: false});
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

describe('security', () => {
  for (const value of ['javascript:alert(1)', 'data:text/plain,x', 'ftp://example.org/x', 'http://example.org/x']) {
    it(`refuses endpoint="${value}", naming it`, async () => {
      let element!: CivicAction;
      const errors = await consoleErrorsDuring(async () => {
        element = await mount(html`<civic-action endpoint=${value}></civic-action>`);
      });
      expect(errors.join('\n')).to.contain(`endpoint="${value}"`);
      expect(element.shadowRoot!.querySelector('button[type=submit]')).to.be.null;
    });
  }

  it('has no innerHTML, outerHTML, insertAdjacentHTML or unsafeHTML in src/', async () => {
    const hits = await executeServerCommand('find-in-src', ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'unsafeHTML', 'document.write']);
    expect(hits).to.deep.equal([]);
  });

  it('shows campaign text as text, never as markup', async () => {
    const element = await mount(html`<civic-action></civic-action>`);
    element.campaign = {
      id: 'markup',
      defaultLocale: 'en',
      title: {en: '<img src=x onerror="window.pwned=1">Title'},
      recommendations: [{id: 'a', title: {en: '<b>A</b>'}, text: {en: '<script>window.pwned=1</script>'}}],
    };
    await element.updateComplete;
    expect($(element, 'h2').textContent).to.equal('<img src=x onerror="window.pwned=1">Title');
    expect(element.shadowRoot!.querySelector('img, b, script')).to.be.null;
    expect((window as unknown as {pwned?: number}).pwned).to.be.undefined;
  });

  it('works and sends under a strict Content-Security-Policy with Trusted Types, without a violation', async () => {
    const bucket = `csp${Math.random().toString(36).slice(2)}`;
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
    iframe.src = `/csp-page?bucket=${bucket}`;
    await loaded;
    const win = iframe.contentWindow as Window & {violations: string[]};
    await win.customElements.whenDefined('civic-action');
    const element = win.document.querySelector('civic-action') as CivicAction;
    await readyInFrame(element);
    const root = element.shadowRoot!;
    (root.querySelector('[part=submit]') as HTMLButtonElement).click();
    await until(() => root.querySelector('[part=confirmation]') !== null, 'the thank-you');
    expect(win.violations).to.deep.equal([]);
    const recorded = await (await fetch(`/endpoint/recorded/${bucket}`)).json();
    expect(recorded).to.have.length(1);
    iframe.remove();
  });
});

describe('drafts of visitors who do nothing', () => {
  it('leave nothing in storage', async () => {
    await mount(html`<civic-action endpoint="/endpoint/ok/idle"></civic-action>`);
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
  });
});
