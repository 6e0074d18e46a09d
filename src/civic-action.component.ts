import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {msg, str} from '@lit/localize';
import * as z from 'zod/mini';
import {campaignLocales, campaignSchema, textIn, type Campaign, type LocalizedText} from './campaign/campaign-schema.js';
import {describeIssues} from './campaign/describe-issues.js';
import {defaultCampaign} from './campaign/default-campaign.js';
import {inLocale, interfaceLocaleFor, interfaceLocales} from './i18n/localization.js';
import {matchLocale, resolveLocale, type ResolvedLocale} from './i18n/resolve-locale.js';
import {languageNameIn} from './i18n/language-name.js';
import {
  composeMessage,
  inCampaignOrder,
  reconcileEditedBody,
  signedBody,
  type ComposedMessage,
} from './message/compose-message.js';
import type {Recipient} from './message/recipients.js';
import {reportInvalidAttribute} from './config/attribute-errors.js';
import {
  DEFAULT_FIELDS,
  readEndpoint,
  readEndpointFormat,
  readFields,
  readMessageLang,
  readPageUrl,
  readPickBound,
  readPicked,
  readRecipients,
  readRetries,
  readLine,
  readText,
  readTallySrc,
  readTheme,
  readTimeout,
  type AttributeReading,
  type EndpointFormat,
  type FieldConfig,
  type FieldName,
} from './config/attributes.js';
import {renderShare} from './view/share-links.js';
import {renderLanguageOffer, renderLanguageSwitcher} from './view/language-switcher.js';
import {failureText, progressText, sendButtonText, type SendState} from './view/send-status.js';
import {
  checkForm,
  emptySupporter,
  type FieldProblem,
  type FormProblems,
  type PickBounds,
  type SupporterFields,
} from './form/supporter-fields.js';
import {buildSubmission, pageAddress} from './send/build-submission.js';
import {newSubmissionId} from './send/submission-id.js';
import {Delivery, type DeliveryStatus} from './send/delivery.js';
import {defaultRetryPolicy, type RetryPolicy} from './send/send-submission.js';
import {mailtoHref} from './send/mailto.js';
import {LIMITS, type Submission} from './send/submission-schema.js';
import {DraftStore, offerHere, restorable, type DraftOwner, type Pending} from './draft/draft-store.js';
import {COUNTER_FROM, lengthCounter, renderField} from './view/field.js';
import styles from './civic-action.styles.js';
import {dateFormat, formatLocale, listFormat, numberFormat, pluralRules, timeOfDay} from './i18n/intl.js';
import {fetchTally, type Tally} from './tally/tally.js';
import {fetchJson} from './fetch-json.js';

/** Where a reader's language choice is remembered, across campaigns and pages of one site. */
const CHOSEN_LOCALE_KEY = 'civic-action:locale';

/** The supporter fields, in the order asked; labels are functions so they follow the render's language. */
const SUPPORTER_FIELDS: Array<{
  key: FieldName;
  id: string;
  type?: string;
  autocomplete: string;
  labels: () => [required: string, optional: string];
}> = [
  {key: 'name', id: 'supporter-name', autocomplete: 'name', labels: () => [msg('Your name'), msg('Your name (optional)')]},
  {
    key: 'email',
    id: 'supporter-email',
    type: 'email',
    autocomplete: 'email',
    labels: () => [msg('Your email'), msg('Your email (optional)')],
  },
  {
    key: 'postalCode',
    id: 'supporter-postal-code',
    autocomplete: 'postal-code',
    labels: () => [msg('Postal code'), msg('Postal code (optional)')],
  },
];

/** Receiver field names (paths into the payload) and the fields they mean. */
const SERVER_FIELDS: Record<string, keyof FormProblems> = {
  'supporter.name': 'name',
  'supporter.email': 'email',
  'supporter.postalCode': 'postalCode',
  recommendations: 'picks',
};

// Partner pages may forbid eval (CSP without 'unsafe-eval'); zod's probe for it would be
// reported as a policy violation, so it is told not to try.
z.config({jitless: true});

/** The message as the supporter last left it, in the language they edited it in. */
interface EditedMessage {
  text: string;
  locale: string;
}

/**
 * Shows a campaign's policy recommendations in the reader's language, lets the reader pick
 * the ones they back, and sends an editable message built from the picks to officials.
 *
 * @summary Pick recommendations, compose a message to officials, and send it.
 * @tagname civic-action
 *
 * @attr lang - The reader's language as the organizer sets it (one of the campaign's languages). A reader's own
 * choice in the language switcher still wins. Without either: the page's `lang`, then the browser's languages, then
 * the campaign's default.
 *
 * @event civic-action-pick - A recommendation was picked or unpicked (also pick all / clear all). `detail`:
 * `{campaign, picked: string[]}`, ids in campaign order.
 * @event civic-action-submit - The reader pressed send and the submission is on its way. `detail`: `{campaign, id,
 * recommendations, locale, messageLocale}` (no personal data, so it is safe to pass to analytics).
 * @event civic-action-sent - The endpoint received the submission. `detail`: `{campaign, id, recommendations, confirm}`;
 * `confirm` is `true` when the receiver answered `{"status": "confirm"}`: the message goes out only once the supporter
 * opens the link the receiver emailed them.
 * @event civic-action-error - Something went wrong that the organizer may want to know. `detail`: `{campaign, kind,
 * id?, status?, reason?}`, where `kind` is `failed` (retries used up), `refused` (a 4xx), `invalid` (the submission did
 * not match its schema) or `campaign` (the campaign could not be loaded).
 *
 * @csspart base - The widget's outer box.
 * @csspart language-switcher - The group of language buttons.
 * @csspart title - The campaign's title.
 * @csspart intro - The campaign's introduction.
 * @csspart recommendations - The fieldset holding the recommendation checkboxes.
 * @csspart recommendation - One recommendation: checkbox, headline and full text.
 * @csspart message - The message preview and editor.
 * @csspart supporter - The supporter's fields.
 * @csspart submit - The send button.
 * @csspart confirmation - The thank-you shown after sending.
 * @csspart share - The ways to share the action, after sending.
 * @csspart notice - The short notice shown instead of the widget when its campaign cannot be loaded.
 * @csspart offer - The offer of the browser's preferred language.
 * @csspart count - The live count of picks.
 * @csspart tally - How many people have spoken up (with `tally-src`).
 * @csspart recommendation-tally - How many people backed one recommendation (with `tally-src`).
 * @csspart message-body - The message's text area.
 * @csspart field - Each supporter field (label, input, counter and problem).
 * @csspart consent - The consent checkbox and its label.
 *
 * @cssproperty --civic-action-accent - Colour of buttons, focus rings and checkboxes.
 * @cssproperty --civic-action-text - Text colour.
 * @cssproperty --civic-action-muted - Colour of secondary text.
 * @cssproperty --civic-action-surface - Background colour.
 * @cssproperty --civic-action-border - Colour of borders.
 * @cssproperty --civic-action-danger - Colour of error messages.
 * @cssproperty --civic-action-radius - Corner radius.
 * @cssproperty --civic-action-space - Base spacing unit.
 * @cssproperty --civic-action-font-family - Font family; by default the host page's.
 * @cssproperty --civic-action-font-size - Base font size.
 */
