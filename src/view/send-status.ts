import {html, nothing} from 'lit';
import {msg} from '@lit/localize';
import type {SendState} from '../send/send-controller.js';
import {checksLoaded} from '../lazy/checks-loader.js';

// Waiting to retry, failing and being refused are only ever reported by a delivery, which comes
// with the checks' chunk: their texts come with it too (delivery-status.ts).

/**
 * Progress, for a polite live region: sending, waiting to retry, waiting for the network.
 * `formatLocale` is the locale times are written in (see `formatLocale` in `i18n/intl.ts`).
 */
export function progressText(state: SendState | null, formatLocale: string) {
  switch (state?.phase) {
    case 'sending':
      return html`<span class="spinner" aria-hidden="true"></span>${msg('Sending your message…')}`;
    case 'waiting':
      return checksLoaded()!.waitingText(state, formatLocale);
    case 'offline':
      return msg('You are offline. Your message will be sent as soon as the connection is back.');
    default:
      return nothing;
  }
}

/** Failures, for an assertive live region, each with what the reader can do. */
export function failureText(state: SendState | null) {
  const kept = msg('Nothing you wrote is lost: try again.');
  switch (state?.phase) {
    case 'failed':
    case 'refused':
      return checksLoaded()!.deliveryFailureText(state, kept);
    case 'invalid':
      return `${msg('Your message could not be sent.')} ${kept}`;
    default:
      return nothing;
  }
}

/** The send button's words for where sending stands. */
export function sendButtonText(state: SendState | null): string {
  switch (state?.phase) {
    case undefined:
    case 'sending':
      return msg('Send my message');
    case 'waiting':
      return msg('Try now');
    default:
      return msg('Try again');
  }
}
