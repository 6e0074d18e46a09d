import {LitElement, type PropertyDeclarations} from 'lit';
import {defaultRetryPolicy} from './send/retry-policy.js';

/**
 * The organizer's settings of `<civic-action>`: its attributes, as properties, with what each
 * means. They stay as the organizer wrote them; `config/options.ts` reads them into what the
 * widget uses, telling the organizer in the console about any it cannot use.
 */
export class CivicActionSettings extends LitElement {
  // Declared without decorators: their helpers would cost every reader about 0.3 KB.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    recipients: {},
    messageLang: {attribute: 'message-lang'},
    theme: {reflect: true},
    timeout: {},
    retries: {},
    endpointFormat: {attribute: 'endpoint-format'},
    subject: {},
    src: {},
    minPicks: {attribute: 'min-picks'},
    maxPicks: {attribute: 'max-picks'},
    picked: {},
    fields: {},
    org: {},
    privacyUrl: {attribute: 'privacy-url'},
    successUrl: {attribute: 'success-url'},
    shareUrl: {attribute: 'share-url'},
    shareText: {attribute: 'share-text'},
    ref: {},
    tallySrc: {attribute: 'tally-src'},
  };

  /**
   * Where submissions are POSTed (payload version 1, as JSON unless `endpoint-format` says
   * `form`). Must be `https:` (`http:` only for localhost). Without a usable endpoint the widget
   * offers to send the message from the reader's own email app instead.
   */
  endpoint: string | null = null;

  /**
   * Who the message goes to: comma-separated `Name <email>` or `Name` entries. Defaults to the
   * campaign's own recipients. The emails are used by the email fallback; the payload carries
   * the names.
   */
  recipients: string | null = null;

  /**
   * The language of the message that is sent (one of the campaign's languages). Defaults to
   * the reader's language. When it differs, the reader also sees the message in their own.
   */
  messageLang: string | null = null;

  /**
   * Colours: `light` (the default), `dark`, or `auto`, which follows the reader's system setting.
   */
  theme: string = 'light';

  /**
   * Seconds to wait for the endpoint's answer before a try counts as failed (1 to 120).
   * Failed tries are retried automatically, with growing waits, before the reader is asked.
   * The `src` campaign gets the same time, then the reader sees that the action could not load,
   * with a Try again button that loads it again (not for a file that is not valid).
   */
  timeout: string | null = null;

  /**
   * How many times a failed try (server error, no answer, lost network) is repeated
   * automatically, with growing waits, before the reader is asked to try again (0 to 10).
   */
  retries: string | null = null;

  /**
   * How submissions are encoded: `json` (the default; `application/json` with an
   * `Idempotency-Key` header) or `form` (`application/x-www-form-urlencoded`, which form
   * services and spreadsheet scripts accept and which needs no CORS preflight; nested fields
   * are named with dots, lists repeat their name; see README).
   */
  endpointFormat: string | null = null;

  /** The message's subject, in place of the campaign's (the same in every language). */
  subject: string | null = null;

  /**
   * Address of a campaign JSON file (the format of `schema/campaign.schema.json`), fetched without
   * credentials, waiting as long as `timeout` says. A campaign given inline, as a child
   * `<script type="application/json">`, needs none. A page's Content-Security-Policy must allow it in
   * `connect-src`, like the endpoint.
   */
  src: string | null = null;

  /** The fewest recommendations a supporter must pick to send (default 1). */
  minPicks: string | null = null;

  /** The most recommendations a supporter may pick; further checkboxes are disabled when reached. */
  maxPicks: string | null = null;

  /** Recommendation ids picked at start, comma-separated (a reader's saved draft wins). */
  picked: string | null = null;

  /**
   * The supporter fields asked, comma-separated among `name`, `email` and `postal-code`, with
   * `*` after the required ones. Default: `name*, email*, postal-code`. The consent checkbox
   * comes with `email`.
   */
  fields: string | null = null;

  /** The organizer's name, used in the consent text ("Yes, {org} may contact me…"). */
  org: string | null = null;

  /** The organizer's privacy policy, linked next to the consent checkbox (http or https). */
  privacyUrl: string | null = null;

  /** Where to take the reader after a send (http or https). Without it, the thank-you stays. */
  successUrl: string | null = null;

  /**
   * The address offered for sharing after a send (http or https). Default: this page, without its
   * query and fragment (which can carry a reader's tokens).
   */
  shareUrl: string | null = null;

  /** The text offered for sharing after a send. Default: the campaign's title. */
  shareText: string | null = null;

  /** A code of the organizer's, sent as `source.ref`, to tell embeds apart. */
  ref: string | null = null;

  /**
   * Address of a live counter, answering `{"total": n, "recommendations": {"<id>": n}}` (the
   * reference receiver's `/campaigns/<id>/tally`). The widget then shows how many people have
   * spoken up, and how many backed each recommendation. Fetched once, without credentials, when
   * the page is idle after the widget is shown; a failed or impossible answer hides the counts.
   * Must be `https:` (`http:` only for localhost).
   */
  tallySrc: string | null = null;

  /**
   * Milliseconds after the widget appears before a send is let out: a sooner send stays in
   * "Sending…" until then, and goes out with the time it took in `signals.fillMs`, for the
   * receiver to judge. A reader returning to a saved draft is not held. Lower it only for tests
   * or a form that takes no reading.
   */
  minFillTime = 3000;

  /** Milliseconds before the first automatic retry; each next wait doubles. For tests. */
  retryBaseDelay = defaultRetryPolicy.baseDelayMs;

  // `lang` (the reader's language as the organizer sets it) is HTML's own attribute, not one of
  // the properties above: watched here so that changing it re-renders.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }
}
