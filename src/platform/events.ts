/** The events the widget sends to its page; see the element's `@event` docs for each detail. */
export type CivicActionEvent = 'civic-action-pick' | 'civic-action-submit' | 'civic-action-sent' | 'civic-action-error';

/** Bubbles and crosses shadow roots, so that a page's one listener on `document` hears every widget. */
export function emit(target: EventTarget, name: CivicActionEvent, detail: object): void {
  target.dispatchEvent(new CustomEvent(name, {bubbles: true, composed: true, detail}));
}
