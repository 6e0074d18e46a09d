import {expect, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {$, alertText, consoleErrorsDuring, endpointBucket, ready, send, sent, statusText, until} from '../helpers.js';

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
