import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import type {DeliveryStatus} from '../send/delivery.js';
import {timeOfDay} from '../i18n/times.js';

// What only a delivery reports, so part of the checks' chunk with the Delivery that reports it:
// a retry to wait for, a failure, a refusal. The first script keeps the rest (send-status.ts).

/** Waiting to retry, for the polite live region; times in `formatLocale`. */
export function waitingText(state: Extract<DeliveryStatus, {phase: 'waiting'}>, formatLocale: string): string {
  const {reason} = state.last;
  const why =
    reason === 'timeout'
      ? msg('The server took too long to answer.')
      : reason === 'network'
        ? msg('Your message could not reach the server. Check your connection.')
        : msg('The server had a problem.');
  if (state.last.retryAfterMs === undefined) return `${why} ${msg('Trying again in a moment.')}`;
  const {time, one} = timeOfDay(formatLocale, state.at);
  // Two forms, for languages that say "a la 1:05" but "a las 2:05".
  const when = one
    ? msg(str`It asked us to wait: trying again at ${time}.`, {id: 'retry-at-one'})
    : msg(str`It asked us to wait: trying again at ${time}.`, {id: 'retry-at-other'});
  return `${why} ${when}`;
}

/** A failure or a refusal, for the assertive live region, with what the reader can do (`kept`). */
export function deliveryFailureText(state: Extract<DeliveryStatus, {phase: 'failed' | 'refused'}>, kept: string) {
  if (state.phase === 'refused') {
    const {status, message, fields} = state.result;
    // The receiver's own words, in a language we cannot know: lang="" says so. Without any (a
    // wrong address's 404, a 405), there is nothing for the reader to correct.
    return html`${msg(str`The organizer’s server did not accept your message (error ${status}).`)}
      ${message ? html`<span lang="">“${message}”</span>` : nothing}
      ${message || fields ? msg('Correct what the organizer’s server asks for, then send your message again.') : msg('The problem is on the organizers’ side. Nothing you wrote is lost: try again later.')}`;
  }
  if (state.last.reason === 'timeout') return `${msg('The server took too long to answer.')} ${kept}`;
  if (state.last.reason === 'server') return `${msg(str`The server could not take your message (error ${state.last.status}).`)} ${kept}`;
  return `${msg('Your message could not reach the server. Check your connection.')} ${kept}`;
}
