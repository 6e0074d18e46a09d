import {createHash, randomBytes, randomUUID} from 'node:crypto';
import {matchLocale} from '../../src/i18n/resolve-locale.js';
import type {CampaignConfig} from '../config/config-schema.js';
import type {LoadedConfig} from '../config/load-config.js';
import type {Db, Tx} from '../db/database.js';
import type {EmailsTable} from '../db/tables.js';

const HOUR_MS = 3_600_000;
export const CONFIRM_EXPIRES_MS = 7 * 24 * HOUR_MS;
export const REMIND_AFTER_MS = 24 * HOUR_MS;

/** The domain of the organization's sending address: Message-IDs are made under it. */
export function messageDomain(config: LoadedConfig): string {
  return config.sender?.address.split('@')[1] ?? 'civic-action.invalid';
}

/**
 * A Message-ID that depends only on what the email is: the same submission to the same official
 * always gets the same one, so a resend after an ambiguous failure can be dropped as a repeat by
 * the office's mail system.
 */
export function stableMessageId(config: LoadedConfig, ...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
  return `<${hash}@${messageDomain(config)}>`;
}

/**
 * An official's name as the widget would show it in `locale`: in that language (`es-MX` finds
 * `es`), else in `fallback` (the campaign's default), else the first one given.
 */
export function officialName(recipient: CampaignConfig['recipients'][number], locale: string, fallback = 'en'): string {
  if (typeof recipient.name === 'string') return recipient.name;
  const names = recipient.name;
  return names[matchLocale(locale, Object.keys(names)) ?? fallback] ?? names[fallback] ?? Object.values(names)[0]!;
}

export function newEmail(
  config: LoadedConfig,
  now: Date,
  email: Pick<EmailsTable, 'kind' | 'campaign_id' | 'submission_id' | 'to_address' | 'message_id'>,
): EmailsTable {
  const at = now.toISOString();
  return {
    id: randomUUID(),
    ...email,
    status: 'queued',
    attempts: 0,
    next_attempt_at: at,
    lease_until: null,
    lease_owner: null,
    last_error: null,
    give_up_at: new Date(now.getTime() + config.delivery.retryForHours * HOUR_MS).toISOString(),
    created_at: at,
    sent_at: null,
    sending_at: null,
  };
}

/** In individual mode, one email per ready delivery of a submission; digests pick theirs up later. */
export async function carryReadyDeliveries(tx: Tx, config: LoadedConfig, campaign: CampaignConfig, submissionId: string, now: Date): Promise<void> {
  if (campaign.delivery.mode !== 'individual') return;
  const ready = await tx.selectFrom('deliveries').selectAll().where('submission_id', '=', submissionId).where('state', '=', 'ready').execute();
  for (const delivery of ready) {
    const email = newEmail(config, now, {
      kind: 'individual',
      campaign_id: campaign.id,
      submission_id: submissionId,
      to_address: delivery.official_email,
      message_id: stableMessageId(config, 'individual', submissionId, delivery.official_email),
    });
    await tx.insertInto('emails').values(email).execute();
    await tx
      .updateTable('deliveries')
      .set({state: 'carried', email_id: email.id})
      .where('submission_id', '=', submissionId)
      .where('official_email', '=', delivery.official_email)
      .execute();
  }
}

/**
 * What an accepted submission becomes, in the transaction that stores or accepts it: one
 * delivery per official of its campaign, and either their emails, or a confirmation email to
 * the supporter first. Returns whether the supporter must confirm.
 */
export async function planDeliveries(
  tx: Tx,
  config: LoadedConfig,
  campaign: CampaignConfig,
  submission: {id: string; locale: string; supporterEmail: string | null},
  now: Date,
): Promise<{confirm: boolean}> {
  const confirm = campaign.delivery.confirm && submission.supporterEmail !== null;
  const at = now.toISOString();
  // One name per official for the organizer's reports and the (English) digests, which group
  // by it; an individual email names the official in its message's language (worker.ts).
  const officials = campaign.recipients.map((recipient) => ({address: recipient.email.toLowerCase(), name: officialName(recipient, 'en')}));
  // The common case (one email per official, no confirmation) is two statements: the emails,
  // then the deliveries that they carry. Every submission pays for these.
  const emails =
    !confirm && campaign.delivery.mode === 'individual'
      ? officials.map((official) =>
          newEmail(config, now, {
            kind: 'individual',
            campaign_id: campaign.id,
            submission_id: submission.id,
            to_address: official.address,
            message_id: stableMessageId(config, 'individual', submission.id, official.address),
          }),
        )
      : [];
  if (emails.length) await tx.insertInto('emails').values(emails).execute();
  await tx
    .insertInto('deliveries')
    .values(
      officials.map((official, index) => ({
        submission_id: submission.id,
        official_email: official.address,
        official_name: official.name,
        campaign_id: campaign.id,
        state: confirm ? ('unconfirmed' as const) : emails.length ? ('carried' as const) : ('ready' as const),
        email_id: emails[index]?.id ?? null,
        created_at: at,
      })),
    )
    .execute();
  if (confirm) {
    await tx
      .insertInto('confirmations')
      .values({
        submission_id: submission.id,
        token: randomBytes(24).toString('base64url'),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + CONFIRM_EXPIRES_MS).toISOString(),
        reminded_at: null,
        confirmed_at: null,
      })
      .onConflict((oc) => oc.column('submission_id').doNothing())
      .execute();
    await tx
      .insertInto('emails')
      .values(
        newEmail(config, now, {
          kind: 'confirmation',
          campaign_id: campaign.id,
          submission_id: submission.id,
          to_address: submission.supporterEmail!,
          message_id: stableMessageId(config, 'confirmation', submission.id),
        }),
      )
      .onConflict((oc) => oc.column('message_id').doNothing())
      .execute();
  }
  return {confirm};
}

