import type {PropertyDeclarations, PropertyValues, TemplateResult} from 'lit';
import {CivicActionSettings} from './civic-action.settings.js';
import type {Campaign} from './campaign/campaign-schema.js';
import {campaignLocales, inCampaignOrder} from './campaign/campaign-text.js';
import {CampaignController} from './campaign/campaign-controller.js';
import {defaultOptions, readOptions, readPickBounds, use, type Options} from './config/options.js';
import {DraftController} from './draft/draft-controller.js';
import {offerHere, type DraftOwner} from './draft/draft-store.js';
import type {PickBounds} from './form/supporter-fields.js';
import {LocaleController} from './i18n/locale-controller.js';
import {inLocale} from './i18n/localization.js';
import {beforeRender, retryLocale} from './lazy/before-render.js';
import {checksLoaded, prefetchLater} from './lazy/checks-loader.js';
import type {Composer} from './message/composer.js';
import type {CopyController} from './platform/clipboard.js';
import {canShareNatively, pageBase} from './platform/page.js';
import {TakeOverController, updateWithoutRender} from './platform/take-over.js';
import {focusOnceRendered} from './platform/focus.js';
import {emit} from './platform/events.js';
import {SendController, type DeliverySettings} from './send/send-controller.js';
import {defaultRetryPolicy} from './send/retry-policy.js';
import * as formState from './state/form-state.js';
import {TallyController} from './tally/tally-controller.js';
import {firstProblemSelector} from './view/field-selectors.js';
import {ProgressiveView} from './view/progressive-view.js';
import {renderWidget} from './view/widget.js';
import type {WidgetActions, WidgetView} from './view/widget-view.js';
import {readMessageLang, readPicked} from './config/attributes.js';
import styles from './styles/index.js';

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
 * not match its schema) or `campaign` (the campaign, or the built-in campaign's texts, could not be loaded).
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
 * @csspart notice - A short notice in place of what could not be loaded: the widget (its campaign, then with a Try again button where loading it again may help), or the form below the list (with a Try again button: a chunk lost on a network's blip is fetched again, and a pick tries again too).
 * @csspart offer - The offer of the browser's preferred language.
 * @csspart count - The live count of picks.
 * @csspart picks-bar - The bar under the list that keeps the count and the way to the message in sight while picking.
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
export class CivicAction extends CivicActionSettings {
  static override styles = styles;
  static override properties: PropertyDeclarations = {form: {state: true, attribute: false}};

  /**
   * The campaign shown, as an object in the format of `schema/campaign.schema.json`. Defaults to
   * the built-in campaign. A campaign that does not match the format is reported in the console,
   * with the place of each problem, and the current campaign stays.
   */
  get campaign(): Campaign {
    return this.campaigns.current;
  }

  set campaign(value: unknown) {
    this.campaigns.set(value);
  }

  /** The language the reader reads the widget in. */
  get locale(): string {
    return this.language.locale;
  }

  /** The language of the message that is sent. */
  get messageLocale(): string {
    return this.fixedMessageLocale ?? this.form.edited?.locale ?? this.locale;
  }

  private form: formState.FormState = formState.initialFormState();
  private options: Options = defaultOptions();
  private bounds: PickBounds = {min: 1, max: Infinity};
  /** `message-lang`, where it names one of the campaign's languages. */
  private fixedMessageLocale: string | null = null;
  private shownAt = 0;
  private cold = false;
  private readonly language = new LocaleController(this);
  private readonly campaigns = new CampaignController(this, (campaign, previous) => {
    this.form = formState.withinCampaign(this.form, campaign);
    this.requestUpdate('campaign', previous);
  });
  private readonly sending = new SendController(this, {
    sent: () => {
      this.copies = undefined; // the thank-you's copy buttons start with nothing copied
      if (this.options.successUrl) location.assign(this.options.successUrl.href);
      else void this.focusOn('#confirmation-heading');
    },
    refused: (fields) => {
      this.form = checksLoaded()!.refusedFields(this.form, fields);
      void this.focusOn(firstProblemSelector(this.form));
    },
  });
  private readonly drafts = new DraftController();
  private readonly takeOver = new TakeOverController(this, () => !this.campaigns.loading && !this.campaigns.problem && !this.campaigns.textsProblem && (checksLoaded()?.showsCampaign(this.shadowRoot!, this.campaign.id) ?? false));
  private readonly steps = new ProgressiveView(this);
  private readonly tally = new TallyController(this);
  private composer: Composer | null = null;
  private copies?: CopyController; // made by the first copy: only what the checks' chunk shows offers one
  private readonly check: formState.FormCheck = ({supporter, picks}) =>
    checksLoaded()?.checkForm(supporter, picks.size, this.options.endpoint ? this.options.fields : null, this.bounds) ?? {};

  // A long list renders over a few frames (view/progressive-view.ts): whoever awaits this expects every row, and the form.
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.steps.finished();
    return super.getUpdateComplete();
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    const {campaign} = this;
    const {locale, offer} = this.language.peek(campaignLocales(campaign), campaign.defaultLocale);
    const wait = beforeRender({campaign, checking: this.campaigns.checking, coming: this.campaigns.coming(this.src), restoring: this.hasUpdated ? null : {instance: this.id}, locale, offer, messageLang: this.messageLang, editedLocale: this.form.edited?.locale});
    return wait ? wait.then(() => this.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const options = (this.options = readOptions(this.options, this, changed, pageBase()));
    if (changed.has('tallySrc')) this.tally.schedule(options.tallySrc, this.tallySrc, options.timeout);
    if (changed.has('src')) void this.campaigns.loadFrom(options.src, this.src, options.timeout);
    const {campaign} = this;
    this.language.resolve(campaignLocales(campaign), campaign.defaultLocale);
    const newCampaign = !this.hasUpdated || changed.has('campaign');
    if (changed.has('minPicks') || changed.has('maxPicks') || changed.has('campaign')) this.bounds = readPickBounds(this.minPicks, this.maxPicks, campaign.recommendations.length);
    // A draft whose chunk came late (a slow network: see DRAFT_WAIT_MS) is restored when it comes.
    if (newCampaign || (this.drafts.late && checksLoaded())) this.restoreDraft();
    // The warm-up comes with the chunk too: idle work, none of it needed before (i18n/warm-up.ts).
    if (this.cold && checksLoaded()) {
      this.cold = false;
      checksLoaded()!.warmUp(this.campaign, (locale) => this.isConnected && this.compose(locale), this.language.offer);
    }
    if ((newCampaign || changed.has('picked')) && !this.drafts.restored) {
      const picks = use('picked', this.picked, readPicked(this.picked, campaign.recommendations.map((r) => r.id)));
      this.form = {...this.form, picks: new Set(picks)};
    }
    if (!this.takeOver.waiting) this.form = this.takeOver.carryOver(this.form, campaign, this.check);
    if (changed.has('messageLang') || changed.has('campaign')) {
      this.fixedMessageLocale = use('message-lang', this.messageLang, readMessageLang(this.messageLang, campaignLocales(campaign)));
    }
  }

  // Pre-rendered markup stays on screen, and in use, while the campaign it shows loads: no render replaces it yet.
  protected override update(changed: PropertyValues<this>): void {
    return this.takeOver.waiting ? updateWithoutRender(this, changed) : super.update(changed);
  }

  protected override updated(): void {
    const {form, sending} = this;
    this.drafts.save({form, pending: sending.pending, sent: sending.state?.phase === 'sent', owner: this.owner()});
  }

  protected override render(): TemplateResult {
    return inLocale(this.language.interfaceLocale, () => renderWidget(this.view(), this.actions));
  }

  private restoreDraft(): void {
    // When the form appears to the reader: the first render, or a campaign that arrives later (src, or the property).
    this.shownAt = performance.now();
    // Not the built-in campaign's languages while the organizer's is on its way: nothing of it would be used.
    this.cold = !this.campaigns.coming(this.src);
    const {form, interrupted} = this.drafts.restore(this.campaign, this.id, this.owner(), this.form);
    this.form = form;
    this.sending.interrupted = interrupted;
  }

  /** This widget as the owner of consent and of a submission on its way. */
  private readonly owner = (): DraftOwner => ({endpoint: this.options.endpoint?.href ?? null, org: this.options.org});

  // Asked for only by what the checks' chunk brings (the form, the thank-you, a send), which brings the composer too.
  private readonly compose = (locale: string) =>
    (this.composer ??= new (checksLoaded()!.Composer)()).compose(locale, {campaign: this.campaign, picks: this.form.picks, recipients: this.options.recipients, subject: this.options.subject});

  /** What a render shows. */
  private view(): WidgetView {
    const {campaign, campaigns, language, sending, options, form} = this;
    const interrupted = options.endpoint && offerHere(sending.interrupted, this.owner()) ? sending.interrupted : null;
    return {
      campaign,
      locale: language.locale,
      interfaceLocale: language.interfaceLocale,
      formatLocale: language.formatLocale,
      messageLocale: this.messageLocale,
      messageLangFixed: this.fixedMessageLocale !== null,
      offer: language.offer,
      campaignProblem: campaigns.problem ?? campaigns.textsProblem,
      campaignRetryable: Boolean(campaigns.again || campaigns.textsProblem), // texts: `again` comes after their first notice
      campaignLoading: campaigns.loading,
      options,
      bounds: this.bounds,
      form,
      ...this.steps.shown(campaign.recommendations, this.takeOver.tookOver),
      tally: this.tally.shown,
      sendState: sending.state,
      interrupted,
      copied: this.copies?.copied ?? {message: null, link: null},
      compose: (locale) => this.compose(locale),
    };
  }

  private readonly actions: WidgetActions = {
    chooseLocale: (locale) => (retryLocale(locale), this.language.choose(locale), this.focusOn('.switcher [aria-pressed=true]')), // from the offer, which goes, focus would fall to the body
    retryCampaign: () => void this.campaigns.tryAgain().then(() => this.focusOn(['.try-again', 'h2'])), // the button went: focus to what came
    retryForm: () => void this.steps.retry().then(this.actions.goToMessage), // the form that came, or the notice again
    // One listener for the whole list, rather than one per checkbox: long campaigns render faster.
    pickChange: ({target}) => {
      const {dataset, checked} = target as HTMLInputElement;
      if (dataset['recommendation']) this.setPicks(formState.toggled(this.form.picks, dataset['recommendation'], checked));
    },
    toggleFullText: ({target}) => {
      const id = (target as Element).closest<HTMLElement>('[data-more]')?.dataset['more'];
      if (id) this.form = formState.withFullTextToggled(this.form, id);
    },
    pickAll: () => this.setPicks(new Set(this.campaign.recommendations.map((r) => r.id))),
    clearAll: () => this.setPicks(new Set()),
    // Its heading, not its box: all of it in view from To on, no phone keyboard over it. Not if the form's chunk, on its way, takes seconds more: a jump then would take the reader from whatever they read by then.
    goToMessage: () => void this.focusOn(['#message-heading', '#form-notice'], 2000),
    editMessage: (text) => (this.form = checksLoaded()!.withEditedMessage(this.form, text, this.messageLocale)),
    startAgain: () => (this.form = checksLoaded()!.startedAgain(this.form)),
    undoStartAgain: () => (this.form = checksLoaded()!.undoneStartAgain(this.form)),
    updateSupporter: (patch) => (this.form = formState.withSupporter(this.form, patch, this.check)),
    fillHoneypot: (value) => (this.form = {...this.form, honeypot: value}),
    submit: (event) => void this.submit(event),
    sendInterrupted: () => checksLoaded()!.sendInterrupted(this.sending, this.deliverySettings()),
    discardInterrupted: () => this.sending.discardInterrupted(),
    copyMessage: () => void this.copier().copyMessage(checksLoaded()!.outgoing(this.view()), this.renderRoot),
    copyLink: () => void this.copier().copy('link', checksLoaded()!.shareLink(this.view())),
    nativeShare: canShareNatively() ? () => void checksLoaded()!.shareNatively(checksLoaded()!.shareMessage(this.view()), checksLoaded()!.shareLink(this.view())) : null,
  };
  private readonly copier = () => (this.copies ??= new (checksLoaded()!.CopyController)(this));

  private setPicks(picks: ReadonlySet<string>): void {
    this.form = formState.withPicks(this.form, picks, this.campaign, this.check, checksLoaded()?.reconcileEditedBody);
    prefetchLater();
    emit(this, 'civic-action-pick', {campaign: this.campaign.id, picked: inCampaignOrder(this.campaign, picks)});
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    // One submission at a time: a second click or Enter while sending does nothing.
    if (this.sending.busy) return;
    this.form = formState.checked(this.form, this.check);
    if (formState.hasProblems(this.form)) return this.focusOn(firstProblemSelector(this.form));
    const settings = this.deliverySettings();
    if (!settings) return;
    const fillMs = Math.max(0, Math.round(performance.now() - this.takeOver.shownSince(this.shownAt)));
    const {restored} = this.drafts;
    // The form that sends is the checks' chunk's own (`renderBelowList`): the chunk is there.
    const input = checksLoaded()!.submissionInput(this.view(), fillMs, restored);
    this.form = formState.withoutServerProblems(this.form);
    await this.sending.send(input, settings, restored ? 0 : this.minFillTime - fillMs);
  }

  private deliverySettings(): DeliverySettings | null {
    const {endpoint, timeout: timeoutMs, endpointFormat, retries} = this.options;
    const policy = {...defaultRetryPolicy, retries, baseDelayMs: this.retryBaseDelay};
    return endpoint && {endpoint, endpointAttribute: this.endpoint, timeoutMs, format: endpointFormat, policy, owner: this.owner()};
  }

  private readonly focusOn = (selectors: string | readonly string[] | undefined, withinMs?: number) => focusOnceRendered(this, selectors, withinMs);
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-action': CivicAction;
  }
}
