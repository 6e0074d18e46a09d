import {expect} from '@open-wc/testing';
import {defaultRetryPolicy, nextRetryDelay, parseRetryAfter} from '../../../src/send/send-submission.js';

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
    expect(nextRetryDelay(1, server, defaultRetryPolicy, () => 0)).to.equal(500);
    expect(nextRetryDelay(1, server, defaultRetryPolicy, () => 1)).to.equal(1000);
    expect(nextRetryDelay(2, server, defaultRetryPolicy, () => 1)).to.equal(2000);
    expect(nextRetryDelay(3, server, defaultRetryPolicy, () => 0)).to.equal(2000);
  });
  it('stops after the set number of retries', () => {
    expect(nextRetryDelay(4, server, defaultRetryPolicy)).to.be.undefined;
    expect(nextRetryDelay(1, server, {...defaultRetryPolicy, retries: 0})).to.be.undefined;
  });
  it('takes the server’s Retry-After, up to a limit', () => {
    expect(nextRetryDelay(1, {...server, retryAfterMs: 7000})).to.equal(7000);
    expect(nextRetryDelay(1, {...server, retryAfterMs: 10 * 60_000})).to.be.undefined;
  });
});
