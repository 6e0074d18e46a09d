import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import type {SendState} from '../send/send-controller.js';
import {timeOfDay} from '../i18n/intl.js';

/**
 * Progress, for a polite live region: sending, waiting to retry, waiting for the network.
 * `formatLocale` is the locale times are written in (see `formatLocale` in `i18n/intl.ts`).
 */
export function progressText(state: SendState | null, formatLocale: string) {
  switch (state?.phase) {
    case 'sending':
      return html`<span class="spinner" aria-hidden="true"></span>${msg('Sending your message…')}`;
    case 'waiting': {
      const why = state.last.reason === 'timeout' ? msg('The server took too long to answer.') : msg('The server had a problem.');
      if (state.last.retryAfterMs === undefined) return `${why} ${msg('Trying again in a moment.')}`;
      const {time, one} = timeOfDay(formatLocale, state.at);
      // Two forms, for languages that say "a la 1:05" but "a las 2:05".
      const when = one
        ? msg(str`It asked us to wait: trying again at ${time}.`, {id: 'retry-at-one'})
        : msg(str`It asked us to wait: trying again at ${time}.`, {id: 'retry-at-other'});
      return `${why} ${when}`;
    }
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
      if (state.last.reason === 'timeout') return `${msg('The server took too long to answer.')} ${kept}`;
      if (state.last.reason === 'server') {
        return `${msg(str`The server could not take your message (error ${state.last.status}).`)} ${kept}`;
      }
      return `${msg('Your message could not reach the server. Check your connection.')} ${kept}`;
    case 'refused':
      // The receiver's own words, in a language we cannot know: lang="" says so.
      return html`${msg(str`The organizer’s server did not accept your message (error ${state.result.status}).`)}
        ${state.result.message ? html`<span lang="">“${state.result.message}”</span>` : nothing}
        ${msg('Correct what the organizer’s server asks for, then send your message again.')}`;
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
