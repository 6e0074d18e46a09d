import {msg, str} from '@lit/localize';
import {inLocale, interfaceLocaleFor} from '../i18n/localization.js';
import type {Campaign} from '../campaign/campaign-schema.js';
import {textIn} from '../campaign/campaign-text.js';
import {listFormat} from '../i18n/intl.js';
import type {Recipient} from './recipients.js';

/**
 * The thank-you's sentence that says where the message went, in the reader's language: "Your
 * message is on its way to Vice President Kamala Harris." / "Su mensaje va en camino a la
 * vicepresidenta Kamala Harris." The names come straight after the preposition, in their form
 * inside a sentence (a colon between a preposition and what it governs is a mistake in both
 * languages), so each recipient brings the article Spanish needs there. '' without recipients.
 */
export function onItsWayText(to: readonly Recipient[], locale: string): string {
  if (to.length === 0) return '';
  const sentenceLocale = interfaceLocaleFor(locale);
  const names = namesInSentence(to, sentenceLocale);
  return inLocale(sentenceLocale, () => contractArticles(msg(str`Your message is on its way to ${names}.`), sentenceLocale));
}

/** The campaign's own recipients, named in `locale`. */
export function campaignRecipients(campaign: Campaign, locale: string): Recipient[] {
  return (campaign.recipients ?? []).map(({name, inSentence, email}) => {
    const resolved = textIn(name, locale, campaign.defaultLocale);
    // Only in the language the name is in: a sentence form from another language would put,
    // say, a Spanish article into a French sentence, where the plain name is right.
    return {name: resolved?.text ?? '', inSentence: resolved && inSentence?.[resolved.lang], email};
  });
}

/**
 * The recipients as a sentence names them after a preposition, joined as the language joins a
 * list: "Vice President Kamala Harris and Bo Li", "la vicepresidenta Kamala Harris y Bo Li".
 */
export function namesInSentence(recipients: readonly Recipient[], locale: string): string {
  return listFormat(locale).format(recipients.map((r) => r.inSentence ?? r.name));
}

/**
 * A sentence with Spanish's contractions made: "a el" and "de el" are written "al" and "del"
 * ("va en camino al senador Padilla"), which a sentence cannot write itself when the article
 * comes from a recipient's name. A capital "El" is part of a name ("a El Salvador") and stays.
 */
export function contractArticles(sentence: string, locale: string): string {
  if (locale.toLowerCase().split('-')[0] !== 'es') return sentence;
  return sentence.replace(/(^|\s)([Aa]|[Dd]e) el(?=\s)/g, '$1$2l');
}
