import type {SendMailOptions} from 'nodemailer';
import type {CampaignConfig} from '../config/config-schema.js';
import type {LoadedConfig} from '../config/load-config.js';
import {csvRow} from '../http/csv.js';

/** What composing an email needs from a stored submission. */
export interface SubmissionForEmail {
  id: string;
  locale: string;
  message_locale: string;
  supporter_name: string | null;
  supporter_email: string | null;
  supporter_postal_code: string | null;
  message_subject: string | null;
  message_body: string | null;
  submitted_at: string;
  recommendations: string[];
}

export class CannotCompose extends Error {}

/**
 * `"Ana Pérez via Casa Comunitaria" <actions@casa.example>`: the organization's own address in
 * From passes DMARC (a supporter's Gmail address there would be rejected by strict receivers),
 * and the supporter's name still tells the office who wrote.
 */
function from(config: LoadedConfig, supporterName: string | null) {
  const sender = config.sender!;
  return {name: supporterName ? `${supporterName} via ${sender.name}` : sender.name, address: sender.address};
}

/** One supporter's message to one official, as the supporter approved it. */
export function individualEmail(
  config: LoadedConfig,
  campaign: CampaignConfig,
  official: {name: string; address: string},
  submission: SubmissionForEmail,
  messageId: string,
): SendMailOptions {
  if (!submission.message_body || !submission.message_subject) throw new CannotCompose('the message was erased');
  return {
    from: from(config, submission.supporter_name),
    ...(submission.supporter_email ? {replyTo: {name: submission.supporter_name ?? '', address: submission.supporter_email}} : {}),
    to: official,
    subject: submission.message_subject,
    text: submission.message_body,
    messageId,
    date: new Date(submission.submitted_at),
    headers: {
      ...(campaign.delivery.listUnsubscribe ? {'List-Unsubscribe': `<${campaign.delivery.listUnsubscribe}>`} : {}),
      'Content-Language': submission.message_locale,
      'X-Civic-Action-Campaign': campaign.id,
    },
  };
}

/**
 * One email per official per period: counts per recommendation, a few messages in full, and
 * every constituent in a CSV. Offices' filters drop floods of near-identical mail; one digest
 * is read.
 */
export function digestEmail(
  config: LoadedConfig,
  campaign: CampaignConfig,
  official: {name: string; address: string},
  submissions: SubmissionForEmail[],
  messageId: string,
): SendMailOptions {
  const counts = new Map<string, number>();
  for (const s of submissions) for (const id of s.recommendations) counts.set(id, (counts.get(id) ?? 0) + 1);
  const first = submissions.map((s) => s.submitted_at).sort()[0] ?? '';
  const last = submissions.map((s) => s.submitted_at).sort().at(-1) ?? '';
  const withText = submissions.filter((s) => s.message_body);
  const sample = withText.slice(0, campaign.delivery.digestSample);
  const lines = [
    `Dear ${official.name},`,
    '',
    `${submissions.length} ${submissions.length === 1 ? 'person' : 'people'} wrote to you through ${config.sender!.name} about "${campaign.id}" between ${first.slice(0, 10)} and ${last.slice(0, 10)}.`,
    '',
    'The recommendations they backed:',
    ...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id, n]) => `  ${n}  ${id}`),
    '',
    sample.length ? `${sample.length} of their messages, in full:` : '',
    ...sample.flatMap((s, index) => [
      '',
      `--- ${index + 1}. ${s.supporter_name ?? 'A constituent'}${s.supporter_postal_code ? `, ${s.supporter_postal_code}` : ''} (${s.message_locale}) ---`,
      `Subject: ${s.message_subject ?? ''}`,
      '',
      s.message_body ?? '',
    ]),
    '',
    'Every constituent is listed in the attached CSV file.',
    '',
    `${config.sender!.name}`,
  ];
  const csv =
    `\uFEFF${csvRow(['name', 'email', 'postal_code', 'recommendations', 'language', 'submitted_at'])}` +
    submissions.map((s) => csvRow([s.supporter_name, s.supporter_email, s.supporter_postal_code, s.recommendations.join(' '), s.message_locale, s.submitted_at])).join('');
  return {
    from: from(config, null),
    to: official,
    subject: `${submissions.length} constituent ${submissions.length === 1 ? 'message' : 'messages'}: ${campaign.id}`,
    text: lines.join('\n'),
    messageId,
    attachments: [{filename: `${campaign.id}-constituents.csv`, content: csv, contentType: 'text/csv; charset=utf-8'}],
    headers: {
      ...(campaign.delivery.listUnsubscribe ? {'List-Unsubscribe': `<${campaign.delivery.listUnsubscribe}>`} : {}),
      'X-Civic-Action-Campaign': campaign.id,
    },
  };
}

const CONFIRM_TEXTS = {
  en: {
    subject: (reminder: boolean) => (reminder ? 'Reminder: confirm your message' : 'Confirm your message'),
    body: (link: string, officials: string, reminder: boolean) =>
      [
        reminder ? 'Your message has not been sent yet.' : 'Thank you for speaking up.',
        '',
        'To send your message, open this link and press the button on the page:',
        link,
        '',
        `It goes to: ${officials}.`,
        '',
        'The link works for 7 days. If you did not write this message, do nothing: it will not be sent.',
      ].join('\n'),
  },
  es: {
    subject: (reminder: boolean) => (reminder ? 'Recordatorio: confirme su mensaje' : 'Confirme su mensaje'),
    body: (link: string, officials: string, reminder: boolean) =>
      [
        reminder ? 'Su mensaje todavía no se ha enviado.' : 'Gracias por hacerse oír.',
        '',
        'Para enviar su mensaje, abra este enlace y pulse el botón de la página:',
        link,
        '',
        `Va dirigido a: ${officials}.`,
        '',
        'El enlace sirve durante 7 días. Si usted no escribió este mensaje, no haga nada: no se enviará.',
      ].join('\n'),
  },
} as const;

export function confirmationTexts(locale: string) {
  return locale.split('-')[0] === 'es' ? CONFIRM_TEXTS.es : CONFIRM_TEXTS.en;
}

/** The supporter's confirmation (or its one reminder), in the language they read the widget in. */
export function confirmationEmail(
  config: LoadedConfig,
  campaign: CampaignConfig,
  submission: SubmissionForEmail,
  token: string,
  messageId: string,
  reminder: boolean,
): SendMailOptions {
  if (!submission.supporter_email) throw new CannotCompose('the supporter’s address was erased');
  const texts = confirmationTexts(submission.locale);
  // Joined as the language joins a list ("A y B"): a name may itself hold a comma
  // ("Kamala Harris, vicepresidenta de Estados Unidos"), so commas alone would blur who is who.
  const names = campaign.recipients.map((r) => (typeof r.name === 'string' ? r.name : (r.name[submission.locale] ?? Object.values(r.name)[0]!)));
  const officials = new Intl.ListFormat(submission.locale.split('-')[0] === 'es' ? 'es' : 'en', {type: 'conjunction'}).format(names);
  const link = new URL(`confirm/${token}`, config.publicUrl!.endsWith('/') ? config.publicUrl : `${config.publicUrl}/`).href;
  return {
    from: {name: config.sender!.name, address: config.sender!.address},
    to: {name: submission.supporter_name ?? '', address: submission.supporter_email},
    subject: texts.subject(reminder),
    text: texts.body(link, officials, reminder),
    messageId,
    headers: {'Content-Language': submission.locale, 'Auto-Submitted': 'auto-generated'},
  };
}
