import {signedBody, signerOf, type ComposedMessage} from './compose-message.js';
import type {WidgetView} from '../view/widget-view.js';

// With the form, in the checks' chunk (src/lazy/checks.ts): nothing before the form shows or sends a message.

/** Whether the form asks the supporter's name: as `fields` says, and always (optional) for the email fallback. */
const nameAsked = (view: WidgetView): boolean => !view.options.endpoint || Boolean(view.options.fields.name);

/** Who signs a message in the view's state: the name where it is asked, else the campaign's wording, else no one. */
export const signer = (view: WidgetView, composed: ComposedMessage) => signerOf(composed, view.form.supporter.name, nameAsked(view));

/** The message exactly as it will be sent: the body as edited or built, signed (see `signerOf`). */
export function outgoing(view: WidgetView) {
  const composed = view.compose(view.messageLocale);
  const body = view.form.edited?.text ?? composed.body;
  return {composed, body, text: signedBody(body, composed.signOff, signer(view, composed).text)};
}
