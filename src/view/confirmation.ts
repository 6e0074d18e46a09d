import {html, nothing} from 'lit';
import {msg} from '@lit/localize';
import {onItsWayText} from '../message/recipient-sentences.js';
import {renderShare} from './share-links.js';
import {pageAddress} from '../send/page-address.js';
import {textOf, type WidgetActions, type WidgetView} from './widget-view.js';

/** The thank-you after a send, and ways to pass the action on. */
export function renderConfirmation(view: WidgetView, actions: WidgetActions, confirm: boolean) {
  // "Your message is on its way to Vice President Kamala Harris." / "… a la vicepresidenta …":
  // each recipient in its form inside a sentence, with the article Spanish needs.
  const onItsWay = onItsWayText(view.compose(view.locale).to, view.locale);
  // Saying "sent" when the receiver waits for the supporter's click would lose those messages.
  return html`
    <section part="confirmation" class="confirmation">
      ${confirm
        ? html`<h2 id="confirmation-heading" tabindex="-1">${msg('Thank you! Check your email to send your message.')}</h2>
            <p>${msg('Your message is not sent yet: open the link in the email we just sent you to send it.')}</p>`
        : html`<h2 id="confirmation-heading" tabindex="-1">${msg('Thank you! Your message was sent.')}</h2>
            ${onItsWay ? html`<p>${onItsWay}</p>` : nothing}`}
    </section>
    ${renderShare({url: shareLink(view), text: shareMessage(view), copied: view.copied.link, onCopy: actions.copyLink, onNativeShare: actions.nativeShare})}
  `;
}

/** The page to share: `share-url`, or this page without its query and fragment. */
export const shareLink = (view: WidgetView): string => view.options.shareUrl?.href ?? pageAddress(location.href);

/** The text offered for sharing: `share-text`, or the campaign's title. */
export const shareMessage = (view: WidgetView): string =>
  view.options.shareText ?? textOf(view, view.campaign.title)?.text ?? '';
