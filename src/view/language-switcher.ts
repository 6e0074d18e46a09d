import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {inLocale, interfaceLocaleFor} from '../i18n/localization.js';
import {languageName, languageNameIn} from '../i18n/language-name.js';

/** One button per language, each named in its own language, the current one pressed. */
export function renderLanguageSwitcher(locales: readonly string[], current: string, choose: (locale: string) => void) {
  if (locales.length < 2) return nothing;
  return html`
    <div class="switcher" part="language-switcher" role="group" aria-label=${msg('Language')}>
      ${locales.map(
        (locale) => html`<button
          type="button"
          lang=${locale}
          aria-pressed=${locale === current ? 'true' : 'false'}
          @click=${() => choose(locale)}
        >
          ${languageName(locale)}
        </button>`,
      )}
    </div>
  `;
}

/**
 * The browser's preferred language, offered in that language: the reader may not read the
 * current one. The language is named as the sentence's language writes it ("Leer esto en español").
 */
export function renderLanguageOffer(offer: string | undefined, choose: (locale: string) => void) {
  if (!offer) return nothing;
  return inLocale(offer, () => html`
    <p part="offer" class="offer" lang=${offer}>
      <button type="button" class="link" @click=${() => choose(offer)}>${msg(str`Read this in ${languageNameIn(offer, interfaceLocaleFor(offer))}`)}</button>
    </p>
  `);
}
