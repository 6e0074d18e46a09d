import {html, isServer, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import {msg, str} from '@lit/localize';
import {languageNameIn} from '../i18n/language-name.js';
import {listFormat} from '../i18n/intl.js';
import {signedBody} from '../message/compose-message.js';
import type {Recipient} from '../message/recipients.js';
import {LIMITS} from '../send/limits.js';
import {COUNTER_FROM, lengthCounter} from './field.js';
import {outgoing, signer} from '../message/outgoing.js';
import {textOf, type WidgetActions, type WidgetView} from './widget-view.js';
import {thenFocus} from './then-focus.js';
import {onItsWay} from './on-its-way.js';

/** The message built from the picks: who it goes to, its subject, and its text to edit. */
export function renderMessageEditor(view: WidgetView, actions: WidgetActions) {
  const {messageLocale: locale, interfaceLocale, form} = view;
  const {composed, body} = outgoing(view);
  const differs = locale !== view.locale;
  const keptTitles = form.keptEdited.map((id) => {
    const recommendation = view.campaign.recommendations.find((r) => r.id === id);
    return textOf(view, recommendation?.title)?.text ?? id;
  });
  // Never "(your name)" where the form does not ask for it: there would be nowhere to type it.
  const signature = signer(view, composed);
  // Before the first pick there is nothing to say yet: a message with no recommendation in it
  // would be an unfinished sentence, and half a screen of it on a phone.
  if (form.picks.size === 0 && !form.edited) {
    return html`<section part="message" class="message" aria-labelledby="message-heading">
      <h3 id="message-heading" tabindex="-1">${msg('Your message')}</h3>
      <p class="help">${msg('Pick at least one recommendation to write your message.')}</p>
      ${isServer ? pickedNote() : nothing}
    </section>`;
  }
  return html`
    <section part="message" class="message" aria-labelledby="message-heading">
      <h3 id="message-heading" tabindex="-1">${msg('Your message')}</h3>
      <dl class="envelope">
        <div>
          <dt>${msg('To')}</dt>
          <dd lang=${locale}>${listFormat(locale).format(composed.to.map((r) => addressed(view, r))) || '—'}</dd>
        </div>
        <div>
          <dt>${msg('Subject')}</dt>
          <dd lang=${locale}>${composed.subject}</dd>
        </div>
        ${differs
          ? html`<div>
              <dt>${msg('Language')}</dt>
              <dd>${languageNameIn(locale, interfaceLocale)}</dd>
            </div>`
          : nothing}
      </dl>
      <label for="message-body">${msg('Message (you can edit it)')}</label>
      <p id="message-help" class="help">${msg('Changing your picks adds or removes their lines; the rest of what you wrote stays.')}</p>
      <textarea
        part="message-body"
        id="message-body"
        lang=${locale}
        dir="auto"
        rows="12"
        maxlength=${LIMITS.body}
        aria-describedby=${body.length >= LIMITS.body * COUNTER_FROM ? 'message-help message-counter' : 'message-help'}
        .value=${live(body)}
        ?readonly=${isServer || onItsWay(view)}
        data-prerendered-body=${isServer ? body : nothing}
        @input=${(e: Event) => actions.editMessage((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${lengthCounter('message-counter', body.length, LIMITS.body, view.formatLocale)}
      <p class="signature" lang=${locale}>${composed.signOff}${signature.awaitingName
          ? html`${'\n'}<span class="placeholder" lang=${interfaceLocale}>${msg('(your name)')}</span>`
          : signature.text
            ? html`${'\n'}<span class="signer" dir="auto">${signature.text}</span>`
            : nothing}</p>
      ${keptTitles.length ? html`<p class="notice" role="status">${keptEditedText(interfaceLocale, keptTitles)}</p>` : nothing}
      ${renderEditControls(view, actions)} ${differs ? renderReaderVersion(view) : nothing}
    </section>
  `;
}

/**
 * Without an endpoint the reader's own mail goes to the recipients' addresses, which a `src`
 * campaign could set to anyone's under a trusted name: the reader sees each address.
 */
const addressed = (view: WidgetView, recipient: Recipient): string =>
  !view.options.endpoint && recipient.email ? `${recipient.name} <${recipient.email}>` : recipient.name;

/** Why unpicked recommendations are still in the message, with their headlines after a colon. */
function keptEditedText(interfaceLocale: string, titles: string[]): string {
  const list = listFormat(interfaceLocale).format(titles);
  return titles.length === 1
    ? msg(str`You unpicked this recommendation, but it stays in your message because you changed its text: ${list}. If you do not want it, delete it from the message.`, {id: 'kept-edited-one'})
    : msg(str`You unpicked these recommendations, but they stay in your message because you changed their text: ${list}. If you do not want them, delete them from the message.`, {id: 'kept-edited-other'});
}

function renderEditControls(view: WidgetView, actions: WidgetActions) {
  const {edited, discarded} = view.form;
  if (discarded) {
    return html`<p class="notice" role="status">
      ${msg('Your message was rebuilt from your picks.')}
      <button type="button" class="link" id="undo-rebuild" @click=${thenFocus(actions.undoStartAgain, '#rebuild-message')}>${msg('Undo')}</button>
    </p>`;
  }
  if (!edited) return nothing;
  const pinned = !view.messageLangFixed && edited.locale !== view.locale;
  return html`<p class="notice">
    ${pinned ? msg(str`Your edited message stays in ${languageNameIn(edited.locale, view.interfaceLocale)}.`) : msg('You edited this message.')}
    <button type="button" class="link" id="rebuild-message" @click=${thenFocus(actions.startAgain, '#undo-rebuild')}>
      ${pinned ? msg(str`Rebuild it in ${languageNameIn(view.locale, view.interfaceLocale)} from my picks`) : msg('Rebuild it from my picks')}
    </button>
  </p>`;
}

/** The message in the reader's language, so that they know what they are sending. */
function renderReaderVersion(view: WidgetView) {
  const version = view.compose(view.locale);
  return html`
    <details class="reader-version">
      <summary>${msg(str`The message in ${languageNameIn(view.locale, view.interfaceLocale)}, for reference`)}</summary>
      ${view.form.edited ? html`<p class="help">${msg('Built from your picks; your own edits are not translated.')}</p>` : nothing}
      <p class="preview">${signedBody(version.body, version.signOff, signer(view, version).text)}</p>
    </details>
  `;
}

/**
 * Pre-rendered only: what the message section says once the reader has picked, before the script
 * comes or if it never does (no-script.styles.ts shows it in place of "Pick at least one…", by
 * CSS alone; `hidden` where a page's policy blocks the markup's styles). The script's own first
 * view has no such line, so the take-over moves nothing.
 */
const pickedNote = () => html`<p class="help picked-note" hidden>${msg('Your message will be written from the recommendations you picked.')}</p>`;
