import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {dateFormat, timeOfDay} from '../i18n/times.js';
import {thenFocus} from './then-focus.js';
import type {WidgetActions, WidgetView} from './widget-view.js';

/** A send the page closed on: offered again, as it was, so that it is sent once. */
export function renderInterrupted(view: WidgetView, actions: WidgetActions) {
  const pending = view.interrupted;
  if (!pending) return nothing;
  const at = new Date(pending.submission.submittedAt);
  const date = dateFormat(view.formatLocale).format(at);
  const {time, one} = timeOfDay(view.formatLocale, at);
  // Two forms, for languages that say "a la 1:05" but "a las 2:05".
  return html`<div class="notice interrupted" role="status">
    <p>${one
      ? msg(str`The message you sent on ${date} at ${time} may not have arrived.`, {id: 'interrupted-at-one'})
      : msg(str`The message you sent on ${date} at ${time} may not have arrived.`, {id: 'interrupted-at-other'})}</p>
    <button type="button" class="primary" @click=${actions.sendInterrupted}>${msg('Send it now')}</button>
    <button type="button" class="secondary" @click=${thenFocus(actions.discardInterrupted, 'h2')}>${msg('Discard it')}</button>
  </div>`;
}
