import {nothing} from 'lit';
import type {Campaign, LocalizedText} from '../campaign/campaign-schema.js';
import {textIn} from '../campaign/campaign-text.js';
import type {Options} from '../config/options.js';
import type {Copied, CopyTarget} from '../platform/clipboard.js';
import type {Pending} from '../draft/draft-store.js';
import type {PickBounds, SupporterFields} from '../form/supporter-fields.js';
import type {ComposedMessage} from '../message/compose-message.js';
import type {SendState} from '../send/send-controller.js';
import type {FormState} from '../state/form-state.js';
import type {Tally} from '../tally/tally.js';

/** Everything a render shows, read from the element and its controllers once per render. */
export interface WidgetView {
  campaign: Campaign;
  /** The reader's language, for the campaign's text. */
  locale: string;
  /** The language of the interface's own words. */
  interfaceLocale: string;
  /** The locale numbers, dates and times are written in. */
  formatLocale: string;
  /** The language of the message that is sent. */
  messageLocale: string;
  /** Whether the organizer fixed the message's language (`message-lang`). */
  messageLangFixed: boolean;
  /** The browser's language, offered to a reader who has not chosen one. */
  offer: string | undefined;
  campaignProblem: string | null;
  /** Whether trying again may mend the problem (a load that failed, not a campaign that is not valid). */
  campaignRetryable: boolean;
  campaignLoading: boolean;
  options: Options;
  bounds: PickBounds;
  form: FormState;
  /** How many of the campaign's recommendations this render shows: all but in a long list's first frames. */
  rowsShown: number;
  /** Whether this render shows the form below the list: not in a first view's first frame, nor before its chunk is there. */
  formShown: boolean;
  /** The chunk of the form below the list failed to load (offline): the view says so. */
  formUnloadable: boolean;
  tally: Tally | null;
  sendState: SendState | null;
  /** A submission an earlier visit left on its way, when this widget may offer it. */
  interrupted: Pending | null;
  copied: Readonly<Record<CopyTarget, Copied>>;
  /** The message composed from the picks in a language. */
  compose(locale: string): ComposedMessage;
}

/** What the reader can do; the element wires each to its state. */
export interface WidgetActions {
  chooseLocale(locale: string): void;
  /** The notice's "Try again": loads again what could not load. */
  retryCampaign(): void;
  /** The same, for the form below the list, whose chunk could not load. */
  retryForm(): void;
  pickChange(event: Event): void;
  /** A click in the list: on a recommendation's "full text" button, opens or closes its text. */
  toggleFullText(event: Event): void;
  pickAll(): void;
  clearAll(): void;
  /** Takes the reader from the list to their message. */
  goToMessage(): void;
  editMessage(text: string): void;
  startAgain(): void;
  undoStartAgain(): void;
  updateSupporter(patch: Partial<SupporterFields>): void;
  fillHoneypot(value: string): void;
  submit(event: Event): void;
  sendInterrupted(): void;
  discardInterrupted(): void;
  copyMessage(): void;
  copyLink(): void;
  /** `null` where the browser cannot share natively. */
  nativeShare: (() => void) | null;
}

/** The campaign text in `locale`, marked with the language it is really in. */
export const textOf = (view: WidgetView, value: LocalizedText | undefined, locale = view.locale) =>
  textIn(value, locale, view.campaign.defaultLocale);

/**
 * A `lang` for campaign text, only where it differs from the interface's around it: a long
 * campaign would otherwise set two attributes per recommendation that say nothing new.
 */
export const langIfOther = (view: WidgetView, lang: string | undefined) => (lang === undefined || lang === view.interfaceLocale ? nothing : lang);
