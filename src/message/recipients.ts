import type {Campaign} from '../campaign/campaign-schema.js';
import {textIn} from '../campaign/campaign-text.js';
import {ONE_LINE} from '../one-line.js';
import {listFormat} from '../i18n/intl.js';
import {EMAIL} from '../email.js';

/** Someone the message is addressed to, in one language. */
export interface Recipient {
  /** As a label or a list gives it ("To: …"), and as the submission's `message.to` carries it. */
  name: string;
  /** Inside a sentence, after a preposition, with the article the language needs there; else `name` serves. */
  inSentence?: string;
  email?: string;
}

// zod's own rule for addresses (what `z.email()` checks), without loading zod to apply it.
const email = EMAIL;

/** Why one entry of a `recipients` attribute could not be read. */
export class RecipientsError extends Error {}

/**
 * Reads a `recipients` attribute: comma-separated entries, each `Name <email>` or `Name`.
 * Throws a `RecipientsError` naming the first entry it cannot read, so that the organizer
 * is told exactly what to fix rather than getting a partial list.
 */
export function parseRecipients(value: string): Recipient[] {
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry === '')) throw new RecipientsError('it lists no recipient');
  return entries.map((entry) => {
    // Sliced, not matched: the regular expression this replaces backtracked over runs of spaces
    // in quadratic time, which a long attribute turned into seconds.
    const open = entry.indexOf('<');
    const bracketed = open !== -1 && entry.endsWith('>');
    const name = (bracketed ? entry.slice(0, open) : entry).trim();
    const address = bracketed ? entry.slice(open + 1, -1).trim() : undefined;
    if (!name || /[<>]/.test(name) || /[<>]/.test(address ?? '')) throw new RecipientsError(`"${entry}" is not "Name" or "Name <email>"`);
    if (!ONE_LINE.test(name)) throw new RecipientsError(`"${name}" has a line break or another control character in it`);
    if (address !== undefined && !email.test(address)) {
      throw new RecipientsError(`"${address}" in "${entry}" is not an email address`);
    }
    return address ? {name, email: address} : {name};
  });
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
