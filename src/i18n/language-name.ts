import {msg} from '@lit/localize';
import {selfNames} from '../generated/language-names.js';
import {languageNames} from './intl.js';
import {inLocale, interfaceLocales} from './localization.js';

/**
 * The name of a language in that language ("English", "Español"), for switchers and offers.
 * A translated language names itself in its own XLIFF file (the string `language-name`), so
 * the first render loads no Intl display-name data, which costs tens of milliseconds on a
 * slow phone; a campaign language with no interface translation falls back to Intl. The names
 * are copied into the first script (`selfNames`): a switcher names languages whose strings a
 * reader of another language never loads.
 */
export function languageName(locale: string): string {
  if (interfaceLocales.includes(locale)) {
    return selfNames[locale] ?? inLocale(locale, () => msg('English', {id: 'language-name', desc: 'The name of this language, written in this language.'}));
  }
  try {
    const name = languageNames(locale).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    // An unknown tag keeps its code: better than nothing for a switcher.
    return locale;
  }
}

/**
 * The name of the language `locale` inside a sentence written in `sentenceLocale`, as that
 * language writes it there: "inglés" and "español" in a Spanish sentence, "English" and
 * "Spanish" in an English one. A language named in its own sentence comes from its XLIFF file
 * (`language-name-in-sentence`), so the offer on first render loads no Intl data; every other
 * pair comes from `Intl.DisplayNames`.
 */
export function languageNameIn(locale: string, sentenceLocale: string): string {
  if (locale === sentenceLocale && interfaceLocales.includes(locale)) {
    return inLocale(locale, () =>
      msg('English', {
        id: 'language-name-in-sentence',
        desc: 'The name of this language inside a sentence of this language ("Read this in …"), with the case it takes there.',
      }),
    );
  }
  try {
    return languageNames(sentenceLocale).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
