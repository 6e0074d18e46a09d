import {html, isServer, nothing} from 'lit';
import {msg} from '@lit/localize';
import {mailtoHref} from '../send/mailto.js';
import {needsScriptText, sendsOnlyWithScript} from './no-script.js';
import {failureText, progressText, sendButtonText} from './send-status.js';
import {outgoing} from '../message/outgoing.js';
import type {WidgetActions, WidgetView} from './widget-view.js';

/** The send button and where sending stands; without an endpoint, the reader's own email instead. */
export function renderActions(view: WidgetView, actions: WidgetActions) {
  if (!view.options.endpoint) return renderEmailFallback(view, actions);
  const state = view.sendState;
  // Written out here so that the script's build, where isServer is false, drops the notice.
  const needsScript = isServer && sendsOnlyWithScript(view);
  // While sending the button stays focusable (aria-disabled, not disabled): a disabled button
  // drops keyboard focus to the page's body for the whole send. A press then does nothing (`submit`).
  return html`
    <div class="actions">
      <button type="submit" part="submit" class="primary" ?disabled=${needsScript} aria-disabled=${state?.phase === 'sending' ? 'true' : nothing} aria-describedby="send-status">
        ${sendButtonText(state)}
      </button>
      <p id="send-status" class="status" role="status">${needsScript ? needsScriptText() : progressText(state, view.formatLocale)}</p>
      <div role="alert" class="failure">${failureText(state)}</div>
    </div>
  `;
}

/** Campaigns whose organizer was told their readers' email has no one to go to: once a page. */
const toldNoAddress = new Set<string>();

function renderEmailFallback(view: WidgetView, actions: WidgetActions) {
  const {composed, text} = outgoing(view);
  const emails = composed.to.flatMap((r) => (r.email ? [r.email] : []));
  const copied = view.copied.message;
  // Pre-rendered, a link written for the picks of the moment would stay as it is whatever the reader ticks.
  const needsScript = isServer && sendsOnlyWithScript(view);
  if (!emails.length && !isServer && !toldNoAddress.has(view.campaign.id)) {
    toldNoAddress.add(view.campaign.id);
    console.warn(`<civic-action>: no endpoint, and no recipient has an email address: readers' email apps open with no one to write to. Set endpoint, or recipients="Name <address>".`);
  }
  const help = emails.length
    ? msg('Send this message from your own email, or copy it and send it your way.')
    : // Nobody's address to write to (the built-in campaign gives none): the reader needs one of their own, or another way in.
      msg('Copy this message and send it to its recipients your way, or open it in your email app and add their address.');
  return html`
    <div class="actions">
      <p class="help">${needsScript ? needsScriptText() : help}</p>
      ${view.form.picks.size === 0 || needsScript
        ? // Both ways out wait for a pick (the message says so): copying a message with no
          // recommendation in it helps no one.
          nothing
        : html`<a part="submit" class="primary button" href=${mailtoHref({to: emails, subject: composed.subject, body: text})}>
              ${msg('Open in my email app')}
            </a>
            <button type="button" class="secondary" @click=${actions.copyMessage}>${msg('Copy the message')}</button>`}
      <p class="status" role="status">
        ${copied === 'yes' ? msg('Copied. Paste it into an email to the recipients.') : nothing}
        ${copied === 'no' ? msg('The message is selected: copy it with your keyboard or menu.') : nothing}
      </p>
    </div>
  `;
}
