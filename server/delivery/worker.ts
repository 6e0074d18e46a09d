import {randomUUID} from 'node:crypto';
import {sql} from 'kysely';
import nodemailer, {type SendMailOptions, type Transporter} from 'nodemailer';
import type {CampaignConfig} from '../config/config-schema.js';
import type {LoadedConfig} from '../config/load-config.js';
import type {Database, Tx} from '../db/database.js';
import type {EmailsTable} from '../db/tables.js';
import {hashKey} from '../store/rate-limits.js';
import {CannotCompose, confirmationEmail, digestEmail, individualEmail, type SubmissionForEmail} from './compose.js';
import {REMIND_AFTER_MS, newEmail, officialName, stableMessageId} from './plan.js';

const HOUR_MS = 3_600_000;
/**
 * How many SMTP connections a worker's pool opens, and so how many emails it claims at a time:
 * an email claimed beyond them would wait in the pool's queue, composed, while its lease ran out
 * (another worker then sent it too) and while an erasure could not reach it.
 */
export const SMTP_CONNECTIONS = 4;

export interface WorkerOptions {
  config: LoadedConfig;
  database: Database;
  /** A nodemailer transport; by default one for `config.smtp`. */
  transport?: Transporter;
  log?: (line: string) => void;
  now?: () => Date;
  /** How often to look for due emails when nothing wakes the worker. */
  pollMs?: number;
  /** The first wait after a temporary failure; each next one doubles, up to six hours. */
  retryBaseMs?: number;
  /** Keep the process alive for the worker (a `--worker` process has no server that would). */
  holdProcess?: boolean;
}

export function smtpTransport(config: LoadedConfig): Transporter {
  const smtp = config.smtp!;
  const timeout = smtp.timeoutSeconds * 1000;
  return nodemailer.createTransport({
    url: smtp.url,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...(config.dkim ? {dkim: config.dkim} : {}),
  } as Parameters<typeof nodemailer.createTransport>[0]);
}

/** A 5xx answer is the server's final word; anything else (4xx, a timeout, a refused connection) may pass later. */
export function classifyFailure(error: unknown): {permanent: boolean; reason: string} {
  const e = error as {responseCode?: number; response?: string; code?: string; message?: string};
  const reason = (e.response ?? e.message ?? String(error)).slice(0, 500);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600) return {permanent: true, reason};
  return {permanent: false, reason: e.code && !reason.includes(e.code) ? `${e.code}: ${reason}` : reason};
}

/** The wait before attempt `attempts + 1`: doubling from `base`, at most six hours, with a little jitter. */
export function retryDelay(attempts: number, base: number, random: () => number = Math.random): number {
  return Math.min(6 * HOUR_MS, base * 2 ** Math.max(0, attempts - 1)) * (0.8 + 0.4 * random());
}

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
const startOfNextUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));

/**
 * Delivers what the receiver stored. Each email is claimed with a lease (on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so several workers never take the same one), taken again right before
 * it is sent (still ours and still wanted, the lease renewed for the attempt), sent, then marked
 * where it is still ours. A worker killed between the SMTP server's "250 OK" and the mark sends that email again when
 * the lease runs out, with the same Message-ID: at least once, never with a new identity.
 */
