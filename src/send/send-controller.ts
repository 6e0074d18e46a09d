import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {DraftOwner, Pending} from '../draft/draft-store.js';
import type {SubmissionInput} from './build-submission.js';
import type {Delivery, DeliveryStatus} from './delivery.js';
import {checksLoaded} from '../lazy/checks-loader.js';
import type {RetryPolicy} from './retry-policy.js';

/** Where sending stands: a delivery's status, or a submission our own schema refused. */
export type SendState = DeliveryStatus | {phase: 'invalid'};

/** Where and how a submission goes, as the organizer configured it. */
export interface DeliverySettings {
  endpoint: URL;
  /** The `endpoint` attribute as written, to name it in the console. */
  endpointAttribute: string | null;
  timeoutMs: number;
  format: 'json' | 'form';
  policy: RetryPolicy;
  /** The widget sending: a submission left on its way is offered again only by the same. */
  owner: DraftOwner;
}

/** What the element does when a send ends: show the thank-you, or point at what the receiver refused. */
export interface SendOutcomes {
  sent(confirm: boolean): void;
  refused(fields: Readonly<Record<string, string>>): void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Sends one submission at a time and reports where it stands, to the reader (as `state`) and to
 * the page (as events). A submission keeps its id until it is sent, so that retries, a second
 * press and a send after a refusal carry the same Idempotency-Key.
 */
export class SendController implements ReactiveController {
  state: SendState | null = null;
  /**
   * A submission from an earlier visit that may not have arrived, offered to send again where
   * it was going (see `offerHere`); kept in the draft either way.
   */
  interrupted: Pending | null = null;
  // Not private: buildAndDeliver() and deliver() in the checks' chunk (send/deliver.ts) drive them.
  id: string | null = null;
  delivery: Delivery | null = null;
  /** The submission being delivered, with where it is going, as the draft keeps it. */
  onItsWay: Pending | null = null;

  constructor(
    readonly host: Host,
    readonly outcomes: SendOutcomes,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.delivery?.stop();
  }

  /** Sending or sent: a second click or Enter does nothing. */
  get busy(): boolean {
    const phase = this.state?.phase;
    return phase === 'sending' || phase === 'sent';
  }

  /** The submission to keep in the draft: one that was offered again, or one still on its way. */
  get pending(): Pending | null {
    const phase = this.state?.phase;
    return this.interrupted ?? (phase === 'sending' || phase === 'waiting' || phase === 'offline' || phase === 'failed' ? this.onItsWay : null);
  }

  /**
   * Builds the submission and delivers it (`buildAndDeliver`, in the checks' chunk, which brought
   * the form that sends, and made `input`). A send sooner than a person could pick and type is
   * held for `holdMs`, not dropped.
   */
  send(input: Omit<SubmissionInput, 'id'>, settings: DeliverySettings, holdMs: number): Promise<void> {
    return checksLoaded()!.buildAndDeliver(this, input, settings, holdMs);
  }

  discardInterrupted(): void {
    this.interrupted = null;
    this.host.requestUpdate();
  }

  setState(state: SendState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