export class CivicAction extends LitElement {
  static override styles = styles;

  /**
   * Where submissions are POSTed (payload version 1, as JSON unless `endpoint-format` says
   * `form`). Must be `https:` (`http:` only for localhost). Without a usable endpoint the widget
   * offers to send the message from the reader's own email app instead.
   */
  @property() endpoint: string | null = null;

  /**
   * Who the message goes to: comma-separated `Name <email>` or `Name` entries. Defaults to the
   * campaign's own recipients. The emails are used by the email fallback; the payload carries
   * the names.
   */
  @property() recipients: string | null = null;

  /**
   * The language of the message that is sent (one of the campaign's languages). Defaults to
   * the reader's language. When it differs, the reader also sees the message in their own.
   */
  @property({attribute: 'message-lang'}) messageLang: string | null = null;

  /**
   * Colours: `light` (the default), `dark`, or `auto`, which follows the reader's system setting.
   */
  @property({reflect: true}) theme: string = 'light';

  /**
   * Seconds to wait for the endpoint's answer before a try counts as failed (1 to 120).
   * Failed tries are retried automatically, with growing waits, before the reader is asked.
   * The `src` campaign gets the same time, then the reader sees that the action could not load.
   */
  @property() timeout: string | null = null;

  /**
   * How many times a failed try (server error, no answer, lost network) is repeated
   * automatically, with growing waits, before the reader is asked to try again (0 to 10).
   */
  @property() retries: string | null = null;

  /**
   * How submissions are encoded: `json` (the default; `application/json` with an
   * `Idempotency-Key` header) or `form` (`application/x-www-form-urlencoded`, which form
   * services and spreadsheet scripts accept and which needs no CORS preflight; nested fields
   * are named with dots, lists repeat their name; see README).
   */
  @property({attribute: 'endpoint-format'}) endpointFormat: string | null = null;

  /** The message's subject, in place of the campaign's (the same in every language). */
  @property() subject: string | null = null;

  /**
   * Address of a campaign JSON file (the format of `schema/campaign.schema.json`), fetched without
   * credentials, waiting as long as `timeout` says. A campaign given inline, as a child
   * `<script type="application/json">`, needs none. A page's Content-Security-Policy must allow it in
   * `connect-src`, like the endpoint.
   */
  @property() src: string | null = null;

  /** The fewest recommendations a supporter must pick to send (default 1). */
  @property({attribute: 'min-picks'}) minPicks: string | null = null;

  /** The most recommendations a supporter may pick; further checkboxes are disabled when reached. */
  @property({attribute: 'max-picks'}) maxPicks: string | null = null;

  /** Recommendation ids picked at start, comma-separated (a reader's saved draft wins). */
  @property() picked: string | null = null;

  /**
   * The supporter fields asked, comma-separated among `name`, `email` and `postal-code`, with
   * `*` after the required ones. Default: `name*, email*, postal-code`. The consent checkbox
   * comes with `email`.
   */
  @property() fields: string | null = null;

  /** The organizer's name, used in the consent text ("Yes, {org} may contact me…"). */
  @property() org: string | null = null;

  /** The organizer's privacy policy, linked next to the consent checkbox (http or https). */
  @property({attribute: 'privacy-url'}) privacyUrl: string | null = null;

  /** Where to take the reader after a send (http or https). Without it, the thank-you stays. */
  @property({attribute: 'success-url'}) successUrl: string | null = null;

  /**
   * The address offered for sharing after a send (http or https). Default: this page, without its
   * query and fragment (which can carry a reader's tokens).
   */
  @property({attribute: 'share-url'}) shareUrl: string | null = null;

  /** The text offered for sharing after a send. Default: the campaign's title. */
  @property({attribute: 'share-text'}) shareText: string | null = null;

  /** A code of the organizer's, sent as `source.ref`, to tell embeds apart. */
  @property() ref: string | null = null;

  /**
   * Address of a live counter, answering `{"total": n, "recommendations": {"<id>": n}}` (the
   * reference receiver's `/campaigns/<id>/tally`). The widget then shows how many people have
   * spoken up, and how many backed each recommendation. Fetched once, without credentials, when
   * the page is idle after the widget is shown; a failed or impossible answer hides the counts.
   * Must be `https:` (`http:` only for localhost).
   */
  @property({attribute: 'tally-src'}) tallySrc: string | null = null;

  /**
   * Milliseconds after the widget appears before a send is let out: a sooner send stays in
   * "Sending…" until then, and goes out with the time it took in `signals.fillMs`, for the
   * receiver to judge. A reader returning to a saved draft is not held. Lower it only for tests
   * or a form that takes no reading.
   */
  minFillTime = 3000;

  /** Milliseconds before the first automatic retry; each next wait doubles. For tests. */
  retryBaseDelay = defaultRetryPolicy.baseDelayMs;

  /**
   * The campaign shown, as an object in the format of `schema/campaign.schema.json`. Defaults to
   * the built-in campaign. A campaign that does not match the format is reported in the console,
   * with the place of each problem, and the current campaign stays.
   */
  get campaign(): Campaign {
    return this.currentCampaign;
  }

  set campaign(value: unknown) {
    const result = campaignSchema().safeParse(value);
    if (!result.success) {
      console.error(`<civic-action>: the campaign is not valid: ${describeIssues(result.error.issues)}. Keeping the current campaign.`);
      return;
    }
    this.useCampaign(result.data);
  }

  private useCampaign(campaign: Campaign): void {
    const previous = this.currentCampaign;
    this.currentCampaign = campaign;
    this.campaignProblem = null;
    const ids = new Set(campaign.recommendations.map((r) => r.id));
    this.picks = new Set([...this.picks].filter((id) => ids.has(id)));
    this.requestUpdate('campaign', previous);
  }

  @state() private chosenLocale: string | null = readChosenLocale();
  @state() private picks: ReadonlySet<string> = new Set();
  @state() private edited: EditedMessage | null = null;
  /** The edit dropped by "start again", kept so that it can be brought back. */
  @state() private discarded: EditedMessage | null = null;
  /** Unpicked recommendations whose edited line was left in the message. */
  @state() private keptEdited: readonly string[] = [];
  @state() private supporter: SupporterFields = emptySupporter();
  @state() private problems: FormProblems = {};
  /** Problems are shown once the reader first tries to send, then kept current as they type. */
  @state() private showProblems = false;
  /** What the receiver said was wrong with a field, in its own words. */
  @state() private serverProblems: Partial<Record<keyof FormProblems, string>> = {};
  @state() private sendState: SendState | null = null;
  /**
   * A submission from an earlier visit that may not have arrived, offered to send again where
   * it was going (see `offerHere`); kept in the draft either way.
   */
  @state() private interrupted: Pending | null = null;
  @state() private honeypot = '';
  @state() private copied: 'yes' | 'no' | null = null;
  /** Set when the organizer's campaign (inline or `src`) cannot be used: the widget shows a notice. */
  @state() private campaignProblem: string | null = null;
  @state() private campaignLoading = false;
  @state() private tally: Tally | null = null;

