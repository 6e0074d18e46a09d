import type {Campaign} from '../campaign/campaign-schema.js';
import {campaignLocales} from '../campaign/campaign-text.js';
import {defaultCampaign} from '../campaign/default-campaign.js';
import {hasDraft} from '../draft/draft-store.js';
import {resolveFor} from '../i18n/locale-controller.js';
import {loadInterfaceLocale, retryInterfaceLocale} from '../i18n/localization.js';
import {matchLocale} from '../i18n/resolve-locale.js';
import {checksLoaded, checksRefused, loadChecks} from './checks-loader.js';
import {loadCampaignLanguage, retryCampaignLanguage} from './campaign-languages.js';

/**
 * How long a returning reader's first view waits for the chunk that reads their draft: on a slow
 * network it can take tens of seconds, and the widget would be blank for as long. After it, the
 * list shows without the draft, which is restored when the chunk comes (see `DraftController`).
 */
export const DRAFT_WAIT_MS = 2000;
let draftWaitOver = false;

/** What the element knows before a render about what that render will show. */
export interface RenderNeeds {
  campaign: Campaign;
  /** An organizer's campaign being checked (see `CampaignController.checking`). */
  checking: Promise<void> | null;
  /** Whether an organizer's campaign is on its way (`CampaignController.coming`): the built-in one's texts are not shown. */
  coming: boolean;
  /**
   * The element's id, which keys its draft, when this render may restore one: the first. Any later
   * campaign came through the schema, so the draft's schemas are there by then.
   */
  restoring: {instance: string} | null;
  /** The reader's language, as it will be resolved for this render. */
  locale: string;
  /** The browser's language, offered in its own words ("Leer esto en español"), if any. */
  offer: string | undefined;
  /** `message-lang` as written, and the language of a message the reader edited. */
  messageLang: string | null;
  editedLocale: string | undefined;
}

/**
 * What a render must wait for, or `null` when it can go at once (most renders): an organizer's
 * campaign being checked, the interface strings and the built-in campaign's texts in the languages
 * it shows (and the strings of the language it offers, whose offer is written in it), and the
 * schemas that check a saved draft. Waiting for them, rather than rendering and then rendering
 * again, is what keeps a Spanish reader from seeing English first and a returning reader from
 * seeing an empty form.
 */
export function beforeRender({campaign, checking, coming, restoring, locale, offer, messageLang, editedLocale}: RenderNeeds): Promise<unknown> | null {
  const messageLocale = matchLocale(messageLang, campaignLocales(campaign)) ?? editedLocale;
  const waits: Array<Promise<unknown> | null> = [
    checking,
    loadInterfaceLocale(locale),
    offer ? loadInterfaceLocale(offer) : null,
    messageLocale ? loadInterfaceLocale(messageLocale) : null,
    coming ? null : loadCampaignLanguage(campaign, locale),
    coming ? null : loadCampaignLanguage(campaign, messageLocale),
  ];
  if (restoring && !checksRefused() && hasDraft(campaign.id, restoring.instance)) {
    const checks = checksLoaded();
    // A failed load restores nothing, and keeps the draft for a later visit (see DraftController), rather than holding the widget back.
    // Nor does a slow one hold it back for long: past DRAFT_WAIT_MS the list shows, and the draft comes with the chunk.
    if (!checks && !draftWaitOver) waits.push(Promise.race([loadChecks().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, DRAFT_WAIT_MS))]).then(() => (draftWaitOver = true)));
    else if (checks) {
      // The message the reader edited, shown in its language: its frame's words and the campaign's texts in it.
      const edited = checks.savedEditedLocale(campaign.id, restoring.instance);
      if (edited) waits.push(loadInterfaceLocale(edited), coming ? null : loadCampaignLanguage(campaign, edited));
    }
  }
  const pending = waits.filter(Boolean);
  return pending.length ? Promise.all(pending) : null;
}

/**
 * Starts loading what a render in `locale` waits for (its interface strings, the built-in
 * campaign's texts in it) when a reader shows they may choose it: a pointer over its button, a
 * finger on it, focus on it. The click then renders at once, or sooner, rather than after two
 * downloads. Each loads once; a failure is told when the render waits for it, and tried again
 * when the reader chooses the language (`retryLocale`).
 */
export function prepareLocale(campaign: Campaign, locale: string): void {
  void loadInterfaceLocale(locale);
  void loadCampaignLanguage(campaign, locale);
}

/**
 * The reader chose `locale`: its strings and the built-in campaign's texts in it, if they failed
 * to load (a network blip, a hover's prefetch on a train), are fetched again by the render that
 * follows, rather than leaving a reader who asked for Spanish in English for the rest of the
 * visit.
 */
export function retryLocale(locale: string): void {
  retryInterfaceLocale(locale);
  retryCampaignLanguage(locale);
}

/**
 * What the widgets already in the page will wait for at their first render (`beforeRender`), for
 * those that show the built-in campaign, each with its language resolved as the element resolves
 * it. The element is defined once that is there (civic-action.ts), so that no widget sits defined
 * and empty for a frame while it loads: its reserved room, or the fallback content inside the tag,
 * would be gone, and the page would move twice. `null`, and the element is defined at once, when
 * there is nothing to wait for.
 */
export function beforeDefine(): Promise<unknown> | null {
  const waits = [...document.querySelectorAll('civic-action')].map(firstRender).filter(Boolean);
  return waits.length ? Promise.all(waits) : null;
}

function firstRender(element: Element): Promise<unknown> | null {
  if (element.hasAttribute('src') || element.querySelector(':scope > script')) return null;
  const campaign = defaultCampaign;
  const {locale, offer} = resolveFor(element, campaignLocales(campaign), campaign.defaultLocale);
  const wait = beforeRender({campaign, checking: null, coming: false, restoring: {instance: element.id}, locale, offer, messageLang: element.getAttribute('message-lang'), editedLocale: undefined});
  // Again once that is there, as the element's own wait goes: what a draft needs is known only once it is read.
  return wait && wait.then(() => firstRender(element));
}
