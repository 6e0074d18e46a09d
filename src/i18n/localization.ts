import {configureReentrantLocalization} from '@lit/localize/init/reentrant.js';
import type {LocaleModule} from '@lit/localize';
import {sourceLocale, targetLocales} from '../generated/locale-codes.js';
import {localeModules} from '../generated/locale-modules.js';

/**
 * Interface strings in the locale of whatever is rendering them.
 *
 * `@lit/localize`'s usual runtime setup has one active locale per page, switched
 * asynchronously. Two widgets on one page may need different languages, and one widget
 * renders the message preview in the message's language beside an interface in the
 * reader's. The reentrant configuration asks `getLocale()` before every `msg()` call,
 * so each render scopes its locale synchronously with `inLocale()`; the translations
 * are bundled, so they are all available synchronously.
 */
let current: string = sourceLocale;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => current,
  loadLocaleSync: (locale) => (localeModules as Record<string, LocaleModule | undefined>)[locale],
});

/** Languages the interface is translated into. */
export const interfaceLocales: readonly string[] = [sourceLocale, ...targetLocales];

/** The language the interface is shown in for a reader of `locale`: it, or the source language where it has no translation. */
export function interfaceLocaleFor(locale: string): string {
  return interfaceLocales.includes(locale) ? locale : sourceLocale;
}

/** Runs `render` with `msg()` answering in `locale` (or in the source language, when `locale` has no translation). */
export function inLocale<T>(locale: string, render: () => T): T {
  const previous = current;
  current = interfaceLocaleFor(locale);
  try {
    return render();
  } finally {
    current = previous;
  }
}
