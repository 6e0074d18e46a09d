import {msg, str} from '@lit/localize';
import {inLocale, interfaceLocaleFor} from '../i18n/localization.js';
import {contractArticles, namesInSentence, type Recipient} from './recipients.js';

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
