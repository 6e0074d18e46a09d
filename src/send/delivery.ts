import type {Submission} from './submission-schema.js';
import {defaultRetryPolicy, nextRetryDelay, trySending, type RetryPolicy, type TryResult} from './send-submission.js';

type Retry = Extract<TryResult, {kind: 'retry'}>;

/** Where one submission is on its way to the receiver. */
export type DeliveryStatus =
  | {phase: 'sending'; attempt: number}
  /** An automatic retry is due at `at` (epoch ms). */
  | {phase: 'waiting'; attempt: number; at: number; last: Retry}
  /** The browser is offline: it goes out when the connection is back. */
  | {phase: 'offline'}
  /** `confirm`: the receiver waits for the supporter to confirm by email before it goes further. */
  | {phase: 'sent'; confirm: boolean}
  /** The receiver refused it (4xx): trying again would not help until something changes. */
  | {phase: 'refused'; result: Extract<TryResult, {kind: 'refused'}>}
  /** Automatic retries are used up: the reader decides when to try again. */
  | {phase: 'failed'; last: Retry};

export interface DeliveryOptions {
  endpoint: URL;
  submission: Submission;
  timeoutMs: number;
  format?: 'json' | 'form';
  policy?: RetryPolicy;
  onStatus: (status: DeliveryStatus) => void;
}

/**
 * Takes one submission to the receiver: tries, waits, retries, waits for the network, and
 * stops once it is sent or refused. Only one request is ever in flight, and every try
 * carries the same id, so double clicks and retries cannot make two submissions.
 */
export class Delivery {
  private failures = 0;
  private inFlight = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly onOnline = () => this.tryNow();

  constructor(private readonly options: DeliveryOptions) {}

  get submission(): Submission {
    return this.options.submission;
  }

  /** Starts, or tries again now (a reader's "Try again"); does nothing while a try is out. */
  tryNow(): void {
    if (this.inFlight || this.stopped) return;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
    if (!navigator.onLine) return this.waitForNetwork();
    void this.attempt();
  }

  /** Gives up for good: no more timers, listeners or status reports. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
  }

  private report(status: DeliveryStatus): void {
    if (!this.stopped) this.options.onStatus(status);
  }

  private waitForNetwork(): void {
    this.report({phase: 'offline'});
    window.addEventListener('online', this.onOnline, {once: true});
  }

  private async attempt(): Promise<void> {
    this.inFlight = true;
    this.report({phase: 'sending', attempt: this.failures + 1});
    const {endpoint, submission, timeoutMs, format} = this.options;
    const result = await trySending(endpoint, submission, {timeoutMs, ...(format ? {format} : {})});
    this.inFlight = false;
    if (this.stopped) return;
    if (result.kind === 'sent') {
      this.stop();
      this.options.onStatus({phase: 'sent', confirm: result.confirm});
      return;
    }
    if (result.kind === 'refused') return this.report({phase: 'refused', result});
    if (result.reason === 'network' && !navigator.onLine) return this.waitForNetwork();
    this.failures += 1;
    const delay = nextRetryDelay(this.failures, result, this.options.policy ?? defaultRetryPolicy);
    if (delay === undefined) {
      // Start counting afresh for the reader's own retry.
      this.failures = 0;
      return this.report({phase: 'failed', last: result});
    }
    this.report({phase: 'waiting', attempt: this.failures, at: Date.now() + delay, last: result});
    this.timer = setTimeout(() => this.tryNow(), delay);
  }
}
