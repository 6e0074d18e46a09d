import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {inLocale, interfaceLocaleFor} from '../i18n/localization.js';
import {languageName, languageNameIn} from '../i18n/language-name.js';

/**
 * The offer of the browser's language and the switcher, in one row: on a phone, a row of its
 * own for each would push the list down by a line. `prepare` is told of a language the reader
 * points at or focuses, before they choose it.
 */
export function renderLanguages(offer: string | undefined, locales: readonly string[], current: string, choose: Choose, prepare: Choose) {
  if (!offer && locales.length < 2) return nothing;
  return html`<div class="languages">${renderLanguageOffer(offer, choose, prepare)} ${renderLanguageSwitcher(locales, current, choose, prepare)}</div>`;
}

type Choose = (locale: string) => void;

/** One button per language, each named in its own language, the current one pressed. */
function renderLanguageSwitcher(locales: readonly string[], current: string, choose: Choose, prepare: Choose) {
  if (locales.length < 2) return nothing;
  return html`
    <div class="switcher" part="language-switcher" role="group" aria-label=${msg('Language')}>
      ${locales.map(
        (locale) => html`<button
          type="button"
          lang=${locale}
          aria-pressed=${locale === current ? 'true' : 'false'}
          @pointerenter=${() => prepare(locale)}
          @focus=${() => prepare(locale)}
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
function renderLanguageOffer(offer: string | undefined, choose: Choose, prepare: Choose) {
  if (!offer) return nothing;
  return inLocale(offer, () => html`
    <p part="offer" class="offer" lang=${interfaceLocaleFor(offer)}>
      <button type="button" class="link" @pointerenter=${() => prepare(offer)} @focus=${() => prepare(offer)} @click=${() => choose(offer)}>${msg(str`Read this in ${languageNameIn(offer, interfaceLocaleFor(offer))}`)}</button>
    </p>
  `);
}
