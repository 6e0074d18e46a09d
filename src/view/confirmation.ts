import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {listFormat} from '../i18n/intl.js';
import {renderShare} from './share-links.js';
import {pageAddress} from '../send/build-submission.js';
import {textOf, type WidgetActions, type WidgetView} from './widget-view.js';

/** The thank-you after a send, and ways to pass the action on. */
export function renderConfirmation(view: WidgetView, actions: WidgetActions, confirm: boolean) {
  const names = listFormat(view.locale).format(view.compose(view.locale).to.map((r) => r.name));
  // Saying "sent" when the receiver waits for the supporter's click would lose those messages.
  // The names come after a colon: a name with its title ("Kamala Harris, Vice President of the
  // United States") then needs no article or preposition to fit the sentence.
  return html`
    <section part="confirmation" class="confirmation">
      ${confirm
        ? html`<h2 id="confirmation-heading" tabindex="-1">${msg('Thank you! Check your email to send your message.')}</h2>
            <p>${msg('Your message is not sent yet: open the link in the email we just sent you to send it.')}</p>`
        : html`<h2 id="confirmation-heading" tabindex="-1">${msg('Thank you! Your message was sent.')}</h2>
            ${names ? html`<p>${msg(str`Your message is on its way to: ${names}.`)}</p>` : nothing}`}
    </section>
    ${renderShare({url: shareLink(view), text: shareMessage(view), copied: view.copied.link, onCopy: actions.copyLink, onNativeShare: actions.nativeShare})}
  `;
}

/** The page to share: `share-url`, or this page without its query and fragment. */
export const shareLink = (view: WidgetView): string => view.options.shareUrl?.href ?? pageAddress(location.href);

/** The text offered for sharing: `share-text`, or the campaign's title. */
export const shareMessage = (view: WidgetView): string =>
  view.options.shareText ?? textOf(view, view.campaign.title)?.text ?? '';
