import type {Campaign} from '../campaign/campaign-schema.js';
import {languageArrivals} from '../i18n/localization.js';
import {composeMessage, type ComposedMessage} from './compose-message.js';
import type {Recipient} from './recipients.js';

/** What a message is made from: the campaign, the picks, and the organizer's recipients and subject. */
export interface MessageSources {
  campaign: Campaign;
  picks: ReadonlySet<string>;
  recipients: readonly Recipient[] | null;
  subject: string | null;
}

/**
 * The message composed from the picks, per language. A render asks for it up to three times
 * (preview, email link, thank-you), and every keystroke renders, so the last one per language
 * is kept until what it is made from changes, or a language's strings or texts arrive
 * (`languageArrivals`: one composed without them holds English in their place).
 */
export class Composer {
  private readonly kept = new Map<string, {sources: MessageSources; arrivals: number; message: ComposedMessage}>();

  compose(locale: string, sources: MessageSources): ComposedMessage {
    const kept = this.kept.get(locale);
    if (kept && kept.arrivals === languageArrivals() && (Object.keys(sources) as Array<keyof MessageSources>).every((key) => kept.sources[key] === sources[key])) return kept.message;
    const {campaign, picks, recipients, subject} = sources;
    const composed = composeMessage({campaign, locale, picks, recipients});
    const message = subject ? {...composed, subject} : composed;
    this.kept.set(locale, {sources, arrivals: languageArrivals(), message});
    return message;
  }
}