  private currentCampaign: Campaign = defaultCampaign;
  private resolved: ResolvedLocale = {locale: defaultCampaign.defaultLocale, source: 'default'};
  private endpointUrl: URL | null = null;
  private recipientOverride: Recipient[] | null = null;
  private validMessageLang: string | null = null;
  /** Kept for the life of one submission, so a retry carries the same Idempotency-Key. */
  private submissionId: string | null = null;
  private timeoutMs = 15_000;
  private retryPolicy: RetryPolicy = defaultRetryPolicy;
  private delivery: Delivery | null = null;
  /** Where the submission being delivered is going, kept with it in the draft. */
  private deliveryOwner: DraftOwner | null = null;
  private drafts: DraftStore | null = null;
  /** Whether this visit started from a saved draft: a returning reader may send at once. */
  private restored = false;
  private shownAt = 0;
  private pageLangObserver?: MutationObserver;
  private format: EndpointFormat = 'json';
  private fieldConfig: FieldConfig = DEFAULT_FIELDS;
  private bounds: PickBounds = {min: 1, max: Infinity};
  private subjectOverride: string | null = null;
  private organizer: string | null = null;
  private privacy: URL | null = null;
  private success: URL | null = null;
  private share: {url: URL | null; text: string | null} = {url: null, text: null};
  private source: string | null = null;
  private composed = new Map<string, {inputs: readonly unknown[]; message: ComposedMessage}>();
  /** The locale numbers and dates were last written in, and for which interface language. */
  private formats: {language: string; locale: string} | null = null;
  /** The element's `lang` last reported as unusable, so one mistake gives one console error. */
  private lastReportedLang: string | null = null;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readInlineCampaign();
    // The page's language can change after load (a site's own language menu, a translation tool).
    this.pageLangObserver = new MutationObserver(() => this.requestUpdate());
    this.pageLangObserver.observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pageLangObserver?.disconnect();
    this.delivery?.stop();
  }

  /** The language the reader reads the widget in. */
  get locale(): string {
    return this.resolved.locale;
  }

  /** The language of the message that is sent. */
  get messageLocale(): string {
    return this.validMessageLang ?? this.edited?.locale ?? this.locale;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) this.endpointUrl = this.use('endpoint', this.endpoint, readEndpoint(this.endpoint, document.baseURI));
    if (changed.has('recipients')) this.recipientOverride = this.use('recipients', this.recipients, readRecipients(this.recipients));
    // The default needs no check, and checking it would build a schema on the first render.
    if (changed.has('theme') && this.theme !== 'light') this.use('theme', this.theme, readTheme(this.theme));
    if (changed.has('timeout')) this.timeoutMs = this.use('timeout', this.timeout, readTimeout(this.timeout));
    if (changed.has('retries')) this.retryPolicy = {...defaultRetryPolicy, retries: this.use('retries', this.retries, readRetries(this.retries))};
    if (changed.has('endpointFormat')) this.format = this.use('endpoint-format', this.endpointFormat, readEndpointFormat(this.endpointFormat));
    if (changed.has('subject')) this.subjectOverride = this.use('subject', this.subject, readLine(this.subject, LIMITS.subject));
    if (changed.has('fields')) this.fieldConfig = this.use('fields', this.fields, readFields(this.fields));
    if (changed.has('org')) this.organizer = this.use('org', this.org, readLine(this.org, 200));
    if (changed.has('ref')) this.source = this.use('ref', this.ref, readLine(this.ref, 200));
    if (changed.has('privacyUrl')) this.privacy = this.use('privacy-url', this.privacyUrl, readPageUrl(this.privacyUrl, document.baseURI));
    if (changed.has('successUrl')) this.success = this.use('success-url', this.successUrl, readPageUrl(this.successUrl, document.baseURI));
    if (changed.has('shareUrl') || changed.has('shareText')) {
      this.share = {
        url: this.use('share-url', this.shareUrl, readPageUrl(this.shareUrl, document.baseURI)),
        text: this.use('share-text', this.shareText, readText(this.shareText, 280)),
      };
    }
    if (changed.has('tallySrc')) this.scheduleTally(this.use('tally-src', this.tallySrc, readTallySrc(this.tallySrc, document.baseURI)));
    if (changed.has('src')) void this.loadCampaignFrom(this.use('src', this.src, readPageUrl(this.src, document.baseURI)));
    if (changed.has('minPicks') || changed.has('maxPicks') || changed.has('campaign')) this.bounds = this.readBounds();
    if (!this.hasUpdated || changed.has('campaign')) this.restoreDraft();
    if ((!this.hasUpdated || changed.has('campaign') || changed.has('picked')) && !this.restored) {
      const ids = this.campaign.recommendations.map((r) => r.id);
      this.picks = new Set(this.use('picked', this.picked, readPicked(this.picked, ids)));
    }
    this.resolved = this.resolveReaderLocale();
    // The element's or the page's `lang` may have changed, and with it the region.
    this.formats = null;
    if (changed.has('messageLang') || changed.has('campaign')) {
      this.validMessageLang = this.use('message-lang', this.messageLang, readMessageLang(this.messageLang, campaignLocales(this.campaign)));
    }
  }

  protected override firstUpdated(): void {
    this.shownAt = performance.now();
    this.warmUp();
  }

  /**
   * Builds, while the reader is still reading, what the first pick and the first language
   * switch would otherwise build while they wait: each language's plural rules and list
   * format (the first use of a language's Intl data is the slow part) and its message. One
   * piece per idle period, so that none of them delays a tap.
   */
  private warmUp(): void {
    for (const locale of campaignLocales(this.campaign)) {
      whenIdle(() => pluralRules(interfaceLocaleFor(locale)).select(2));
      whenIdle(() => listFormat(locale).format(['', '']));
      whenIdle(() => this.isConnected && this.compose(locale));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const draftFields = ['picks', 'edited', 'supporter', 'sendState', 'interrupted'] as const;
    if (draftFields.some((field) => changed.has(field as keyof CivicAction))) this.saveDraft();
  }

  private restoreDraft(): void {
    // A campaign that arrives later (src, or the property) is when the form appears to the reader.
    if (this.hasUpdated) this.shownAt = performance.now();
    this.drafts = new DraftStore(this.campaign.id, this.id);
    const {saved, personal} = this.drafts.load();
    const ids = new Set(this.campaign.recommendations.map((r) => r.id));
    if (saved) {
      const {picks, edited, consent, pending} = restorable(saved, this.owner());
      this.picks = new Set(picks.filter((id) => ids.has(id)));
      this.edited = edited;
      this.supporter = {...this.supporter, consent};
      this.interrupted = pending?.submission.campaign === this.campaign.id ? pending : null;
    }
    if (personal) this.supporter = {...this.supporter, ...personal};
    this.restored = Boolean(saved || personal);
  }

  private saveDraft(): void {
    if (!this.drafts) return;
    if (this.sendState?.phase === 'sent') return this.drafts.clear();
    const {name, email, postalCode, consent} = this.supporter;
    const delivering = this.sendState && this.sendState.phase !== 'refused' && this.sendState.phase !== 'invalid';
    const pending: Pending | null =
      this.interrupted ?? (delivering && this.delivery && this.deliveryOwner ? {submission: this.delivery.submission, madeFor: this.deliveryOwner} : null);
    // A visitor who has not started leaves nothing behind in storage.
    if (!pending && !this.edited && this.picks.size === 0 && !consent && !name && !email && !postalCode) return this.drafts.clear();
    this.drafts.save(
      {
        savedAt: Date.now(),
        picks: [...this.picks],
        edited: this.edited,
        consent,
        consentFor: this.owner(),
        ...(pending ? {pending: pending.submission, pendingFor: pending.madeFor} : {}),
      },
      {name, email, postalCode},
    );
  }

  /** This widget as the owner of consent and of a submission on its way. */
  private owner(): DraftOwner {
    return {endpoint: this.endpointUrl?.href ?? null, org: this.organizer};
  }

  /** Reads `min-picks` and `max-picks` together, since each bounds the other. */
  private readBounds(): PickBounds {
    const total = this.campaign.recommendations.length;
    let min = this.use('min-picks', this.minPicks, readPickBound(this.minPicks)) ?? 1;
    let max = this.use('max-picks', this.maxPicks, readPickBound(this.maxPicks)) ?? total;
    if (min > total) {
      reportInvalidAttribute('min-picks', String(min), `the campaign has only ${total} recommendations`, `Asking for ${total}.`);
      min = total;
    }
    if (max < Math.max(min, 1)) {
      reportInvalidAttribute('max-picks', String(max), `expected at least min-picks (${min}) and at least 1`, 'Allowing all.');
      max = total;
    }
    return {min: Math.max(min, 1), max};
  }

  /**
   * The counts are a nicety: they wait until the page is idle, so that they never hold up the
   * first render or a reader's first tap, and a slow or failing counter leaves the widget as it is.
   */
  private scheduleTally(url: URL | null): void {
    this.tally = null;
    const wanted = this.tallySrc;
    if (!url) return;
    whenIdle(async () => {
      try {
        const tally = await fetchTally(url, this.timeoutMs);
        // An answer for an address the organizer has since changed is not this counter's.
        if (this.tallySrc === wanted) this.tally = tally;
      } catch (error) {
        if (this.tallySrc === wanted) {
          console.error(`<civic-action>: could not load the counts at tally-src="${wanted}": ${(error as Error).message}. Not showing them.`);
        }
      }
    });
  }

  /** A campaign given in the page: `<script type="application/json">` inside the element. */
  private readInlineCampaign(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (!script) return;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch (error) {
      return this.failCampaign(`the inline campaign is not JSON: ${(error as Error).message}`);
    }
    this.acceptCampaign(data, 'the inline campaign');
  }

  private async loadCampaignFrom(url: URL | null): Promise<void> {
    if (!url || this.querySelector(':scope > script[type="application/json"]')) return;
    this.campaignLoading = true;
    try {
      // The same wait as for the endpoint: a file that never comes must not leave "Loading…" forever.
      this.acceptCampaign(await fetchJson(url, this.timeoutMs), `the campaign at src="${this.src}"`);
    } catch (error) {
      this.failCampaign(`could not load the campaign at src="${this.src}": ${(error as Error).message}`);
    } finally {
      this.campaignLoading = false;
    }
  }

  private acceptCampaign(data: unknown, what: string): void {
    const result = campaignSchema().safeParse(data);
    if (!result.success) return this.failCampaign(`${what} is not valid: ${describeIssues(result.error.issues)}`);
    this.useCampaign(result.data);
    this.warnOfUntranslatedMessage(result.data);
  }

  /**
   * A message written in a language the interface is not translated into takes its greeting,
   * lead and sign-off from the campaign; where the campaign has none, they would be English
   * inside, say, a French message. The organizer is told which to add.
   */
  private warnOfUntranslatedMessage(campaign: Campaign): void {
    for (const locale of campaignLocales(campaign).filter((l) => !interfaceLocales.includes(l))) {
      const message = campaign.message ?? {};
      const missing = (['greeting', 'lead', 'signOff'] as const).filter((key) => !message[key]?.[locale]);
      if (missing.length) {
        console.warn(
          `<civic-action>: the campaign's message has no ${missing.map((k) => `message.${k}.${locale}`).join(', ')}, ` +
            `and the interface has no ${locale} translation, so a message in ${locale} would use English there.`,
        );
      }
    }
  }

  /** Never a blank box: the reader gets a short notice, the organizer the exact problem. */
  private failCampaign(problem: string): void {
    console.error(`<civic-action>: ${problem}.`);
    this.campaignProblem = problem;
    this.emit('civic-action-error', {campaign: this.campaign.id, kind: 'campaign', reason: problem});
  }

  private emit(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, {bubbles: true, composed: true, detail}));
  }

  /** Uses an attribute as read, telling the organizer when it could not be used as written. */
  private use<T>(attribute: string, raw: string | null, reading: AttributeReading<T>): T {
    if (reading.problem && raw !== null) {
      reportInvalidAttribute(attribute, raw, reading.problem.expected, reading.problem.fallback);
    }
    return reading.value;
  }

  private resolveReaderLocale(): ResolvedLocale {
    const available = campaignLocales(this.campaign);
    const elementLang = this.getAttribute('lang');
    if (elementLang && !matchLocale(elementLang, available) && elementLang !== this.lastReportedLang) {
      reportInvalidAttribute(
        'lang',
        elementLang,
        `the campaign has no text in that language; it has ${available.join(', ')}`,
        'Using the page’s or the browser’s language.',
      );
    }
    this.lastReportedLang = elementLang;
    return resolveLocale({
      chosen: this.chosenLocale,
      elementLang,
      pageLang: this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? null,
      browserLangs: navigator.languages ?? [navigator.language],
      available,
      fallback: this.campaign.defaultLocale,
    });
  }

  /** The campaign text in `locale`, marked with the language it is really in. */
  private text(value: LocalizedText | undefined, locale = this.locale) {
    return textIn(value, locale, this.campaign.defaultLocale);
  }

  /**
   * A `lang` for campaign text, only where it differs from the interface's around it: a long
   * campaign would otherwise set two attributes per recommendation that say nothing new.
   */
  private langIfOther(lang: string | undefined) {
    return lang === undefined || lang === this.interfaceLocale ? nothing : lang;
  }

  private get interfaceLocale(): string {
    return interfaceLocaleFor(this.locale);
  }

  /**
   * The locale numbers, dates and times are written in: the interface's language with the
   * region of the element's or the page's `lang`, or of the browser's languages, else `US`.
   */
  private get formatLocale(): string {
    const {interfaceLocale} = this;
    if (this.formats?.language !== interfaceLocale) {
      const hints = [this.getAttribute('lang'), this.parentElement?.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages ?? [])];
      this.formats = {language: interfaceLocale, locale: formatLocale(interfaceLocale, hints)};
    }
    return this.formats.locale;
  }

  /**
   * The message composed from the picks in `locale`. A render asks for it up to three times
   * (preview, email link, thank-you), and every keystroke renders, so the last one per language
   * is kept until what it is made from changes.
   */
  private compose(locale: string): ComposedMessage {
    const inputs = [this.campaign, this.picks, this.recipientOverride, this.subjectOverride] as const;
    const kept = this.composed.get(locale);
    if (kept && kept.inputs.every((input, i) => input === inputs[i])) return kept.message;
    const composed = composeMessage({campaign: this.campaign, locale, picks: this.picks, recipients: this.recipientOverride});
    const message = this.subjectOverride ? {...composed, subject: this.subjectOverride} : composed;
    this.composed.set(locale, {inputs, message});
    return message;
  }

  // ---- what the reader does -------------------------------------------------

  private readonly chooseLocale = (locale: string): void => {
    this.chosenLocale = locale;
    try {
      localStorage.setItem(CHOSEN_LOCALE_KEY, locale);
    } catch {
      // Storage can be blocked (private modes, strict settings): the choice lasts for this page.
    }
  };

  private setPicks(next: ReadonlySet<string>): void {
    if (this.edited) {
      const {body, keptEdited} = reconcileEditedBody({
        campaign: this.campaign,
        locale: this.edited.locale,
        edited: this.edited.text,
        before: this.picks,
        after: next,
      });
      this.edited = {...this.edited, text: body};
      this.keptEdited = keptEdited;
    }
    this.picks = next;
    this.revalidate();
    this.emit('civic-action-pick', {campaign: this.campaign.id, picked: inCampaignOrder(this.campaign, next)});
  }

  /** One listener for the whole list, rather than one per checkbox: long campaigns render faster. */
  private readonly onPickChange = (event: Event): void => {
    const box = event.target as HTMLInputElement;
    const id = box.dataset['recommendation'];
    if (id) this.togglePick(id, box.checked);
  };

  private togglePick(id: string, on: boolean): void {
    const next = new Set(this.picks);
    if (on) next.add(id);
    else next.delete(id);
    this.setPicks(next);
  }

  private editMessage(text: string): void {
    this.edited = {text, locale: this.messageLocale};
    this.discarded = null;
  }

  private startMessageAgain(): void {
    this.discarded = this.edited;
    this.edited = null;
    this.keptEdited = [];
  }

  private undoStartAgain(): void {
    this.edited = this.discarded;
    this.discarded = null;
  }

  private updateSupporter(patch: Partial<SupporterFields>): void {
    this.supporter = {...this.supporter, ...patch};
    // A receiver's word about a field stands until the reader changes that field.
    const changed = Object.keys(patch) as Array<keyof FormProblems>;
    if (changed.some((field) => this.serverProblems[field])) {
      this.serverProblems = Object.fromEntries(Object.entries(this.serverProblems).filter(([field]) => !changed.includes(field as keyof FormProblems)));
    }
    this.revalidate();
  }

  private revalidate(): void {
    if (this.showProblems) this.problems = this.check();
  }

  private check(): FormProblems {
    return checkForm(this.supporter, this.picks.size, this.endpointUrl ? this.fieldConfig : null, this.bounds);
  }

  /** The message exactly as it will be sent. */
  private outgoing() {
    const composed = this.compose(this.messageLocale);
    const body = this.edited?.text ?? composed.body;
    return {composed, text: signedBody(body, composed.signOff, this.supporter.name)};
  }

  private get busy(): boolean {
    const phase = this.sendState?.phase;
    return phase === 'sending' || phase === 'sent';
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    // One submission at a time: a second click or Enter while sending does nothing.
    if (this.busy) return;
    this.showProblems = true;
    this.problems = this.check();
    if (Object.keys(this.problems).length > 0) {
      await this.updateComplete;
      this.focusFirstProblem();
      return;
    }
    const endpoint = this.endpointUrl;
    if (!endpoint) return;
    const fillMs = Math.max(0, Math.round(performance.now() - this.shownAt));
    const {composed, text} = this.outgoing();
    this.submissionId ??= newSubmissionId();
    const built = buildSubmission({
      id: this.submissionId,
      campaignId: this.campaign.id,
      readerLocale: this.locale,
      picks: inCampaignOrder(this.campaign, this.picks),
      message: {to: composed.to.map((r) => r.name), subject: composed.subject, body: text, locale: this.messageLocale},
      supporter: this.supporter,
      page: {url: location.href, referrer: document.referrer, ref: this.source},
      now: new Date(),
      signals: {fillMs, honeypot: this.honeypot !== '', restored: this.restored},
    });
    if (!built.success) {
      console.error(`<civic-action>: the submission does not match its schema, so it was not sent: ${describeIssues(built.error.issues)}`);
      this.sendState = {phase: 'invalid'};
      this.emit('civic-action-error', {campaign: this.campaign.id, kind: 'invalid', reason: describeIssues(built.error.issues)});
      return;
    }
    this.interrupted = null;
    // A send sooner than a person could pick and type is held, not dropped: a quick reader loses
    // nothing and a script learns nothing, and the receiver judges it by its signals.
    const hold = this.restored ? 0 : this.minFillTime - fillMs;
    if (hold > 0) {
      this.delivery?.stop();
      this.delivery = null;
      this.sendState = {phase: 'sending', attempt: 1};
      await new Promise((resolve) => setTimeout(resolve, hold));
      if (!this.isConnected) return;
    }
    this.deliver(endpoint, built.data);
  }

  private deliver(endpoint: URL, submission: Submission): void {
    this.delivery?.stop();
    this.deliveryOwner = this.owner();
    this.serverProblems = {};
    this.delivery = new Delivery({
      endpoint,
      submission,
      timeoutMs: this.timeoutMs,
      format: this.format,
      policy: {...this.retryPolicy, baseDelayMs: this.retryBaseDelay},
      onStatus: (status) => this.onDeliveryStatus(status),
    });
    this.delivery.tryNow();
    this.emit('civic-action-submit', {
      campaign: this.campaign.id,
      id: submission.id,
      recommendations: submission.recommendations,
      locale: submission.locale,
      messageLocale: submission.message.locale,
    });
  }

  private onDeliveryStatus(status: DeliveryStatus): void {
    this.sendState = status;
    const submission = this.delivery?.submission;
    const about = {campaign: this.campaign.id, id: submission?.id};
    if (status.phase === 'sent') {
      this.submissionId = null;
      this.copied = null;
      this.emit('civic-action-sent', {...about, recommendations: submission?.recommendations ?? [], confirm: status.confirm});
      if (this.success) location.assign(this.success.href);
      else void this.focusConfirmation();
    }
    if (status.phase === 'refused') {
      this.emit('civic-action-error', {...about, kind: 'refused', status: status.result.status});
      void this.showRefusal(status.result.fields ?? {});
    }
    if (status.phase === 'failed') this.emit('civic-action-error', {...about, kind: 'failed', status: status.last.status, reason: status.last.reason});
    if (status.phase === 'failed' && status.last.reason === 'network' && this.endpointUrl?.origin !== location.origin) {
      console.error(
        `<civic-action>: could not reach endpoint="${this.endpoint}". If it is up, check that it allows cross-origin ` +
          `requests from ${location.origin} (CORS: Access-Control-Allow-Origin, and Access-Control-Allow-Headers: ` +
          `Content-Type, Idempotency-Key on its OPTIONS answer).`,
      );
    }
  }

  private async showRefusal(fields: Record<string, string>): Promise<void> {
    const mapped = Object.entries(fields).flatMap(([path, text]) => (SERVER_FIELDS[path] ? [[SERVER_FIELDS[path], text]] : []));
    this.serverProblems = Object.fromEntries(mapped);
    await this.updateComplete;
    this.focusFirstProblem();
  }

  private async focusConfirmation(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirmation-heading')?.focus();
  }

  /** Sends the submission an earlier visit left on its way, as it was, with the same id. */
  private sendInterrupted(): void {
    const pending = this.interrupted;
    if (!pending || !offerHere(pending, this.owner()) || !this.endpointUrl || this.busy) return;
    this.submissionId = pending.submission.id;
    this.interrupted = null;
    this.deliver(this.endpointUrl, pending.submission);
  }

  private discardInterrupted(): void {
    this.interrupted = null;
  }

  private focusFirstProblem(): void {
    const order: Array<[keyof FormProblems, string]> = [
      ['picks', 'input[type=checkbox][data-recommendation]'],
      ['name', '#supporter-name'],
      ['email', '#supporter-email'],
      ['postalCode', '#supporter-postal-code'],
    ];
    const first = order.find(([field]) => this.problems[field] || this.serverProblems[field]);
    if (first) this.renderRoot.querySelector<HTMLElement>(first[1])?.focus();
  }

  private async copyMessage(): Promise<void> {
    const {composed, text} = this.outgoing();
    // Without clipboard access (insecure page, denied permission), select the text so that
    // the reader's own copy command works.
    if (!(await this.copyText(`${composed.subject}\n\n${text}`))) {
      this.renderRoot.querySelector<HTMLTextAreaElement>('#message-body')?.select();
    }
  }

  // ---- what the reader sees -------------------------------------------------

  protected override render(): TemplateResult {
    return inLocale(this.interfaceLocale, () => html`
      <div part="base" class="widget" lang=${this.interfaceLocale}>
        ${renderLanguageOffer(this.chosenLocale ? undefined : this.resolved.offer, this.chooseLocale)}
        ${this.campaignProblem || this.campaignLoading
          ? nothing
          : renderLanguageSwitcher(campaignLocales(this.campaign), this.locale, this.chooseLocale)}
        ${this.campaignProblem
          ? html`<p part="notice" class="notice" role="alert">${msg('This action could not be loaded. Please try again later.')}</p>`
          : this.campaignLoading
            ? html`<p class="status" role="status">${msg('Loading…')}</p>`
            : this.sendState?.phase === 'sent'
              ? this.renderConfirmation(this.sendState.confirm)
              : this.renderForm()}
      </div>
    `);
  }

  private renderForm() {
    const title = this.text(this.campaign.title);
    const intro = this.text(this.campaign.intro);
    return html`
      <header class="header">
        <h2 part="title" lang=${title?.lang ?? nothing}>${title?.text}</h2>
        ${intro ? html`<p part="intro" class="intro" lang=${intro.lang}>${intro.text}</p>` : nothing}
        ${this.shownTally ? html`<p part="tally" class="tally">${this.tallyTotalText(this.shownTally.total)}</p>` : nothing}
      </header>
      ${this.renderInterrupted()}
      <form novalidate @submit=${this.submit}>
        ${this.renderRecommendations()} ${this.renderMessage()} ${this.renderSupporter()} ${this.renderActions()}
      </form>
    `;
  }

  private renderRecommendations() {
    const problem = this.fieldProblem('picks');
    const total = this.campaign.recommendations.length;
    const {min, max} = this.bounds;
    // At the limit, the remaining boxes wait until one is unpicked; "Pick all" would pass it.
    const atMax = this.picks.size >= max;
    const tally = this.shownTally;
    const hint = max < total ? this.boundsHint(min, max) : min > 1 ? msg(str`Pick at least ${min} recommendations.`, {id: 'picks-too-few-other'}) : '';
    return html`
      <fieldset part="recommendations" class="recommendations" aria-describedby=${[hint ? 'picks-hint' : '', problem ? 'picks-problem' : ''].join(' ').trim() || nothing}>
        <legend><h3>${msg('Pick the recommendations you support')}</h3></legend>
        ${hint ? html`<p id="picks-hint" class="help">${hint}</p>` : nothing}
        <div class="bulk">
          ${max >= total
            ? html`<button type="button" class="secondary" @click=${() => this.setPicks(new Set(this.campaign.recommendations.map((r) => r.id)))}>
                ${msg('Pick all')}
              </button>`
            : nothing}
          <button type="button" class="secondary" @click=${() => this.setPicks(new Set())}>${msg('Clear all')}</button>
          <p part="count" class="count" role="status">${this.pickCountText()}</p>
        </div>
        ${problem ? html`<p id="picks-problem" class="problem">${problem}</p>` : nothing}
        <ul class="recommendation-list" role="list" @change=${this.onPickChange}>
          ${this.campaign.recommendations.map((recommendation) => {
            const id = `recommendation-${recommendation.id}`;
            const title = this.text(recommendation.title);
            const text = this.text(recommendation.text);
            const backers = tally ? (tally.recommendations[recommendation.id] ?? 0) : null;
            return html`
              <li part="recommendation" class="recommendation">
                <input
                  type="checkbox"
                  id=${id}
                  data-recommendation=${recommendation.id}
                  aria-describedby=${backers === null ? `${id}-text` : `${id}-tally ${id}-text`}
                  aria-invalid=${problem ? 'true' : nothing}
                  ?disabled=${atMax && !this.picks.has(recommendation.id)}
                  .checked=${live(this.picks.has(recommendation.id))}
                />
                <label for=${id} lang=${this.langIfOther(title?.lang)}>${title?.text}</label>
                ${backers === null
                  ? nothing
                  : html`<p part="recommendation-tally" id="${id}-tally" class="recommendation-tally">${this.backersText(backers)}</p>`}
                <p id="${id}-text" class="recommendation-text" lang=${this.langIfOther(text?.lang)}>${text?.text}</p>
              </li>
            `;
          })}
        </ul>
      </fieldset>
    `;
  }

  /** The tally, once there is someone to count: "0 people have spoken up" would only discourage. */
  private get shownTally(): Tally | null {
    return this.tally && this.tally.total > 0 ? this.tally : null;
  }

  private tallyTotalText(total: number): string {
    const n = numberFormat(this.formatLocale).format(total);
    return pluralRules(this.interfaceLocale).select(total) === 'one'
      ? msg(str`${n} person has spoken up`, {id: 'tally-total-one'})
      : msg(str`${n} people have spoken up`, {id: 'tally-total-other'});
  }

  private backersText(backers: number): string {
    const n = numberFormat(this.formatLocale).format(backers);
    return pluralRules(this.interfaceLocale).select(backers) === 'one'
      ? msg(str`${n} person backs this`, {id: 'tally-backers-one'})
      : msg(str`${n} people back this`, {id: 'tally-backers-other'});
  }

  private pickCountText(): string {
    const count = this.picks.size;
    const total = this.campaign.recommendations.length;
    if (count === 0) return msg('No recommendation picked yet.');
    // Plural rules, not concatenation: languages differ in how many forms they have.
    return pluralRules(this.interfaceLocale).select(count) === 'one'
      ? msg(str`${count} of ${total} recommendations picked`, {id: 'pick-count-one'})
      : msg(str`${count} of ${total} recommendations picked`, {id: 'pick-count-other'});
  }

  private renderMessage() {
    const locale = this.messageLocale;
    const composed = this.compose(locale);
    const body = this.edited?.text ?? composed.body;
    const differs = locale !== this.locale;
    const keptTitles = this.keptEdited.map((id) => {
      const recommendation = this.campaign.recommendations.find((r) => r.id === id);
      return this.text(recommendation?.title)?.text ?? id;
    });
    return html`
      <section part="message" class="message" aria-labelledby="message-heading">
        <h3 id="message-heading">${msg('Your message')}</h3>
        <dl class="envelope">
          <div>
            <dt>${msg('To')}</dt>
            <dd lang=${locale}>${listFormat(locale).format(composed.to.map(this.addressed)) || '—'}</dd>
          </div>
          <div>
            <dt>${msg('Subject')}</dt>
            <dd lang=${locale}>${composed.subject}</dd>
          </div>
          ${differs
            ? html`<div>
                <dt>${msg('Language')}</dt>
                <dd>${languageNameIn(locale, this.interfaceLocale)}</dd>
              </div>`
            : nothing}
        </dl>
        <label for="message-body">${msg('Message (you can edit it)')}</label>
        <p id="message-help" class="help">${msg('Changing your picks adds or removes their lines and keeps the rest of what you wrote.')}</p>
        <textarea
          part="message-body"
          id="message-body"
          lang=${locale}
          dir="auto"
          rows="12"
          maxlength=${LIMITS.body}
          aria-describedby=${body.length >= LIMITS.body * COUNTER_FROM ? 'message-help message-counter' : 'message-help'}
          .value=${live(body)}
          @input=${(e: Event) => this.editMessage((e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${lengthCounter('message-counter', body.length, LIMITS.body, this.formatLocale)}
        <p class="signature" lang=${locale}>${composed.signOff}${'\n'}${this.supporter.name.trim()
            ? html`<span class="signer" dir="auto">${this.supporter.name.trim()}</span>`
            : html`<span class="placeholder" lang=${this.interfaceLocale}>${msg('(your name)')}</span>`}</p>
        ${keptTitles.length ? html`<p class="notice" role="status">${this.keptEditedText(keptTitles)}</p>` : nothing}
        ${this.renderEditControls()} ${differs ? this.renderReaderVersion() : nothing}
      </section>
    `;
  }

  /** Why unpicked recommendations are still in the message, with their headlines after a colon. */
  private keptEditedText(titles: string[]): string {
    const list = listFormat(this.interfaceLocale).format(titles);
    return titles.length === 1
      ? msg(str`You unpicked this recommendation, but it stays in your message because you changed its text: ${list}. If you do not want it, delete it from the message.`, {id: 'kept-edited-one'})
      : msg(str`You unpicked these recommendations, but they stay in your message because you changed their text: ${list}. If you do not want them, delete them from the message.`, {id: 'kept-edited-other'});
  }

  /**
   * Without an endpoint the reader's own mail goes to the recipients' addresses, which a `src`
   * campaign could set to anyone's under a trusted name: the reader sees each address.
   */
  private readonly addressed = (recipient: Recipient): string =>
    !this.endpointUrl && recipient.email ? `${recipient.name} <${recipient.email}>` : recipient.name;

  private renderEditControls() {
    if (this.discarded) {
      return html`<p class="notice" role="status">
        ${msg('Your message was rebuilt from your picks.')}
        <button type="button" class="link" @click=${this.undoStartAgain}>${msg('Undo')}</button>
      </p>`;
    }
    if (!this.edited) return nothing;
    const pinned = !this.validMessageLang && this.edited.locale !== this.locale;
    return html`<p class="notice">
      ${pinned
        ? msg(str`Your edited message stays in ${languageNameIn(this.edited.locale, this.interfaceLocale)}.`)
        : msg('You edited this message.')}
      <button type="button" class="link" @click=${this.startMessageAgain}>
        ${pinned ? msg(str`Rebuild it in ${languageNameIn(this.locale, this.interfaceLocale)} from my picks`) : msg('Rebuild it from my picks')}
      </button>
    </p>`;
  }

  /** The message in the reader's language, so that they know what they are sending. */
  private renderReaderVersion() {
    const version = this.compose(this.locale);
    return html`
      <details class="reader-version">
        <summary>${msg(str`The message in ${languageNameIn(this.locale, this.interfaceLocale)}, for reference`)}</summary>
        ${this.edited ? html`<p class="help">${msg('Built from your picks; your own edits are not translated.')}</p>` : nothing}
        <p class="preview">${signedBody(version.body, version.signOff, this.supporter.name)}</p>
      </details>
    `;
  }

  private renderSupporter() {
    const asked: FieldConfig = this.endpointUrl ? this.fieldConfig : {name: 'optional'};
    return html`
      <fieldset part="supporter" class="supporter">
        <legend><h3>${msg('About you')}</h3></legend>
        ${SUPPORTER_FIELDS.map(({key, id, type, autocomplete, labels}) => {
          const use = asked[key];
          if (!use) return nothing;
          const [required, optional] = labels();
          return renderField(
            {
              id,
              label: use === 'required' ? required : optional,
              required: use === 'required',
              ...(type ? {type} : {}),
              value: this.supporter[key],
              autocomplete,
              max: LIMITS[key],
              problem: this.fieldProblem(key),
              onInput: (value) => this.updateSupporter({[key]: value}),
            },
            this.formatLocale,
          );
        })}
        ${asked.email ? this.renderConsent() : nothing} ${this.endpointUrl ? this.renderHoneypot() : nothing}
      </fieldset>
    `;
  }

  /** Consent to hear from the organizer: unchecked until the reader checks it. */
  private renderConsent() {
    const org = this.organizer;
    return html`<div part="consent" class="consent">
      <input
        type="checkbox"
        id="supporter-consent"
        .checked=${live(this.supporter.consent)}
        @change=${(e: Event) => this.updateSupporter({consent: (e.target as HTMLInputElement).checked})}
      />
      <label for="supporter-consent"
        >${org
          ? msg(str`Yes, ${org} may contact me about this campaign.`)
          : msg('Yes, the organizers may contact me about this campaign.')}</label
      >
      ${this.privacy
        ? html`<a class="privacy" href=${this.privacy.href} target="_blank" rel="noopener">${msg('Privacy policy')}</a>`
        : nothing}
    </div>`;
  }

  /**
   * A field people never see or reach (off screen, hidden from assistive technology, out of
   * the tab order) and form-filling scripts tend to fill in.
   */
  private renderHoneypot() {
    return html`<div class="honeypot" aria-hidden="true">
      <label for="supporter-website">${msg('Leave this field empty')}</label>
      <input
        id="supporter-website"
        name="website"
        tabindex="-1"
        autocomplete="off"
        .value=${live(this.honeypot)}
        @input=${(e: Event) => (this.honeypot = (e.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  /** What is wrong with a field: our own check first, else what the receiver said. */
  private fieldProblem(field: keyof FormProblems): string | undefined {
    const problem = this.problems[field];
    return problem ? this.problemText(field, problem) : this.serverProblems[field];
  }

  private boundsHint(min: number, max: number): string {
    if (min > 1 && min < max) return msg(str`Pick from ${min} to ${max} recommendations.`);
    return pluralRules(this.interfaceLocale).select(max) === 'one'
      ? msg(str`Pick at most ${max} recommendation.`, {id: 'picks-too-many-one'})
      : msg(str`Pick at most ${max} recommendations.`, {id: 'picks-too-many-other'});
  }

  private picksProblemText(problem: FieldProblem): string {
    const {min, max} = this.bounds;
    const plural = pluralRules(this.interfaceLocale).select(problem === 'too-many' ? max : min);
    if (problem === 'too-many') {
      return plural === 'one'
        ? msg(str`Pick at most ${max} recommendation.`, {id: 'picks-too-many-one'})
        : msg(str`Pick at most ${max} recommendations.`, {id: 'picks-too-many-other'});
    }
    if (min <= 1) return msg('Pick at least one recommendation.');
    return msg(str`Pick at least ${min} recommendations.`, {id: 'picks-too-few-other'});
  }

  private problemText(field: keyof FormProblems, problem: FieldProblem): string {
    if (field === 'picks') return this.picksProblemText(problem);
    if (problem === 'too-long') {
      const max = numberFormat(this.formatLocale).format(LIMITS[field]);
      return msg(str`This is too long: use at most ${max} characters.`);
    }
    if (field === 'name') return msg('Enter your name.');
    if (field === 'email') {
      return problem === 'required'
        ? msg('Enter your email address.')
        : msg('This email address is not valid. Write it like this: name@example.org');
    }
    return msg('Check this field.');
  }

  private renderActions() {
    if (!this.endpointUrl) return this.renderEmailFallback();
    return html`
      <div class="actions">
        <button type="submit" part="submit" class="primary" ?disabled=${this.sendState?.phase === 'sending'} aria-describedby="send-status">
          ${sendButtonText(this.sendState)}
        </button>
        <p id="send-status" class="status" role="status">${progressText(this.sendState, this.formatLocale)}</p>
        <div role="alert" class="failure">${failureText(this.sendState)}</div>
      </div>
    `;
  }

  /** A send the page closed on: offered again, as it was, so that it is sent once. */
  private renderInterrupted() {
    const pending = this.interrupted;
    if (!pending || !offerHere(pending, this.owner()) || !this.endpointUrl) return nothing;
    const at = new Date(pending.submission.submittedAt);
    const date = dateFormat(this.formatLocale).format(at);
    const {time, one} = timeOfDay(this.formatLocale, at);
    // Two forms, for languages that say "a la 1:05" but "a las 2:05".
    return html`<div class="notice interrupted" role="status">
      <p>${one
        ? msg(str`The message you sent on ${date} at ${time} may not have arrived.`, {id: 'interrupted-at-one'})
        : msg(str`The message you sent on ${date} at ${time} may not have arrived.`, {id: 'interrupted-at-other'})}</p>
      <button type="button" class="primary" @click=${this.sendInterrupted}>${msg('Send it now')}</button>
      <button type="button" class="secondary" @click=${this.discardInterrupted}>${msg('Discard it')}</button>
    </div>`;
  }

  private renderEmailFallback() {
    const {composed, text} = this.outgoing();
    const emails = composed.to.flatMap((r) => (r.email ? [r.email] : []));
    return html`
      <div class="actions">
        <p class="help">${msg('Send this message from your own email, or copy it and send it your way.')}</p>
        ${this.picks.size === 0
          ? html`<p class="help">${msg('Pick at least one recommendation to write your message.')}</p>`
          : html`<a part="submit" class="primary button" href=${mailtoHref({to: emails, subject: composed.subject, body: text})}>
              ${msg('Open in my email app')}
            </a>`}
        <button type="button" class="secondary" @click=${this.copyMessage}>${msg('Copy the message')}</button>
        <p class="status" role="status">
          ${this.copied === 'yes' ? msg('Copied. Paste it into an email to the recipients.') : nothing}
          ${this.copied === 'no' ? msg('The message is selected: copy it with your keyboard or menu.') : nothing}
        </p>
      </div>
    `;
  }

  /** The page to share: `share-url`, or this page without its query and fragment. */
  private shareLink(): string {
    return this.share.url?.href ?? pageAddress(location.href);
  }

  /** Copies `text`, and says whether the clipboard took it. */
  private async copyText(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = 'yes';
    } catch {
      this.copied = 'no';
    }
    return this.copied === 'yes';
  }

  /** The text offered for sharing: `share-text`, or the campaign's title. */
  private shareMessage(): string {
    return this.share.text ?? this.text(this.campaign.title)?.text ?? '';
  }

  private async nativeShare(): Promise<void> {
    const text = this.shareMessage();
    try {
      await navigator.share({title: text, text, url: this.shareLink()});
    } catch {
      // The reader closed the share sheet: nothing to do.
    }
  }

  private renderConfirmation(confirm: boolean) {
    const names = listFormat(this.locale).format(this.compose(this.locale).to.map((r) => r.name));
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
      ${renderShare({
        url: this.shareLink(),
        text: this.shareMessage(),
        copied: this.copied,
        onCopy: () => void this.copyText(this.shareLink()),
        onNativeShare: 'share' in navigator ? () => void this.nativeShare() : null,
      })}
    `;
  }
}

/** Runs `work` when the page has nothing better to do (soon, where idle callbacks are missing). */
function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, {timeout: 2000});
  else setTimeout(work, 200);
}

function readChosenLocale(): string | null {
  try {
    return localStorage.getItem(CHOSEN_LOCALE_KEY);
  } catch {
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-action': CivicAction;
  }
}
