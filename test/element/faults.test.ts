import {expect, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {timeOfDay} from '../../src/i18n/times.js';
import {$, alertText, consoleErrorsDuring, type, endpointBucket, expectOneSubmission, ready, send, sent, statusText, until} from '../helpers.js';

/**
 * README's fault table, row by row ("What the widget does when things go wrong"). Each
 * assertion's message names the promise it checks, so that a failure says which one broke.
 */
describe('endpoint and network faults', function () {
  this.timeout(20_000);

  it('retries 500, 502, 503 and 504 by itself, waiting longer each time, with the same key', async () => {
    const endpoint = endpointBucket('seq-500-502-503-504-201');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} retries="4"></civic-action>`);
    // Timed on the page, from the press to the thank-you: the test server's clock carries its own
    // delays on a busy machine, and the page's timers never fire early, so the whole is at least
    // the sum of the waits.
    const pressed = performance.now();
    send(element);
    await until(() => sent(element) || alertText(element) !== '', 'the thank-you or a failure', 10_000);
    const took = performance.now() - pressed;
    const requests = await endpoint.recorded();
    expect(alertText(element), 'README: 500, 502, 503 and 504 are retried, not shown as a failure').to.equal('');
    expect(requests, 'README: 500, 502, 503 and 504 are each retried by the widget itself').to.have.length(5);
    expectOneSubmission(requests, 'README: every try carries the same Idempotency-Key');
    // Waits grow: the nth is at least half of 50 ms × 2^(n-1) (jitter takes up to half off), so four
    // take at least 25 + 50 + 100 + 200 = 375 ms; four that did not grow would take at most 200.
    // (408 has its own test below: Chromium resends a request answered 408 by itself, which once
    // made a wait here look like 3 ms and a whole like 1,222 ms.)
    expect(took, 'README: waits grow 1 s, 2 s, 4 s … (four waits, base 50 ms)').to.be.at.least(375);
  });

  it('says a try that did not reach the server did not reach it, not that the server had a problem', async () => {
    const endpoint = endpointBucket('seq-drop-201');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} retries="1"></civic-action>`);
    const said: string[] = [];
    send(element);
    await until(() => {
      said.push(statusText(element));
      return element.shadowRoot!.querySelector('#confirmation-heading') !== null;
    }, 'the second try to go through');
    const waiting = said.find((text) => text.includes('Trying again in a moment'));
    expect(waiting, 'the wait before the second try').to.contain('Your message could not reach the server.');
    expect(waiting).to.not.contain('The server had a problem');
  });

  // Chromium itself resends a request answered 408 on a reused connection, so the number of
  // requests says little here: what the reader is told says whether the widget retried.
  for (const status of [408, 425]) {
    it(`retries ${status} by itself, as a server problem rather than a refusal`, async () => {
      const endpoint = endpointBucket(`status-${status}`);
      const element = await ready(html`<civic-action endpoint=${endpoint.url} retries="1"></civic-action>`);
      let waited = false;
      send(element);
      await until(() => {
        waited ||= statusText(element).includes('Trying again in a moment');
        return alertText(element) !== '';
      }, `README: ${status} is retried, then the reader asked`);
      expect(waited, `README: ${status} is retried by itself ("Trying again in a moment")`).to.be.true;
      expect(alertText(element), `README: ${status} is retried, not a refusal`).to.contain(`The server could not take your message (error ${status}).`);
      expectOneSubmission(await endpoint.recorded(), 'README: every try carries the same Idempotency-Key');
    });
  }

  it('stops after its retries, keeps everything, and lets the reader try again with the same id', async () => {
    const endpoint = endpointBucket('status-503');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} retries="2"></civic-action>`);
    send(element);
    await until(() => alertText(element) !== '', 'README: after its retries, the reader is asked to try again');
    expect(alertText(element)).to.contain('error 503').and.to.contain('Nothing you wrote is lost');
    expect(await endpoint.recorded(), 'README: retries by itself `retries` times, then asks the reader').to.have.length(3);
    expect($<HTMLInputElement>(element, '#supporter-email').value).to.equal('ana@example.org');
    expect($(element, '[part=submit]').textContent!.trim()).to.equal('Try again');
    send(element);
    await until(async () => (await endpoint.recorded()).length === 4, 'README: "Try again" resends');
    expectOneSubmission(await endpoint.recorded(), 'README: "Try again" resends the same submission with the same id');
  });

  for (const status of [429, 503]) {
    it(`honours Retry-After on ${status}`, async () => {
      const endpoint = endpointBucket(`seq-${status}ra1-201`);
      const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
      send(element);
      await until(() => statusText(element).includes('It asked us to wait'), `README: ${status} with Retry-After: "It asked us to wait"`);
      await until(() => sent(element), 'README: … then it tries again when asked, and sends', 5000);
      const [first, second] = await endpoint.recorded();
      expect(second!.at - first!.at, 'README: waits exactly the Retry-After the server asked for').to.be.at.least(1000);
    });
  }

  it('says when it will try again after a Retry-After, as a time of day', async () => {
    const endpoint = endpointBucket('seq-503ra120-201');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    const before = Date.now();
    send(element);
    await until(() => statusText(element).includes('It asked us to wait'), 'README: 503 with Retry-After: "It asked us to wait"');
    const after = Date.now();
    // The widget counts the two minutes from the answer, which came between these two moments.
    const expected = [before, after].map((t) => `The server had a problem. It asked us to wait: trying again at ${timeOfDay('en-US', t + 120_000).time}.`.replace(/\s+/g, ' '));
    expect(expected, 'README: "It asked us to wait: trying again at <the time the server asked for>"').to.include(statusText(element));
    expect($(element, '[part=submit]').textContent!.trim()).to.equal('Try now');
    expect(await endpoint.recorded()).to.have.length(1);
  });

  it('leaves a Retry-After of more than 5 minutes to the reader', async () => {
    const endpoint = endpointBucket('seq-503ra301-201');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    await until(() => alertText(element) !== '', 'README: a Retry-After over 5 minutes is left to the reader ("try again")');
    expect(alertText(element), 'README: a Retry-After longer than 5 minutes is left to the reader').to.contain('error 503').and.to.contain('try again');
    expect(statusText(element)).not.to.contain('It asked us to wait');
    expect(await endpoint.recorded()).to.have.length(1);
  });

  it('gives up on a silent endpoint after the timeout and retries; a late answer makes no second submission', async () => {
    const endpoint = endpointBucket('hold-first');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} timeout="1" retries="1"></civic-action>`);
    send(element);
    await until(() => sent(element), 'README: no answer within `timeout` is retried (then the thank-you)', 6000);
    await endpoint.release();
    await new Promise((r) => setTimeout(r, 200));
    const requests = await endpoint.recorded();
    expect(requests, 'README: no answer within `timeout` is retried once').to.have.length(2);
    expectOneSubmission(requests, 'README: a retry racing a late answer carries the same Idempotency-Key');
    expect(sent(element)).to.be.true;
  });

  interface OfflineResult {
    whileOffline: {onLine: boolean; status: string; showedOffline: boolean; requests: number; sealed: {message: boolean; supporter: boolean}};
    sentAfterwards: boolean;
    requests: Array<{id: string | null; key: string | null}>;
    statusAfterwards: string | null;
  }

  it('waits while offline, says so, and sends when the connection is back', async () => {
    const bucket = `offline${Math.random().toString(36).slice(2)}`;
    const result = (await executeServerCommand('offline-scenario', {bucket, when: 'before'})) as OfflineResult;
    expect(result.whileOffline.onLine).to.be.false;
    expect(result.whileOffline.status, 'README: offline when pressing send, the reader is told so')
      .to.contain('You are offline')
      .and.to.contain('as soon as the connection is back');
    expect(result.whileOffline.requests, 'README: nothing is tried while offline').to.equal(0);
    // The queued send carries the message as it was at the press: nothing typed meanwhile could go.
    expect(result.whileOffline.sealed, 'README: the message and the fields are read-only while it waits').to.deep.equal({message: true, supporter: true});
    expect(result.sentAfterwards, `README: it sends on the browser's online event (status afterwards: ${result.statusAfterwards})`).to.be.true;
    expect(result.requests, 'README: sent once, when the connection is back').to.have.length(1);
  });

  it('sends after the network goes away between the first pick and the send: the pick fetched what a send needs', async () => {
    const bucket = `offline${Math.random().toString(36).slice(2)}`;
    const result = (await executeServerCommand('offline-scenario', {bucket, when: 'after-pick'})) as OfflineResult;
    expect(result.whileOffline.onLine).to.be.false;
    expect(result.whileOffline.status, 'offline when pressing send, the reader is told so at once').to.contain('You are offline');
    expect(result.whileOffline.requests).to.equal(0);
    expect(result.sentAfterwards, `it sends when the connection is back (status afterwards: ${result.statusAfterwards})`).to.be.true;
    expect(result.requests).to.have.length(1);
  });

  it('waits for the connection after a network error while offline, then sends the same submission', async () => {
    const bucket = `offline${Math.random().toString(36).slice(2)}`;
    const result = (await executeServerCommand('offline-scenario', {bucket, when: 'during'})) as OfflineResult;
    expect(result.whileOffline.onLine).to.be.false;
    expect(result.whileOffline.showedOffline, `README: a network error while offline waits for the connection (status: ${result.whileOffline.status})`).to.be.true;
    expect(result.whileOffline.requests, 'README: nothing more is tried while offline').to.equal(1);
    expect(result.sentAfterwards, `README: it sends on the browser's online event (status afterwards: ${result.statusAfterwards})`).to.be.true;
    expect(result.requests, 'README: the try that failed, then one when the connection is back').to.have.length(2);
    const [first, second] = result.requests;
    expect(first!.key, 'README: every try carries an Idempotency-Key equal to the id').to.equal(first!.id);
    expect(second!.key, 'README: the same Idempotency-Key after the connection is back').to.equal(first!.key);
  });

  it('sends a message changed after a try whose answer was lost as a new submission, not the same id with another body (a 409 no reader could mend)', async () => {
    const endpoint = endpointBucket('seq-drop-201');
    const element = await ready(html`<civic-action endpoint=${endpoint.url} retries="0"></civic-action>`);
    send(element);
    await until(() => alertText(element) !== '', 'the failure of the only try');
    // The reader, believing nothing went, adds a line, and sends again.
    await type(element, '#message-body', ' One more thing.');
    send(element);
    await until(() => sent(element), 'the thank-you');
    const [first, second] = await endpoint.recorded();
    expect(second!.body.message.body).to.contain('One more thing.');
    expect(second!.body.id, 'a new id for the changed message').to.not.equal(first!.body.id);
    expect(second!.headers['idempotency-key']).to.equal(second!.body.id);
  });

  it('does not retry a refusal, shows the receiver’s field errors on those fields, and sends again with the same id once fixed', async () => {
    const endpoint = endpointBucket('seq-refuse-201');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    send(element);
    await until(() => alertText(element) !== '', 'README: a 4xx is shown to the reader');
    await element.updateComplete;
    expect(alertText(element), 'README: a 4xx: "The organizer’s server did not accept your message (error 422)", and its message')
      .to.contain('did not accept your message (error 422)')
      .and.to.contain('We could not use this email.');
    expect($(element, '#supporter-email-problem').textContent, 'README: each field error goes under the field it names').to.equal('This address bounces.');
    expect($(element, '#supporter-email').getAttribute('aria-invalid')).to.equal('true');
    expect(element.shadowRoot!.activeElement?.id, 'README: focus on the first field the receiver named').to.equal('supporter-email');
    await new Promise((r) => setTimeout(r, 200));
    expect(await endpoint.recorded(), 'README: a 4xx is not retried').to.have.length(1);
    const email = $<HTMLInputElement>(element, '#supporter-email');
    email.value = 'ana@example.net';
    email.dispatchEvent(new InputEvent('input'));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('#supporter-email-problem')).to.be.null;

    send(element);
    await until(() => sent(element), 'README: the reader fixes and sends again (the thank-you)');
    const requests = await endpoint.recorded();
    expect(requests).to.have.length(2);
    expectOneSubmission(requests, 'README: the reader fixes and sends again (same id)');
    expect(requests[1]!.body.supporter.email, 'the fixed email is what goes').to.equal('ana@example.net');
  });

  it('tells a reader refused without a reason (a wrong address’s 404) that it is not theirs to fix, and the organizer to check the address', async () => {
    const endpoint = endpointBucket('html-404');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    const errors = await consoleErrorsDuring(async () => {
      send(element);
      await until(() => alertText(element) !== '', 'README: a 4xx is shown to the reader');
    });
    expect(alertText(element)).to.contain('did not accept your message (error 404)').and.to.contain('The problem is on the organizers’ side.');
    expect(alertText(element), 'nothing to correct').not.to.contain('Correct what');
    expect(errors.join('\n'), 'README: the console names the endpoint and the status').to.contain(`endpoint="${endpoint.url}" answered 404 without saying why`);
    expect(await endpoint.recorded(), 'a refusal is not retried').to.have.length(1);
  });

  it('explains a CORS refusal to the reader and the organizer, retrying it like a network error', async () => {
    // The test page is on localhost; 127.0.0.1 is another origin, whose preflight answer allows none.
    const bucket = `cors${Math.random().toString(36).slice(2)}`;
    const cross = `http://127.0.0.1:${location.port}/endpoint/ok/${bucket}`;
    const element = await ready(html`<civic-action endpoint=${cross} retries="2"></civic-action>`);
    const errors = await consoleErrorsDuring(async () => {
      send(element);
      await until(() => alertText(element) !== '', 'README: a CORS refusal: "Your message could not reach the server"');
    });
    expect(alertText(element), 'README: a CORS refusal reads "Your message could not reach the server. Check your connection."').to.contain(
      'Your message could not reach the server. Check your connection.',
    );
    const asked: Array<{method: string}> = await (await fetch(`/endpoint/recorded/${bucket}`)).json();
    expect(asked.map((r) => r.method), 'README: a CORS refusal is retried like a network error (retries="2": three preflights, no POST)').to.deep.equal([
      'OPTIONS',
      'OPTIONS',
      'OPTIONS',
    ]);
    const logged = errors.join('\n');
    for (const words of [`endpoint="${cross}"`, 'CORS', location.origin, 'Access-Control-Allow-Origin', 'Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key']) {
      expect(logged, `README: the console tells the organizer which CORS headers the endpoint must send (${words})`).to.contain(words);
    }
  });

  // A form post needs no preflight, so a followed redirect would deliver it to the other host
  // (a JSON post's preflight happens to stop there already).
  it('does not follow a redirect to another host', async () => {
    const endpoint = endpointBucket('redirect');
    const bucket = endpoint.url.split('/').at(-1)!;
    const element = await ready(html`<civic-action endpoint=${endpoint.url} endpoint-format="form" retries="0"></civic-action>`);
    send(element);
    await until(() => alertText(element) !== '', 'README: a redirect is a failed try');
    expect(await endpoint.recorded()).to.have.length(1);
    const moved = await (await fetch(`/endpoint/recorded/${bucket}-moved`)).json();
    expect(moved, 'README: the submission never goes on to the host a redirect names').to.deep.equal([]);
    expect(sent(element)).to.be.false;
  });

  it('takes a 2xx whose body is not JSON as received, once', async () => {
    const endpoint = endpointBucket('text');
    const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    const arrived = new Promise<CustomEvent>((resolve) => element.addEventListener('civic-action-sent', (e) => resolve(e as CustomEvent), {once: true}));
    send(element);
    await until(() => sent(element), 'README: a 2xx whose body is not JSON means received (the thank-you)');
    expect(((await arrived).detail as {confirm: boolean}).confirm, 'README: a 2xx means received (the usual thank-you)').to.equal(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(await endpoint.recorded(), 'README: a 2xx whose body is not JSON is not retried').to.have.length(1);
    expect($(element, '#confirmation-heading').textContent).to.equal('Thank you! Your message was sent.');
  });

  it('sends no cookies, even to its own origin', async () => {
    document.cookie = 'session=secret; path=/';
    try {
      const endpoint = endpointBucket('ok');
      const element = await ready(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
      send(element);
      await until(() => sent(element), 'the thank-you');
      expect((await endpoint.recorded())[0]!.headers.cookie, 'README: no cookies are sent (credentials: "omit")').to.be.undefined;
    } finally {
      document.cookie = 'session=; path=/; max-age=0';
    }
  });
});
