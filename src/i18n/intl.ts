/**
 * Intl formatters, made once per language and kept: building one costs far more than using
 * it, and a render would otherwise build several for every pick and keystroke.
 */
function cached<T>(make: (locale: string) => T): (locale: string) => T {
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
export const numberFormat = cached((locale) => new Intl.NumberFormat(locale));
export const timeFormat = cached((locale) => new Intl.DateTimeFormat(locale, {timeStyle: 'medium'}));
export const dateTimeFormat = cached((locale) => new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'short'}));
/** Names of languages, written in `locale`. */
export const languageNames = cached((locale) => new Intl.DisplayNames([locale], {type: 'language'}));
