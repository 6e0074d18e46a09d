import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {reportInvalidAttribute} from '../config/attribute-errors.js';
import {browserLanguages, observePageLang, pageLangOf} from '../platform/page.js';
import {readStored, writeStored} from '../platform/storage.js';
import {formatLocale} from './intl.js';
import {interfaceLocaleFor, languageFailed} from './localization.js';
import {matchLocale, resolveLocale, type ResolvedLocale} from './resolve-locale.js';

/** Where a reader's language choice is remembered, across campaigns and pages of one site. */
const CHOSEN_LOCALE_KEY = 'civic-action:locale';

/**
 * The language `element` is read in, for a campaign written in `available` with `fallback` as its
 * default: the reader's choice (remembered), the element's `lang`, the page's, the browser's.
 */
export const resolveFor = (element: Element, available: readonly string[], fallback: string, chosen = readStored('local', CHOSEN_LOCALE_KEY)): ResolvedLocale =>
  resolveLocale({
    chosen,
    elementLang: element.getAttribute('lang'),
    pageLang: pageLangOf(element),
    browserLangs: browserLanguages(),
    // Not a language that could not load: the widget, its switcher and a message sent meanwhile are in the English shown instead.
    available: available.filter((locale) => locale === fallback || !languageFailed(locale)),
    fallback,
  });

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The page's language can change after load (a site's own language menu, a translation tool).
 * One observer serves every widget on the page: watching the whole document once per widget
 * would multiply the work of every `lang` change by the number of widgets.
 */
const watching = new Set<Host>();
let observer: MutationObserver | undefined;

function watchPageLanguage(host: Host): void {
  watching.add(host);
  if (watching.size > 1) return;
  observer = observePageLang(() => watching.forEach((watcher) => watcher.requestUpdate()));
}

function unwatchPageLanguage(host: Host): void {
  watching.delete(host);
  if (watching.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Which language one widget is read in: the reader's own choice (remembered), the element's
 * `lang`, the page's, the browser's, or the campaign's default; and the locale its numbers,
 * dates and times are written in.
 */
export class LocaleController implements ReactiveController {
  /** What the reader picked in the switcher, on this page or an earlier one. */
  chosen: string | null = readStored('local', CHOSEN_LOCALE_KEY);
  /** Set by `resolve`, which the element calls before its first render. */
  private resolved!: ResolvedLocale;
  /** The element's `lang` last reported as unusable, so one mistake gives one console error. */
  private lastReportedLang: string | null = null;
  /** The locale numbers and dates were last written in, and for which interface language. */
  private formats: {language: string; locale: string} | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    watchPageLanguage(this.host);
  }

  hostDisconnected(): void {
    unwatchPageLanguage(this.host);
  }

  /** The reader picks a language: it wins from now on, here and on the site's other pages. */
  readonly choose = (locale: string): void => {
    this.chosen = locale;
    writeStored('local', CHOSEN_LOCALE_KEY, locale);
    this.host.requestUpdate();
  };

  /**
   * The language, and the offer, that `resolve` would settle, without settling them: what a render
   * waits for before it comes (lazy/before-render.ts). Until that render, the widget, and a message
   * sent or copied meanwhile, stay in the language on screen: a send made while a switch waits for
   * its texts would otherwise go in the new language, with the texts it has not yet got in English.
   */
  peek(available: readonly string[], fallback: string): {locale: string; offer: string | undefined} {
    const {locale, offer} = resolveFor(this.host, available, fallback, this.chosen);
    return {locale, offer: this.chosen ? undefined : offer};
  }

  /** Settles the language for a render of a campaign written in `available`, with `fallback` as its default (in the element's `willUpdate`). */
  resolve(available: readonly string[], fallback: string): void {
    const elementLang = this.host.getAttribute('lang');
    if (elementLang && !matchLocale(elementLang, available) && elementLang !== this.lastReportedLang) {
      reportInvalidAttribute(
        'lang',
        elementLang,
        `the campaign has no text in that language; it has ${available.join(', ')}`,
        'Using the page’s or the browser’s language.',
      );
    }
    this.lastReportedLang = elementLang;
    this.resolved = resolveFor(this.host, available, fallback, this.chosen);
    // The element's or the page's `lang` may have changed, and with it the region.
    this.formats = null;
  }

  /** The language the reader reads the campaign in. */
  get locale(): string {
    return this.resolved.locale;
  }

  /** The language the interface's own words are shown in: the reader's, where it is translated. */
  get interfaceLocale(): string {
    return interfaceLocaleFor(this.locale);
  }

  /** The browser's preferred language, to offer, unless the reader has already chosen one. */
  get offer(): string | undefined {
    return this.chosen ? undefined : this.resolved.offer;
  }

  /**
   * The locale numbers, dates and times are written in: the interface's language with the
   * region of the element's or the page's `lang`, or of the browser's languages, else `US`.
   */
  get formatLocale(): string {
    const {interfaceLocale} = this;
    if (this.formats?.language !== interfaceLocale) {
      const hints = [this.host.getAttribute('lang'), this.pageLang(), ...browserLanguages()];
      this.formats = {language: interfaceLocale, locale: formatLocale(interfaceLocale, hints)};
    }
    return this.formats.locale;
  }

  private pageLang(): string | null {
    return pageLangOf(this.host);
  }
}
