/**
 * Intl formatters, made once per language and kept: building one costs far more than using
 * it, and a render would otherwise build several for every pick and keystroke.
 */
export function cached<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = make(locale)));
    return formatter;
  };
}

const listFormats = cached((locale) => new Intl.ListFormat(locale, {type: 'conjunction'}));

/** "A, B and C", as the language joins lists; one item needs no Intl data loaded. */
export const listFormat = (locale: string) => ({
  format: (items: readonly string[]) => (items.length < 2 ? (items[0] ?? '') : listFormats(locale).format(items)),
});
export const pluralRules = cached((locale) => new Intl.PluralRules(locale));
/** Numbers, times and dates take a locale with a region (see `formatLocale`): "16,000" in es-US, "16.000" in es-ES. */
export const numberFormat = cached((locale) => new Intl.NumberFormat(locale));
/** Names of languages, written in `locale`. */
export const languageNames = cached((locale) => new Intl.DisplayNames([locale], {type: 'language'}));

/**
 * The locale that numbers, dates and times are written in for a reader of `language`: the
 * language with the region the page or the browser gives (the first tag in `hints` that has
 * one), else with `US`, where most readers are: US Spanish writes "16,000" and a 12-hour clock,
 * where plain `es` would write "16.000" and "14:05".
 */
export function formatLocale(language: string, hints: ReadonlyArray<string | null | undefined>): string {
  for (const tag of [language, ...hints]) {
    try {
      const {region} = new Intl.Locale(tag!.trim());
      if (region) return new Intl.Locale(language, {region}).toString();
    } catch {
      // Not a language tag (an empty or mistyped lang): the next one may say.
    }
  }
  try {
    return new Intl.Locale(language, {region: 'US'}).toString();
  } catch {
    return language;
  }
}