/**
 * What a link would do, changing nothing: mail scanners and previews fetch links, so opening one
 * (GET or HEAD) must not count as the supporter's yes.
 */
export async function confirmationState(
  db: Db | Tx,
  token: string,
  now: Date,
): Promise<{outcome: 'pending' | 'already' | 'expired' | 'unknown'; locale?: string}> {
  const found = await db
    .selectFrom('confirmations')
    .innerJoin('submissions', 'submissions.id', 'confirmations.submission_id')
    .select(['confirmations.expires_at', 'confirmations.confirmed_at', 'submissions.locale'])
    .where('confirmations.token', '=', token)
    .executeTakeFirst();
  if (!found) return {outcome: 'unknown'};
  if (found.confirmed_at) return {outcome: 'already', locale: found.locale};
  if (found.expires_at <= now.toISOString()) return {outcome: 'expired', locale: found.locale};
  return {outcome: 'pending', locale: found.locale};
}

/** A supporter's press of the button on their link's page: their deliveries become ready and, in individual mode, are sent. */
export async function confirmSubmission(
  tx: Tx,
  config: LoadedConfig,
  campaigns: Map<string, CampaignConfig>,
  token: string,
  now: Date,
): Promise<{outcome: 'confirmed' | 'already' | 'expired' | 'unknown'; locale?: string}> {
  const found = await tx
    .selectFrom('confirmations')
    .innerJoin('submissions', 'submissions.id', 'confirmations.submission_id')
    .select(['confirmations.submission_id', 'confirmations.expires_at', 'confirmations.confirmed_at', 'submissions.locale', 'submissions.campaign_id'])
    .where('confirmations.token', '=', token)
    .executeTakeFirst();
  if (!found) return {outcome: 'unknown'};
  if (found.confirmed_at) return {outcome: 'already', locale: found.locale};
  if (found.expires_at <= now.toISOString()) return {outcome: 'expired', locale: found.locale};
  await tx.updateTable('confirmations').set({confirmed_at: now.toISOString()}).where('submission_id', '=', found.submission_id).execute();
  await tx.updateTable('deliveries').set({state: 'ready'}).where('submission_id', '=', found.submission_id).where('state', '=', 'unconfirmed').execute();
  const campaign = campaigns.get(found.campaign_id);
  if (campaign) await carryReadyDeliveries(tx, config, campaign, found.submission_id, now);
  return {outcome: 'confirmed', locale: found.locale};
}

/** Which submissions lose their personal data: one supporter's, or those older than a cutoff. */
export type Removal = {email: string} | {before: string};

/** What a removed supporter's emails keep of a failure: the server's answer may have named them. */
export const REMOVED_ERROR = 'removed with the supporter’s personal data';

/**
 * Erasure and retention reach what is still waiting: nothing more is sent for those submissions.
 * They reach the email queue too: a confirmation or reminder was addressed to the supporter, and
 * a mail server's answer kept as `last_error` may quote that address.
 */
export async function withdrawPending(tx: Tx, removal: Removal): Promise<void> {
  const ids = () => {
    const query = tx.selectFrom('submissions').select('id').where('personal_removed_at', 'is', null);
    return 'email' in removal ? query.where('supporter_email', '=', removal.email) : query.where('received_at', '<', removal.before);
  };
  await tx
    .updateTable('emails')
    .set({status: 'failed', last_error: 'withdrawn: the supporter’s personal data were removed', lease_until: null})
    .where('submission_id', 'in', ids())
    .where('status', 'in', ['queued', 'retrying'])
    .execute();
  await tx.updateTable('deliveries').set({state: 'expired'}).where('submission_id', 'in', ids()).where('state', 'in', ['unconfirmed', 'ready']).execute();
  await tx.deleteFrom('confirmations').where('submission_id', 'in', ids()).execute();
  await tx
    .updateTable('emails')
    .set({to_address: ''})
    .where('submission_id', 'in', ids())
    .where('kind', 'in', ['confirmation', 'reminder'])
    .execute();
  await tx
    .updateTable('emails')
    .set({last_error: REMOVED_ERROR})
    .where('submission_id', 'in', ids())
    .where('last_error', 'is not', null)
    .where('last_error', 'not like', 'withdrawn:%')
    .execute();
}
