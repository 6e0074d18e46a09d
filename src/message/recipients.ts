import {ONE_LINE} from '../one-line.js';
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
