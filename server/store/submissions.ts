import {createHash} from 'node:crypto';
import type {SubmissionData} from '../../src/schema.js';
import {withdrawPending} from '../delivery/plan.js';
import type {Tx} from '../db/database.js';
import type {SubmissionsTable} from '../db/tables.js';

/** What storing one submission came to. */
export type StoreOutcome =
  | {kind: 'stored'; status: SubmissionsTable['status']}
  /** The same id with the same body: a retry of something already stored. Nothing new is written. */
  | {kind: 'duplicate'}
  /** The same id with another body. */
  | {kind: 'conflict'};

/** JSON with keys in a fixed order, so that one submission hashes the same however it was encoded. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function bodyHash(submission: SubmissionData): string {
  return createHash('sha256').update(canonical(submission)).digest('base64url');
}

function row(submission: SubmissionData, now: Date, hash: string, reviewReason: string | undefined): SubmissionsTable {
  const receivedAt = now.toISOString();
  return {
    id: submission.id,
    campaign_id: submission.campaign,
    received_at: receivedAt,
    day: receivedAt.slice(0, 10),
    status: reviewReason ? 'held' : 'accepted',
    review_reason: reviewReason ?? null,
    body_hash: hash,
    locale: submission.locale,
    message_locale: submission.message.locale,
    ref: submission.source.ref ?? null,
    utm: submission.source.utm ? JSON.stringify(submission.source.utm) : null,
    submitted_at: submission.submittedAt,
    consent: submission.consent ? 1 : 0,
    supporter_name: submission.supporter.name ?? null,
    supporter_email: submission.supporter.email?.toLowerCase() ?? null,
    supporter_postal_code: submission.supporter.postalCode ?? null,
    message_to: JSON.stringify(submission.message.to),
    message_subject: submission.message.subject,
    message_body: submission.message.body,
    source_url: submission.source.url,
    referrer: submission.source.referrer ?? null,
    personal_removed_at: null,
    personal_removed_why: null,
  };
}

async function existing(tx: Tx, id: string, hash: string): Promise<StoreOutcome | undefined> {
  const found = await tx.selectFrom('submissions').select(['body_hash', 'personal_removed_at']).where('id', '=', id).executeTakeFirst();
  if (!found) return undefined;
  // After erasure the stored hash no longer stands for a body anyone kept: a late retry is
  // answered as the retry it most likely is, and stores nothing.
  return found.body_hash === hash || found.personal_removed_at ? {kind: 'duplicate'} : {kind: 'conflict'};
}

/**
 * Stores a submission once. The primary key decides between concurrent copies of one id, in
 * this process or another: the loser's insert does nothing, and it then answers as a retry.
 */
export async function storeSubmission(tx: Tx, submission: SubmissionData, now: Date, reviewReason?: string): Promise<StoreOutcome> {
  const hash = bodyHash(submission);
  const inserted = await tx
    .insertInto('submissions')
    .values(row(submission, now, hash, reviewReason))
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return (await existing(tx, submission.id, hash)) ?? {kind: 'conflict'};
  await tx
    .insertInto('submission_picks')
    .values([...new Set(submission.recommendations)].map((id) => ({submission_id: submission.id, campaign_id: submission.campaign, recommendation_id: id})))
    .execute();
  return {kind: 'stored', status: reviewReason ? 'held' : 'accepted'};
}

const PERSONAL = {
  supporter_name: null,
  supporter_email: null,
  supporter_postal_code: null,
  message_to: null,
  message_subject: null,
  message_body: null,
  source_url: null,
  referrer: null,
} as const;

/** Clears a supporter's personal data from every submission of theirs; the counts stay. */
export async function eraseSupporter(tx: Tx, email: string, now: Date): Promise<number> {
  await withdrawPending(tx, {email: email.trim().toLowerCase()});
  const result = await tx
    .updateTable('submissions')
    .set({...PERSONAL, personal_removed_at: now.toISOString(), personal_removed_why: 'erased'})
    .where('supporter_email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Clears personal data older than the retention period. */
export async function scrubOlderThan(tx: Tx, cutoff: Date, now: Date): Promise<number> {
  await withdrawPending(tx, {before: cutoff.toISOString()});
  const result = await tx
    .updateTable('submissions')
    .set({...PERSONAL, personal_removed_at: now.toISOString(), personal_removed_why: 'retention'})
    .where('received_at', '<', cutoff.toISOString())
    .where('personal_removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
