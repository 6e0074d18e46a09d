import * as z from 'zod/mini';
import {textIn, type Campaign} from '../campaign/campaign-schema.js';
import {once} from '../once.js';

/** Someone the message is addressed to, in one language. */
export interface Recipient {
  name: string;
  email?: string;
}

const email = once(() => z.email());

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
    const match = /^([^<>]*?)\s*(?:<([^<>]*)>)?$/.exec(entry);
    const name = match?.[1]?.trim();
    const address = match?.[2]?.trim();
    if (!match || !name) throw new RecipientsError(`"${entry}" is not "Name" or "Name <email>"`);
    if (address !== undefined && !email().safeParse(address).success) {
      throw new RecipientsError(`"${address}" in "${entry}" is not an email address`);
    }
    return address ? {name, email: address} : {name};
  });
}

/** The campaign's own recipients, named in `locale`. */
export function campaignRecipients(campaign: Campaign, locale: string): Recipient[] {
  return (campaign.recipients ?? []).map(({name, email}) => {
    const resolved = textIn(name, locale, campaign.defaultLocale)?.text ?? '';
    return email ? {name: resolved, email} : {name: resolved};
  });
}
