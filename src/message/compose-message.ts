import {msg, str} from '@lit/localize';
import type {Campaign} from '../campaign/campaign-schema.js';
import {inCampaignOrder, textIn} from '../campaign/campaign-text.js';
import {inLocale, interfaceLocaleFor} from '../i18n/localization.js';
import {campaignRecipients, contractArticles, namesInSentence} from './recipient-sentences.js';
import type {Recipient} from './recipients.js';

/**
 * The message to officials, composed from a campaign and a supporter's picks.
 *
 * The body is plain text, one paragraph a line, with each picked recommendation on a
 * line of its own. That shape is what lets a supporter's edits and later picks live
 * together (see `reconcileEditedBody`).
 */
export interface ComposeInput {
  campaign: Campaign;
  /** The message's language. */
  locale: string;
  /** Picked recommendation ids, in any order. */
  picks: ReadonlySet<string>;
  /** Recipients set by the organizer; when absent, the campaign's own. */
  recipients?: readonly Recipient[] | null;
}

export interface ComposedMessage {
  to: Recipient[];
  subject: string;
  /** Greeting, lead, picks and closing: the part the supporter edits. */
  body: string;
  /** "Sincerely," in the message's language: the signature goes under it. */
  signOff: string;
  /** The campaign's signature for a supporter who gives no name, in the message's language (see `signerOf`). */
  unnamedSignature?: string;
}

const BULLET = '• ';

/** The line a picked recommendation takes in the body. */
export function recommendationLine(campaign: Campaign, id: string, locale: string): string | undefined {
  const recommendation = campaign.recommendations.find((r) => r.id === id);
  const text = recommendation && textIn(recommendation.text, locale, campaign.defaultLocale);
  return text && BULLET + text.text;
}

/** The line that introduces the picked recommendations. */
function leadLine(campaign: Campaign, locale: string): string {
  return (
    textIn(campaign.message?.lead, locale, campaign.defaultLocale)?.text ??
    inLocale(locale, () => msg('I support these recommendations:'))
  );
}

export function composeMessage({campaign, locale, picks, recipients}: ComposeInput): ComposedMessage {
  const text = (value: Parameters<typeof textIn>[0]) => textIn(value, locale, campaign.defaultLocale)?.text;
  const to = recipients ? [...recipients] : campaignRecipients(campaign, locale);
  return inLocale(locale, () => {
    // The greeting's own language joins the list ("and" in an English greeting of a French message).
    const sentenceLocale = interfaceLocaleFor(locale);
    const names = namesInSentence(to, sentenceLocale);
    // The campaign's own greeting names its own recipients; an organizer who sets other
    // recipients gets a greeting that names those, in their form inside a sentence ("A la
    // atención de la vicepresidenta Kamala Harris:").
    const greeting =
      (!recipients && text(campaign.message?.greeting)) ||
      (to.length ? contractArticles(msg(str`Dear ${names},`, {id: 'message-greeting'}), sentenceLocale) : msg('To whom it may concern,'));
    const lead = leadLine(campaign, locale);
    const lines = inCampaignOrder(campaign, picks).map((id) => recommendationLine(campaign, id, locale) ?? '');
    const closing = text(campaign.closing);
    const unnamedSignature = text(campaign.message?.unnamedSignature);
    // The lead ends in a colon that promises a list: it comes with the first pick, not before.
    const paragraphs = [greeting, lines.length ? [lead, ...lines].join('\n') : '', closing].filter(Boolean);
    return {
      to,
      subject: text(campaign.message?.subject) ?? text(campaign.title) ?? '',
      body: paragraphs.join('\n\n'),
      signOff: text(campaign.message?.signOff) ?? msg('Sincerely,'),
      unnamedSignature,
    };
  });
}

/** Who signs a message, under its sign-off. */
export interface Signer {
  /**
   * The line under the sign-off, as it is sent: the supporter's name where the form asks for
   * it, else the campaign's `unnamedSignature`, else nothing ('').
   */
  text: string;
  /**
   * The form asks for the name and none is typed yet: a preview shows "(your name)" there, to
   * say where the name goes. Never when the name is not asked: there is nowhere to type it.
   */
  awaitingName: boolean;
}

