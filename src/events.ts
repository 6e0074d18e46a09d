/**
 * The events `<civic-action>` dispatches, with their `detail`, for TypeScript users:
 * `element.addEventListener('civic-action-sent', (event) => event.detail.confirm)` is typed, and
 * the framework typings (`civic-action/react`, `/preact`, `/vue`) take their event handlers from
 * here. All bubble and are composed. The element documents them with `@event` (and so
 * custom-elements.json); test/packages/declarations.test.mjs checks that both name the same
 * events and the same `detail` fields.
 *
 * Types only: nothing here reaches the built scripts.
 */

/** `civic-action-pick`: a recommendation was picked or unpicked (also pick all / clear all). */
export interface CivicActionPickDetail {
  /** The campaign's id. */
  campaign: string;
  /** The ids picked now, in campaign order. */
  picked: string[];
}

/** `civic-action-submit`: the reader pressed send. No personal data, so safe to pass to analytics. */
export interface CivicActionSubmitDetail {
  campaign: string;
  /** The submission's id (a UUID), also its `Idempotency-Key`. */
  id: string;
  /** The recommendation ids sent. */
  recommendations: string[];
  /** The language the reader read the widget in. */
  locale: string;
  /** The language of the message sent. */
  messageLocale: string;
}

/** `civic-action-sent`: the endpoint received the submission (answered 2xx). */
export interface CivicActionSentDetail {
  campaign: string;
  id: string;
  recommendations: string[];
  /**
   * `true` when the receiver answered `{"status": "confirm"}`: the message goes out only once
   * the supporter opens the link the receiver emailed them.
   */
  confirm: boolean;
}

/** `civic-action-error`: something went wrong that the organizer may want to know. */
export interface CivicActionErrorDetail {
  campaign: string;
  /**
   * `failed`: retries used up; `refused`: the endpoint answered 4xx; `invalid`: the submission
   * did not match its schema; `campaign`: the campaign, or the built-in campaign's texts, could not be loaded.
   */
  kind: 'failed' | 'refused' | 'invalid' | 'campaign';
  /** The submission's id, when there was one. */
  id?: string;
  /** The endpoint's HTTP status, when it answered. */
  status?: number;
  /** What went wrong: for `failed` `server`, `network` or `timeout`; for `invalid` and `campaign` a description. */
  reason?: string;
}

/** Every event of `<civic-action>` by name. */
export interface CivicActionEventMap {
  'civic-action-pick': CustomEvent<CivicActionPickDetail>;
  'civic-action-submit': CustomEvent<CivicActionSubmitDetail>;
  'civic-action-sent': CustomEvent<CivicActionSentDetail>;
  'civic-action-error': CustomEvent<CivicActionErrorDetail>;
}

declare global {
  // The events bubble and are composed: a listener on the element, on any ancestor, on
  // `document` or on `window` hears them, so all of those get the types.
  interface GlobalEventHandlersEventMap extends CivicActionEventMap {}
}