export class DeliveryWorker {
  readonly owner = randomUUID();
  private readonly transport: Transporter;
  private readonly log: (line: string) => void;
  private readonly now: () => Date;
  private readonly campaigns: Map<string, CampaignConfig>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly options: WorkerOptions) {
    this.transport = options.transport ?? smtpTransport(options.config);
    this.log = options.log ?? ((line) => console.log(line));
    this.now = options.now ?? (() => new Date());
    this.campaigns = new Map(options.config.campaigns.map((c) => [c.id, c]));
  }

  start(): void {
    this.schedule(0);
  }

  /** Looks for work now (after a submission was stored in this process). */
  wake(): void {
    if (!this.running) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running ??= this.tick()
        .catch((error: unknown) => {
          this.log(`delivery: ${String(error)}`);
          return 0;
        })
        .finally(() => {
          this.running = undefined;
        });
      void this.running.then((handled) => this.schedule(handled ? 0 : (this.options.pollMs ?? 1000)));
    }, ms);
    if (!this.options.holdProcess) this.timer.unref?.();
  }

  /** One round: housekeeping, then as many due emails as the pool sends at once. Returns how many emails it handled. */
  async tick(): Promise<number> {
    await this.housekeeping();
    const claimed = await this.claim(SMTP_CONNECTIONS);
    await Promise.all(claimed.map((email) => this.deliver(email)));
    return claimed.length;
  }

  /** Runs rounds until nothing is due (for tests and the command's --once). */
  async drain(): Promise<void> {
    while ((await this.tick()) > 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  private leaseEnd(now: Date): string {
    return new Date(now.getTime() + this.options.config.delivery.leaseSeconds * 1000).toISOString();
  }

  /**
   * An update of one email that only lands while this worker still holds it and it is still to
   * be sent: an erasure that withdrew it, or another worker that took it after our lease ran out,
   * wins over anything this worker would write.
   */
  private stillOurs(tx: Tx, id: string) {
    return tx.updateTable('emails').where('id', '=', id).where('lease_owner', '=', this.owner).where('status', 'in', ['queued', 'retrying']);
  }

  private async claim(limit: number): Promise<EmailsTable[]> {
    const now = this.now();
    const at = now.toISOString();
    const until = this.leaseEnd(now);
    const postgres = this.options.database.kind === 'postgres';
    return this.options.database.write((tx) =>
      tx
        .updateTable('emails')
        .set({lease_until: until, lease_owner: this.owner, attempts: sql`attempts + 1`, sending_at: null})
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('emails')
            .select('id')
            .where('status', 'in', ['queued', 'retrying'])
            .where('next_attempt_at', '<=', at)
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', at)]))
            .orderBy('next_attempt_at')
            .limit(limit)
            .$if(postgres, (q) => q.forUpdate().skipLocked()),
        )
        .returningAll()
        .execute(),
    );
  }

  private async deliver(email: EmailsTable): Promise<void> {
    const db = this.options.database;
    let message: SendMailOptions;
    try {
      message = await this.compose(email);
    } catch (error) {
      if (!(error instanceof CannotCompose)) throw error;
      await db.write((tx) => this.stillOurs(tx, email.id).set({status: 'failed', last_error: error.message, lease_until: null}).execute());
      return;
    }
    const go = await db.write((tx) => this.takeForSending(tx, email));
    if (go !== 'send') return;
    try {
      await this.transport.sendMail(message);
    } catch (error) {
      const {permanent, reason} = classifyFailure(error);
      const now = this.now();
      const giveUp = !permanent && now.toISOString() >= email.give_up_at;
      await db.write(async (tx) => {
        await this.stillOurs(tx, email.id)
          .set(
            permanent || giveUp
              ? {status: 'failed', last_error: giveUp ? `gave up after ${email.attempts} attempts: ${reason}` : reason, lease_until: null, sending_at: null}
              : {
                  status: 'retrying',
                  last_error: reason,
                  lease_until: null,
                  sending_at: null,
                  next_attempt_at: new Date(now.getTime() + retryDelay(email.attempts, this.options.retryBaseMs ?? 60_000)).toISOString(),
                },
          )
          .execute();
      });
      this.log(`delivery: ${email.kind} ${email.id} ${permanent ? 'failed' : giveUp ? 'gave up' : 'will retry'} (attempt ${email.attempts})`);
      return;
    }
    // Marked only now that the SMTP server has accepted it, and only while it is ours: an email
    // withdrawn during its SMTP transaction is still recorded as sent, since it was.
    await db.write((tx) =>
      tx
        .updateTable('emails')
        .set({status: 'sent', sent_at: this.now().toISOString(), lease_until: null, last_error: null})
        .where('id', '=', email.id)
        .where('lease_owner', '=', this.owner)
        .where('status', '!=', 'sent')
        .execute(),
    );
  }

  /**
   * Right before sending, in one transaction: the email must still be this worker's and still
   * wanted (not withdrawn by an erasure since it was claimed), its lease is renewed for the
   * attempt, and it takes a place under the official's daily cap.
   */
  private async takeForSending(tx: Tx, email: EmailsTable): Promise<'send' | 'gone' | 'tomorrow'> {
    const now = this.now();
    const renewed = await this.stillOurs(tx, email.id).set({lease_until: this.leaseEnd(now)}).executeTakeFirst();
    if (!Number(renewed.numUpdatedRows)) return 'gone';
    const max = this.dailyCap(email);
    if (max !== undefined && (await this.placesTaken(tx, email, now)) >= max) {
      await this.stillOurs(tx, email.id)
        .set({next_attempt_at: startOfNextUtcDay(now).toISOString(), lease_until: null, attempts: sql`attempts - 1`})
        .execute();
      return 'tomorrow';
    }
    await this.stillOurs(tx, email.id).set({sending_at: now.toISOString()}).execute();
    return 'send';
  }

  /**
   * How many of today's places under an official's cap are taken: emails marked sent today, and
   * sends under way (their lease still running). Counted from the emails themselves rather than
   * kept as a counter, so that a worker killed mid-send holds its place only until its lease
   * runs out, instead of for the rest of the day. Workers in several processes take turns on
   * the official's row in `rate_limits` (locked by the upsert until commit), so two never both
   * take the last place.
   */
  private async placesTaken(tx: Tx, email: EmailsTable, now: Date): Promise<number> {
    const day = startOfUtcDay(now);
    await tx
      .insertInto('rate_limits')
      .values({key: hashKey('official-day', email.to_address), window: Math.floor(day.getTime() / 86_400_000), count: 0, expires_at: startOfNextUtcDay(now).toISOString()})
      .onConflict((oc) => oc.columns(['key', 'window']).doUpdateSet({count: sql`rate_limits.count`}))
      .execute();
    const at = now.toISOString();
    const row = await tx
      .selectFrom('emails')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('to_address', '=', email.to_address)
      .where('kind', 'in', ['individual', 'digest'])
      .where('id', '!=', email.id)
      .where((w) =>
        w.or([
          w.and([w('status', '=', 'sent'), w('sent_at', '>=', day.toISOString())]),
          w.and([w('status', 'in', ['queued', 'retrying']), w('sending_at', 'is not', null), w('lease_until', '>', at)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The most emails an official's address gets in a UTC day, for emails to officials. */
  private dailyCap(email: EmailsTable): number | undefined {
    const campaign = this.campaigns.get(email.campaign_id);
    if (!campaign || (email.kind !== 'individual' && email.kind !== 'digest')) return undefined;
    return campaign.delivery.dailyCapPerOfficial;
  }

  private async submissionsFor(ids: string[]): Promise<SubmissionForEmail[]> {
    if (!ids.length) return [];
    const db = this.options.database.db;
    const rows = await db
      .selectFrom('submissions')
      .select(['id', 'locale', 'message_locale', 'supporter_name', 'supporter_email', 'supporter_postal_code', 'message_subject', 'message_body', 'submitted_at'])
      .where('id', 'in', ids)
      .orderBy('submitted_at')
      .execute();
    const picks = await db.selectFrom('submission_picks').select(['submission_id', 'recommendation_id']).where('submission_id', 'in', ids).execute();
    return rows.map((row) => ({...row, recommendations: picks.filter((p) => p.submission_id === row.id).map((p) => p.recommendation_id)}));
  }

  private async compose(email: EmailsTable): Promise<SendMailOptions> {
    const {config, database} = this.options;
    const campaign = this.campaigns.get(email.campaign_id);
    if (!campaign) throw new CannotCompose(`campaign "${email.campaign_id}" is no longer in the config`);
    if (email.kind === 'confirmation' || email.kind === 'reminder') {
      const [submission] = await this.submissionsFor([email.submission_id!]);
      const confirmation = await database.db.selectFrom('confirmations').select('token').where('submission_id', '=', email.submission_id!).executeTakeFirst();
      if (!submission || !confirmation) throw new CannotCompose('the submission or its confirmation is gone');
      return confirmationEmail(config, campaign, submission, confirmation.token, email.message_id, email.kind === 'reminder');
    }
    const carried = await database.db.selectFrom('deliveries').select(['submission_id', 'official_name', 'official_email']).where('email_id', '=', email.id).execute();
    if (!carried.length) throw new CannotCompose('no message is attached to this email');
    const official = {name: carried[0]!.official_name, address: carried[0]!.official_email};
    const submissions = await this.submissionsFor(carried.map((d) => d.submission_id));
    if (email.kind === 'digest') return digestEmail(config, campaign, official, submissions, email.message_id);
    if (!submissions[0]) throw new CannotCompose('the submission is gone');
    // To names the official as the message does, not in English over a Spanish message; an
    // official no longer in the config keeps the name stored with the delivery.
    const recipient = campaign.recipients.find((r) => r.email.toLowerCase() === official.address);
    const fallback = config.campaignTexts.get(campaign.id)?.defaultLocale;
    if (recipient) official.name = officialName(recipient, submissions[0].message_locale, fallback);
    return individualEmail(config, campaign, official, submissions[0], email.message_id);
  }

  /** Confirmation reminders and expiry, and digests that are due. */
  private async housekeeping(): Promise<void> {
    const {config, database} = this.options;
    const now = this.now();
    const at = now.toISOString();
    if (config.campaigns.some((c) => c.delivery.confirm)) {
      await database.write(async (tx) => {
        const due = await tx
          .selectFrom('confirmations')
          .innerJoin('submissions', 'submissions.id', 'confirmations.submission_id')
          .select(['confirmations.submission_id', 'submissions.campaign_id', 'submissions.supporter_email'])
          .where('confirmations.confirmed_at', 'is', null)
          .where('confirmations.reminded_at', 'is', null)
          .where('confirmations.created_at', '<=', new Date(now.getTime() - REMIND_AFTER_MS).toISOString())
          .where('confirmations.expires_at', '>', at)
          .execute();
        for (const row of due) {
          if (row.supporter_email) {
            await tx
              .insertInto('emails')
              .values(
                newEmail(config, now, {
                  kind: 'reminder',
                  campaign_id: row.campaign_id,
                  submission_id: row.submission_id,
                  to_address: row.supporter_email,
                  message_id: stableMessageId(config, 'reminder', row.submission_id),
                }),
              )
              .onConflict((oc) => oc.column('message_id').doNothing())
              .execute();
          }
          await tx.updateTable('confirmations').set({reminded_at: at}).where('submission_id', '=', row.submission_id).execute();
        }
        await tx
          .updateTable('deliveries')
          .set({state: 'expired'})
          .where('state', '=', 'unconfirmed')
          .where('submission_id', 'in', (eb) => eb.selectFrom('confirmations').select('submission_id').where('confirmed_at', 'is', null).where('expires_at', '<=', at))
          .execute();
      });
    }
    for (const campaign of config.campaigns.filter((c) => c.delivery.mode === 'digest')) {
      for (const recipient of campaign.recipients) await database.write((tx) => this.digestIfDue(tx, campaign, recipient.email.toLowerCase(), now));
    }
  }

  private async digestIfDue(tx: Tx, campaign: CampaignConfig, official: string, now: Date): Promise<void> {
    const period = campaign.delivery.digestEveryHours * HOUR_MS;
    await tx.insertInto('digests').values({campaign_id: campaign.id, official_email: official, last_at: ''}).onConflict((oc) => oc.columns(['campaign_id', 'official_email']).doNothing()).execute();
    // The row lock makes concurrent workers on PostgreSQL take turns: one digest per period.
    const {last_at: last} = await tx
      .selectFrom('digests')
      .select('last_at')
      .where('campaign_id', '=', campaign.id)
      .where('official_email', '=', official)
      .$if(this.options.database.kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    const ready = await tx
      .selectFrom('deliveries')
      .select(['submission_id', 'created_at'])
      .where('campaign_id', '=', campaign.id)
      .where('official_email', '=', official)
      .where('state', '=', 'ready')
      .orderBy('created_at')
      .execute();
    if (!ready.length) return;
    const since = last || ready[0]!.created_at;
    if (now.getTime() - Date.parse(since) < period) return;
    const email = newEmail(this.options.config, now, {
      kind: 'digest',
      campaign_id: campaign.id,
      submission_id: null,
      to_address: official,
      message_id: stableMessageId(this.options.config, 'digest', campaign.id, official, now.toISOString()),
    });
    await tx.insertInto('emails').values(email).execute();
    await tx
      .updateTable('deliveries')
      .set({state: 'carried', email_id: email.id})
      .where('campaign_id', '=', campaign.id)
      .where('official_email', '=', official)
      .where('state', '=', 'ready')
      .execute();
    await tx.updateTable('digests').set({last_at: now.toISOString()}).where('campaign_id', '=', campaign.id).where('official_email', '=', official).execute();
  }
}