/**
 * The signature of a message. A name the form does not ask for is not used, even when one is
 * stored from an earlier visit: the reader could neither see nor change it.
 */
export function signerOf(composed: Pick<ComposedMessage, 'unnamedSignature'>, name: string, nameAsked: boolean): Signer {
  const typed = nameAsked ? name.trim() : '';
  return {text: typed || composed.unnamedSignature || '', awaitingName: nameAsked && !typed};
}

/** The message as it is sent: the body, then the sign-off and the signature (see `signerOf`). */
export function signedBody(body: string, signOff: string, signature: string): string {
  return `${body.trimEnd()}\n\n${signOff}\n${signature.trim()}`.trimEnd();
}

export interface ReconcileInput {
  campaign: Campaign;
  locale: string;
  /** The body as the supporter left it. */
  edited: string;
  before: ReadonlySet<string>;
  after: ReadonlySet<string>;
}

export interface Reconciled {
  body: string;
  /** Unpicked recommendations whose line the supporter had edited: left in place, for them to decide. */
  keptEdited: string[];
}

/**
 * Applies a change of picks to a body the supporter has edited, without discarding the edit.
 *
 * A recommendation that is unpicked loses its line only when that line is still exactly as
 * composed; a line the supporter changed stays, and is reported so the view can say so.
 * A newly picked recommendation gets its line next to its neighbours in campaign order
 * (after the nearest earlier pick still in the body, else before the nearest later one, else
 * after the lead, else with the lead, as its own paragraph before the closing or at the end).
 * The lead leaves with the last pick, if it is still exactly as composed. Everything else the
 * supporter wrote stays as written.
 */
export function reconcileEditedBody({campaign, locale, edited, before, after}: ReconcileInput): Reconciled {
  const lines = edited.split('\n');
  const keptEdited: string[] = [];
  const lineOf = (id: string) => recommendationLine(campaign, id, locale);

  for (const id of before) {
    if (after.has(id)) continue;
    const at = lines.indexOf(lineOf(id) ?? '\0');
    if (at >= 0) lines.splice(at, 1);
    else keptEdited.push(id);
  }

  const order = campaign.recommendations.map((r) => r.id);
  const lead = leadLine(campaign, locale);
  if (after.size === 0 && before.size > 0 && keptEdited.length === 0) removeLead(lines, lead);
  for (const id of inCampaignOrder(campaign, after)) {
    const line = lineOf(id);
    if (before.has(id) || line === undefined || lines.includes(line)) continue;
    const position = order.indexOf(id);
    const present = (other: string) => {
      const l = lineOf(other);
      return l === undefined ? -1 : lines.indexOf(l);
    };
    const earlier = order.slice(0, position).reverse().map(present).find((i) => i >= 0);
    const later = order.slice(position + 1).map(present).find((i) => i >= 0);
    const leadAt = lines.indexOf(lead);
    if (earlier === undefined && later === undefined && leadAt < 0) {
      addLeadWith(lines, lead, line, textIn(campaign.closing, locale, campaign.defaultLocale)?.text);
      continue;
    }
    const at = earlier !== undefined ? earlier + 1 : later ?? leadAt + 1;
    lines.splice(at, 0, line);
  }
  return {body: lines.join('\n'), keptEdited};
}

/** The lead and a first pick's line, as a paragraph of their own before the closing (else at the end). */
function addLeadWith(lines: string[], lead: string, line: string, closing: string | undefined): void {
  const closingAt = closing ? lines.indexOf(closing) : -1;
  if (closingAt >= 0) lines.splice(closingAt, 0, lead, line, '');
  else lines.push(...(lines.length && lines.at(-1) !== '' ? [''] : []), lead, line);
}

/** Takes out the lead, with the blank line that parted it from the paragraph before. */
function removeLead(lines: string[], lead: string): void {
  const at = lines.indexOf(lead);
  if (at < 0) return;
  lines.splice(at > 0 && lines[at - 1] === '' ? at - 1 : at, at > 0 && lines[at - 1] === '' ? 2 : 1);
}
