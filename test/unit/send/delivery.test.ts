import {expect} from '@open-wc/testing';
import {Delivery, type DeliveryStatus} from '../../../src/send/delivery.js';
import type {RetryPolicy} from '../../../src/send/send-submission.js';
import {aSubmission} from './a-submission.js';

interface Recorded {
  headers: Record<string, string>;
  body: unknown;
  at: number;
}

/** A bucket of the test server's recording endpoint that answers as `behaviour` says. */
function endpoint(behaviour: string) {
  const bucket = `d${Math.random().toString(36).slice(2)}`;
  return {
    url: new URL(`/endpoint/${behaviour}/${bucket}`, location.href),
    recorded: async (): Promise<Recorded[]> => (await fetch(`/endpoint/recorded/${bucket}`)).json(),
    release: () => fetch(`/endpoint/release/${bucket}`),
  };
}

const quick: RetryPolicy = {retries: 3, baseDelayMs: 20, maxRetryAfterMs: 5 * 60_000};

/** A delivery of a fresh submission to `url`, recording every status it reports. */
function deliver(url: URL, policy: RetryPolicy = quick, timeoutMs = 5000) {
  const submission = aSubmission();
  const statuses: DeliveryStatus[] = [];
  const delivery = new Delivery({endpoint: url, submission, timeoutMs, policy, onStatus: (status) => statuses.push(status)});
  return {delivery, submission, statuses, phases: () => statuses.map((s) => s.phase)};
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const settled = (statuses: DeliveryStatus[]) => () => ['sent', 'refused', 'failed'].includes(statuses.at(-1)?.phase ?? '');

/** Makes the browser say it is offline (or online) and, going online, fires `online` as browsers do. */
function setOnline(online: boolean): void {
  if (online) {
    delete (navigator as unknown as Record<string, unknown>)['onLine'];
    window.dispatchEvent(new Event('online'));
  } else {
    Object.defineProperty(navigator, 'onLine', {configurable: true, get: () => false});
  }
}

describe('Delivery', function () {
  this.timeout(15_000);
  afterEach(() => delete (navigator as unknown as Record<string, unknown>)['onLine']);

  it('tries until sent, reporting each try and wait, every try the same submission with the same Idempotency-Key', async () => {
    const target = endpoint('seq-500-503-201');
    const {delivery, submission, statuses, phases} = deliver(target.url);
    delivery.tryNow();
    await until(settled(statuses), 'the end of the delivery');
    expect(phases()).to.deep.equal(['sending', 'waiting', 'sending', 'waiting', 'sending', 'sent']);
    expect(statuses.filter((s) => s.phase === 'sending').map((s) => (s as {attempt: number}).attempt)).to.deep.equal([1, 2, 3]);
    expect(statuses.at(-1)).to.deep.equal({phase: 'sent', confirm: false});
    const requests = await target.recorded();
    expect(requests).to.have.length(3);
    for (const request of requests) {
      expect(request.headers['idempotency-key'], 'README: every try carries the same Idempotency-Key').to.equal(submission.id);
      expect(request.body, 'README: every try is the same submission').to.deep.equal(submission);
    }
  });

  it('waits between tries as the policy says: doubling, between half and all of each wait', async () => {
    const target = endpoint('seq-503-503-503-201');
    const {delivery, statuses} = deliver(target.url, {...quick, baseDelayMs: 40});
    const started = Date.now();
    delivery.tryNow();
    await until(settled(statuses), 'the end of the delivery');
    const waits = statuses.flatMap((s) => (s.phase === 'waiting' ? [s.at] : []));
    expect(waits).to.have.length(3);
    const requests = await target.recorded();
    requests.slice(1).forEach((request, i) => {
      expect(request.at - requests[i]!.at, `README: waits grow (wait ${i + 1})`).to.be.at.least((40 * 2 ** i) / 2 - 5);
    });
    expect(Date.now() - started).to.be.below(2000);
  });

  it('stops after the policy’s retries with the last result, and counts afresh when the reader tries again', async () => {
    const target = endpoint('status-503');
    const {delivery, statuses, phases} = deliver(target.url, {...quick, retries: 1});
    delivery.tryNow();
    await until(settled(statuses), 'the failure');
    expect(phases()).to.deep.equal(['sending', 'waiting', 'sending', 'failed']);
    expect(statuses.at(-1)).to.deep.equal({phase: 'failed', last: {kind: 'retry', reason: 'server', status: 503}});
    expect(await target.recorded()).to.have.length(2);
    statuses.length = 0;
    delivery.tryNow();
    await until(settled(statuses), 'the second failure');
    expect(phases(), 'the reader’s "Try again" gets the retries again').to.deep.equal(['sending', 'waiting', 'sending', 'failed']);
    expect(await target.recorded()).to.have.length(4);
  });

  it('takes a refusal as final: one request, with the receiver’s message and fields', async () => {
    const target = endpoint('refuse-fields');
    const {delivery, statuses, phases} = deliver(target.url);
    delivery.tryNow();
    await until(settled(statuses), 'the refusal');
    await new Promise((r) => setTimeout(r, 100));
    expect(phases(), 'README: a 4xx is not retried').to.deep.equal(['sending', 'refused']);
    expect(statuses.at(-1)).to.deep.equal({
      phase: 'refused',
      result: {kind: 'refused', status: 422, message: 'We could not use this email.', fields: {'supporter.email': 'This address bounces.'}},
    });
    expect(await target.recorded()).to.have.length(1);
  });

  it('waits exactly the Retry-After the server asks for, and says until when', async () => {
    const target = endpoint('seq-503ra1-201');
    const {delivery, statuses} = deliver(target.url);
    const before = Date.now();
    delivery.tryNow();
    await until(settled(statuses), 'the end of the delivery');
    const waiting = statuses.find((s) => s.phase === 'waiting') as Extract<DeliveryStatus, {phase: 'waiting'}>;
    expect(waiting.last.retryAfterMs).to.equal(1000);
    expect(waiting.at - before, 'the time the status gives for the next try').to.be.within(1000, 1500);
    const [first, second] = await target.recorded();
    expect(second!.at - first!.at, 'README: waits exactly that').to.be.at.least(1000);
  });

  it('keeps one request in flight: tryNow while a try is out does nothing', async () => {
    const target = endpoint('hold');
    const {delivery, statuses} = deliver(target.url);
    delivery.tryNow();
    delivery.tryNow();
    await until(() => statuses.length > 0, 'the first try');
    delivery.tryNow();
    await new Promise((r) => setTimeout(r, 200));
    expect(await target.recorded(), 'README: one request in flight at a time').to.have.length(1);
    await target.release();
    await until(settled(statuses), 'the end of the delivery');
    expect(await target.recorded()).to.have.length(1);
  });

  it('retries a try with no answer within timeoutMs', async () => {
    const target = endpoint('hold-first');
    const {delivery, statuses, phases} = deliver(target.url, quick, 300);
    delivery.tryNow();
    await until(settled(statuses), 'the end of the delivery');
    expect(phases()).to.deep.equal(['sending', 'waiting', 'sending', 'sent']);
    expect((statuses[1] as Extract<DeliveryStatus, {phase: 'waiting'}>).last.reason).to.equal('timeout');
    await target.release();
  });

  it('offline at the start, waits for the browser’s online event, then sends', async () => {
    const target = endpoint('ok');
    const {delivery, statuses, phases} = deliver(target.url);
    setOnline(false);
    delivery.tryNow();
    await new Promise((r) => setTimeout(r, 100));
    expect(phases(), 'README: offline when pressing send: waits, saying so').to.deep.equal(['offline']);
    expect(await target.recorded()).to.have.length(0);
    setOnline(true);
    await until(settled(statuses), 'the send once online');
    expect(phases(), 'README: sends on the browser’s online event').to.deep.equal(['offline', 'sending', 'sent']);
  });

  it('after a network error while offline, waits for the online event rather than counting a failed try', async () => {
    const target = endpoint('seq-drop-201');
    const {delivery, submission, statuses, phases} = deliver(target.url, {...quick, retries: 0});
    delivery.tryNow();
    // The connection goes while the request is out: it fails, and the browser is offline.
    setOnline(false);
    await until(() => statuses.at(-1)?.phase !== 'sending', 'the failed try');
    await new Promise((r) => setTimeout(r, 100));
    expect(phases(), 'README: a network error while offline waits for the connection').to.deep.equal(['sending', 'offline']);
    setOnline(true);
    await until(settled(statuses), 'the send once online');
    expect(phases(), 'README: … and sends on the browser’s online event').to.deep.equal(['sending', 'offline', 'sending', 'sent']);
    const requests = await target.recorded();
    expect(requests.map((r) => r.headers['idempotency-key'])).to.deep.equal([submission.id, submission.id]);
  });

  it('after stop(), tries nothing more and reports nothing more', async () => {
    const target = endpoint('status-503');
    const {delivery, statuses} = deliver(target.url, {...quick, baseDelayMs: 100});
    delivery.tryNow();
    await until(() => statuses.some((s) => s.phase === 'waiting'), 'the first wait');
    delivery.stop();
    const reported = statuses.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(statuses).to.have.length(reported);
    expect(await target.recorded()).to.have.length(1);
    delivery.tryNow();
    await new Promise((r) => setTimeout(r, 100));
    expect(await target.recorded(), 'a stopped delivery stays stopped').to.have.length(1);
  });

  it('reports confirm when the receiver waits for the supporter’s email confirmation', async () => {
    const target = endpoint('confirm');
    const {delivery, statuses} = deliver(target.url);
    delivery.tryNow();
    await until(settled(statuses), 'the end of the delivery');
    expect(statuses.at(-1)).to.deep.equal({phase: 'sent', confirm: true});
  });
});
