import {expect} from '@open-wc/testing';
import {defaultRetryPolicy, nextRetryDelay, parseRetryAfter, trySending} from '../../../src/send/send-submission.js';
import {aSubmission} from './a-submission.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:30 GMT', now)).to.equal(30_000);
  });
  it('ignores what it cannot read, and dates in the past wait nothing', () => {
    expect(parseRetryAfter(null, now)).to.be.undefined;
    expect(parseRetryAfter('soon', now)).to.be.undefined;
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).to.equal(0);
  });
});

describe('nextRetryDelay', () => {
  const server = {kind: 'retry', reason: 'server', status: 503} as const;
  it('doubles the wait each time, with jitter between half and all of it', () => {
    const jitter = 'README: each wait is between half and all of 1 s, 2 s, 4 s …';
    expect(nextRetryDelay(1, server, defaultRetryPolicy, () => 0), jitter).to.equal(500);
    expect(nextRetryDelay(1, server, defaultRetryPolicy, () => 1), jitter).to.equal(1000);
    expect(nextRetryDelay(2, server, defaultRetryPolicy, () => 1), jitter).to.equal(2000);
    expect(nextRetryDelay(3, server, defaultRetryPolicy, () => 0), jitter).to.equal(2000);
    expect(nextRetryDelay(3, server, defaultRetryPolicy, () => 1), 'README: waits 1 s, 2 s, 4 s …').to.equal(4000);
  });
  it('stops after the set number of retries', () => {
    expect(nextRetryDelay(4, server, defaultRetryPolicy)).to.be.undefined;
    expect(nextRetryDelay(1, server, {...defaultRetryPolicy, retries: 0})).to.be.undefined;
  });
  it('takes the server’s Retry-After, up to a limit of 5 minutes', () => {
    expect(nextRetryDelay(1, {...server, retryAfterMs: 7000})).to.equal(7000);
    expect(nextRetryDelay(1, {...server, retryAfterMs: 5 * 60_000}), 'README: Retry-After is honoured up to 5 minutes').to.equal(5 * 60_000);
    expect(nextRetryDelay(1, {...server, retryAfterMs: 5 * 60_000 + 1000}), 'README: a longer Retry-After is left to the reader').to.be.undefined;
    expect(defaultRetryPolicy.maxRetryAfterMs).to.equal(5 * 60_000);
  });
});

describe('trySending', () => {
  const endpoint = (behaviour: string) => new URL(`/endpoint/${behaviour}/try${Math.random().toString(36).slice(2)}`, location.href);

  for (const status of [408, 425, 429, 500, 502, 503, 504]) {
    it(`takes ${status} as worth trying again`, async () => {
      const result = await trySending(endpoint(`status-${status}`), aSubmission(), {timeoutMs: 5000});
      expect(result, `README: ${status} is retried`).to.deep.equal({kind: 'retry', reason: 'server', status});
    });
  }

  for (const status of [400, 401, 403, 404, 409, 410, 413, 422]) {
    it(`takes ${status} as a refusal, not to be retried`, async () => {
      const result = await trySending(endpoint(`status-${status}`), aSubmission(), {timeoutMs: 5000});
      expect(result, `README: a 4xx other than 408, 425 and 429 is a refusal`).to.include({kind: 'refused', status, message: `status ${status} on purpose`});
    });
  }

  it('reads Retry-After with the status', async () => {
    expect(await trySending(endpoint('seq-503ra7'), aSubmission(), {timeoutMs: 5000})).to.deep.equal({kind: 'retry', reason: 'server', status: 503, retryAfterMs: 7000});
  });

  it('takes any 2xx as sent, whatever its body, and {"status": "confirm"} as waiting for the supporter', async () => {
    expect(await trySending(endpoint('text'), aSubmission(), {timeoutMs: 5000})).to.deep.equal({kind: 'sent', status: 200, confirm: false});
    expect(await trySending(endpoint('stored'), aSubmission(), {timeoutMs: 5000})).to.deep.equal({kind: 'sent', status: 201, confirm: false});
    expect(await trySending(endpoint('confirm'), aSubmission(), {timeoutMs: 5000})).to.deep.equal({kind: 'sent', status: 201, confirm: true});
  });

  it('gives the receiver’s message and field errors with a refusal', async () => {
    expect(await trySending(endpoint('refuse-fields'), aSubmission(), {timeoutMs: 5000})).to.deep.equal({
      kind: 'refused',
      status: 422,
      message: 'We could not use this email.',
      fields: {'supporter.email': 'This address bounces.'},
    });
  });

  it('posts JSON with an Idempotency-Key equal to the id, no cookies, and the body as it is', async () => {
    const url = endpoint('ok');
    const submission = aSubmission();
    await trySending(url, submission, {timeoutMs: 5000});
    const [request] = await (await fetch(url.href.replace('/endpoint/ok/', '/endpoint/recorded/'))).json();
    expect(request.headers['content-type']).to.equal('application/json');
    expect(request.headers['idempotency-key'], 'README: an Idempotency-Key header equal to the body’s id').to.equal(submission.id);
    expect(request.headers.cookie).to.be.undefined;
    expect(request.body).to.deep.equal(submission);
  });

  it('counts no answer within the timeout, and a network error, as worth trying again', async () => {
    const held = endpoint('hold');
    expect(await trySending(held, aSubmission(), {timeoutMs: 300})).to.deep.equal({kind: 'retry', reason: 'timeout'});
    await fetch(held.href.replace('/endpoint/hold/', '/endpoint/release/'));
    expect(await trySending(endpoint('seq-drop'), aSubmission(), {timeoutMs: 5000})).to.deep.equal({kind: 'retry', reason: 'network'});
  });

  it('refuses a redirect rather than follow it', async () => {
    expect(await trySending(endpoint('redirect'), aSubmission(), {timeoutMs: 5000, format: 'form'})).to.deep.equal({kind: 'retry', reason: 'network'});
  });
});
