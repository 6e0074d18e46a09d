import type {Generated} from 'kysely';

/**
 * The receiver's tables. Times are ISO 8601 strings in UTC (`2026-11-28T03:10:58.000Z`): they
 * sort as text and read the same on SQLite and PostgreSQL. Personal data sit in the
 * `supporter_*`, `message_*`, `source_url` and `referrer` columns of `submissions`, and in
 * `emails`: a confirmation's or reminder's `to_address` is the supporter's, and `last_error` may
 * quote a mail server's answer naming them. Erasure and retention clear both (see
 * `withdrawPending`); confirmations go with them.
 */
export interface SubmissionsTable {
  /** The submission's own id (the widget's UUID and `Idempotency-Key`): a retry cannot make a second row. */
  id: string;
  campaign_id: string;
  received_at: string;
  /** `received_at`'s UTC day, for the per-day counts. */
  day: string;
  /** `accepted`, or `held` for review when the spam signals say so; nothing is deleted for it. */
  status: 'accepted' | 'held';
  review_reason: string | null;
  /** sha256 of the submission as received, to tell a retry (same body) from a conflict (another body). */
  body_hash: string;
  locale: string;
  message_locale: string;
  ref: string | null;
  /** JSON of `source.utm`. */
  utm: string | null;
  submitted_at: string;
  consent: number;
  supporter_name: string | null;
  /** Lower-cased, so that erasure by address finds every row. */
  supporter_email: string | null;
  supporter_postal_code: string | null;
  /** JSON list of recipient names, as the supporter saw them. */
  message_to: string | null;
  message_subject: string | null;
  message_body: string | null;
  source_url: string | null;
  referrer: string | null;
  personal_removed_at: string | null;
  /** `erased` (asked for) or `retention` (too old). */
  personal_removed_why: string | null;
}

/** One row per picked recommendation: the counts that stay when personal data go. */
export interface SubmissionPicksTable {
  submission_id: string;
  campaign_id: string;
  recommendation_id: string;
}

/** Fixed-window counters, shared by every receiver process on one database. */
export interface RateLimitsTable {
  /** `ip:<hash>` or `email:<campaign>:<hash>`; never the address itself. */
  key: string;
  /** The window's number: seconds since 1970 divided by the window's length. */
  window: number;
  count: Generated<number>;
  /** When the window ends (ISO), for clean-up. */
  expires_at: string;
}

/**
 * One submission's message to one official. `state` is where it stands before an email
 * carries it: `unconfirmed` (waiting for the supporter's link), `ready` (waiting for an email:
 * in digest mode, the next digest), `expired` (never confirmed). Once an email carries it,
 * `email_id` says which, and that email's status is the delivery's.
 */
export interface DeliveriesTable {
  submission_id: string;
  official_email: string;
  official_name: string;
  campaign_id: string;
  state: 'unconfirmed' | 'ready' | 'expired' | 'carried';
  email_id: string | null;
  created_at: string;
}

/**
 * One email to send: the unit the worker claims, sends and retries. Its `message_id` is fixed
 * when the row is made, so every attempt, after any crash, carries the same one.
 */
export interface EmailsTable {
  id: string;
  kind: 'individual' | 'digest' | 'confirmation' | 'reminder';
  campaign_id: string;
  /** The submission it is about (individual, confirmation, reminder). */
  submission_id: string | null;
  to_address: string;
  message_id: string;
  status: 'queued' | 'retrying' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  /** Set while a worker sends it; another worker may take it only after this. */
  lease_until: string | null;
  lease_owner: string | null;
  last_error: string | null;
  give_up_at: string;
  created_at: string;
  sent_at: string | null;
  /**
   * When this attempt's SMTP transaction was allowed under the official's daily cap; cleared at
   * each claim. With a live lease it holds a place under the cap; a crashed worker's lapses with it.
   */
  sending_at: string | null;
}

export interface ConfirmationsTable {
  submission_id: string;
  token: string;
  created_at: string;
  expires_at: string;
  reminded_at: string | null;
  confirmed_at: string | null;
}

/** When each official last got a digest of each campaign. */
export interface DigestsTable {
  campaign_id: string;
  official_email: string;
  last_at: string;
}

export interface Tables {
  submissions: SubmissionsTable;
  submission_picks: SubmissionPicksTable;
  rate_limits: RateLimitsTable;
  deliveries: DeliveriesTable;
  emails: EmailsTable;
  confirmations: ConfirmationsTable;
  digests: DigestsTable;
}
