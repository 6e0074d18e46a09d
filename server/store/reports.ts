import type {Tally} from '../../src/tally/tally.js';
import type {Db} from '../db/database.js';
import type {SubmissionsTable} from '../db/tables.js';

export interface CampaignStats {
  /** Accepted submissions (held ones are counted apart, in `held`). */
  total: number;
  held: number;
  recommendations: Record<string, number>;
  refs: Record<string, number>;
  locales: Record<string, number>;
  days: Record<string, number>;
}


function tallyOf(rows: {key: string | null; n: unknown}[], emptyKey?: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const {key, n} of rows) {
    if (key === null && emptyKey === undefined) continue;
    out[key ?? emptyKey!] = Number(n);
  }
  return out;
}

async function countsBy(db: Db, campaign: string, column: 'ref' | 'locale' | 'day'): Promise<{key: string | null; n: unknown}[]> {
  return db
    .selectFrom('submissions')
    .select((eb) => [eb.ref(column).as('key'), eb.fn.countAll().as('n')])
    .where('campaign_id', '=', campaign)
    .where('status', '=', 'accepted')
    .groupBy(column)
    .orderBy(column)
    .execute();
}

async function recommendationCounts(db: Db, campaign: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('submission_picks')
    .innerJoin('submissions', 'submissions.id', 'submission_picks.submission_id')
    .select((eb) => [eb.ref('submission_picks.recommendation_id').as('key'), eb.fn.countAll().as('n')])
    .where('submission_picks.campaign_id', '=', campaign)
    .where('submissions.status', '=', 'accepted')
    .groupBy('submission_picks.recommendation_id')
    .orderBy('submission_picks.recommendation_id')
    .execute();
  return tallyOf(rows);
}

export async function campaignStats(db: Db, campaign: string): Promise<CampaignStats> {
  const statuses = await db
    .selectFrom('submissions')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .where('campaign_id', '=', campaign)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(statuses.find((s) => s.status === status)?.n ?? 0);
  const [recommendations, refs, locales, days] = await Promise.all([
    recommendationCounts(db, campaign),
    countsBy(db, campaign, 'ref').then((rows) => tallyOf(rows, '')),
    countsBy(db, campaign, 'locale').then((rows) => tallyOf(rows)),
    countsBy(db, campaign, 'day').then((rows) => tallyOf(rows)),
  ]);
  return {total: count('accepted'), held: count('held'), recommendations, refs, locales, days};
}

/** The public tally, counts only: typed by the widget's own reading of `tally-src`, so the two agree. */
export async function campaignTally(db: Db, campaign: string): Promise<Tally> {
  const total = await db
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('campaign_id', '=', campaign)
    .where('status', '=', 'accepted')
    .executeTakeFirstOrThrow();
  return {total: Number(total.n), recommendations: await recommendationCounts(db, campaign)};
}

export type StoredSubmission = SubmissionsTable & {recommendations: string[]};

/** Submissions, newest first, with their picks; `limit` undefined means all of them. */
export async function latestSubmissions(db: Db, campaign: string, options: {limit?: number; status?: SubmissionsTable['status']} = {}): Promise<StoredSubmission[]> {
  let query = db.selectFrom('submissions').selectAll().where('campaign_id', '=', campaign).orderBy('received_at', 'desc').orderBy('id');
  if (options.status) query = query.where('status', '=', options.status);
  if (options.limit !== undefined) query = query.limit(options.limit);
  const rows = await query.execute();
  if (!rows.length) return [];
  // The whole campaign's picks for an export; only the listed rows' picks for a page of them.
  let picksQuery = db.selectFrom('submission_picks').select(['submission_id', 'recommendation_id']);
  picksQuery =
    options.limit === undefined
      ? picksQuery.where('campaign_id', '=', campaign)
      : picksQuery.where(
          'submission_id',
          'in',
          rows.map((r) => r.id),
        );
  const picks = await picksQuery.execute();
  const byId = new Map<string, string[]>();
  for (const pick of picks) byId.set(pick.submission_id, [...(byId.get(pick.submission_id) ?? []), pick.recommendation_id]);
  return rows.map((r) => ({...r, recommendations: (byId.get(r.id) ?? []).sort()}));
}

/** Where each official's messages stand, as the organizer reads it. */
export interface OfficialDeliveries {
  name: string;
  delivered: number;
  waiting: number;
  retrying: number;
  failed: number;
  unconfirmed: number;
  expired: number;
}

export async function deliveryStats(db: Db, campaign: string): Promise<Record<string, OfficialDeliveries>> {
  const rows = await db
    .selectFrom('deliveries')
    .leftJoin('emails', 'emails.id', 'deliveries.email_id')
    .select((eb) => ['deliveries.official_email', 'deliveries.official_name', 'deliveries.state', 'emails.status', eb.fn.countAll().as('n')])
    .where('deliveries.campaign_id', '=', campaign)
    .groupBy(['deliveries.official_email', 'deliveries.official_name', 'deliveries.state', 'emails.status'])
    .execute();
  const out: Record<string, OfficialDeliveries> = {};
  for (const row of rows) {
    const entry = (out[row.official_email] ??= {name: row.official_name, delivered: 0, waiting: 0, retrying: 0, failed: 0, unconfirmed: 0, expired: 0});
    const key: keyof Omit<OfficialDeliveries, 'name'> =
      row.state === 'unconfirmed' ? 'unconfirmed'
      : row.state === 'expired' ? 'expired'
      : row.status === 'sent' ? 'delivered'
      : row.status === 'retrying' ? 'retrying'
      : row.status === 'failed' ? 'failed'
      : 'waiting';
    entry[key] += Number(row.n);
  }
  return out;
}

/** Emails that failed or are being retried, with the mail server's answer, newest first. */
export async function troubledEmails(db: Db, campaign: string) {
  return db
    .selectFrom('emails')
    .select(['id', 'kind', 'to_address', 'status', 'attempts', 'last_error', 'created_at', 'next_attempt_at', 'submission_id'])
    .where('campaign_id', '=', campaign)
    .where('status', 'in', ['failed', 'retrying'])
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}
