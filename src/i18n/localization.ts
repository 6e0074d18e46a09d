import {configureReentrantLocalization} from '@lit/localize/init/reentrant.js';
import type {LocaleModule} from '@lit/localize';
import {sourceLocale, targetLocales} from '../generated/locale-codes.js';
import {localeLoaders} from '../generated/locale-modules.js';

/**
 * Interface strings in the locale of whatever is rendering them.
 *
 * `@lit/localize`'s usual runtime setup has one active locale per page, switched
 * asynchronously. Two widgets on one page may need different languages, and one widget
 * renders the message preview in the message's language beside an interface in the
 * reader's. The reentrant configuration asks `getLocale()` before every `msg()` call,
 * so each render scopes its locale synchronously with `inLocale()`. A language's strings are
 * a chunk of their own, loaded before the first render that needs them (`loadInterfaceLocale`,
 * which the element awaits): English readers never download Spanish, and Spanish readers never
 * see English first.
 */
let current: string = sourceLocale;
const loaded: Record<string, LocaleModule> = {};
const loading: Record<string, Promise<void>> = {};
/**
 * Languages whose strings, or the built-in campaign's texts in them, could not load: not resolved
 * to (`languageFailed`), so that the widget and its switcher show the English they fall back on,
 * until the reader chooses the language again (`retryInterfaceLocale`).
 */
const failed = new Set<string>();
let arrivals = 0;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => current,
  loadLocaleSync: (locale) => loaded[locale],
});

/**
 * Loads the interface strings for a reader of `locale`; `null` when they are already there (or
 * are the source language's, which are built in). A chunk that cannot load leaves the interface
 * in English, with the reason in the console, rather than no widget.
 */
export function loadInterfaceLocale(locale: string): Promise<void> | null {
  const wanted = interfaceLocaleFor(locale);
  if (interfaceReady(wanted)) return null;
  return (loading[wanted] ??= localeLoaders[wanted]!().then(
    (module) => {
      loaded[wanted] = module;
      languageArrived();
    },
    (error: unknown) => {
      // Not tried again by every render, which would each wait for the network: only when the reader chooses the language.
      failed.add(wanted);
      delete loading[wanted];
      console.error(`<civic-action>: could not load the interface in ${wanted} (${(error as Error).message}); showing it in ${sourceLocale}.`);
    },
  ));
}

/**
 * The reader chose `locale`: the mark of its strings or texts that failed to load (a network blip)
 * goes, so that it is resolved to again, and the next render fetches its strings again (browsers
 * fetch a module that failed anew when it is imported again; its texts: `retryCampaignLanguage`).
 */
export function retryInterfaceLocale(locale: string): void {
  failed.delete(locale);
}

/** Whether `locale`'s strings or texts could not load (see `failed`); `languageLost` says so of texts. */
export const languageFailed = (locale: string): boolean => failed.has(locale);
export function languageLost(locale: string): void {
  failed.add(locale);
}

/** Whether `msg()` answers in `locale`'s language now: a message composed before then would be in English. */
export function interfaceReady(locale: string): boolean {
  const wanted = interfaceLocaleFor(locale);
  return wanted === sourceLocale || wanted in loaded;
}

/**
 * Counts languages' strings and the built-in campaign's texts as they arrive. A message composed
 * while one was missing (it failed, and a reader or a neighbouring widget is trying it again) holds
 * English in its place: the composer keeps a message only as long as this count stays the same.
 */
export const languageArrived = (): void => void arrivals++;
export const languageArrivals = (): number => arrivals;

/** Languages the interface is translated into. */
export const interfaceLocales: readonly string[] = [sourceLocale, ...targetLocales];

/**
 * The language the interface is shown in for a reader of `locale`: it, or the source language
 * where it has no translation, or its strings or texts could not load (and so says `lang`).
 */
export function interfaceLocaleFor(locale: string): string {
  return interfaceLocales.includes(locale) && !failed.has(locale) ? locale : sourceLocale;
}

/**
 * Runs `render` with `msg()` answering in `locale` (or in the source language, when `locale` has
 * no translation). Its strings must have loaded first (`loadInterfaceLocale`): until then `msg()`
 * answers in English, silently, which is how a language switcher once named Spanish "English".
 * Development builds and the tests say so instead; production builds drop the check.
 */
export function inLocale<T>(locale: string, render: () => T): T {
  if (import.meta.env?.DEV && !interfaceReady(locale)) throw new Error(`<civic-action>: a render in ${locale} before its strings loaded`);
  const previous = current;
  current = interfaceLocaleFor(locale);
  try {
    return render();
  } finally {
    current = previous;
  }
}
