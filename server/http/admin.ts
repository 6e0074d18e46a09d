import {createHash, timingSafeEqual} from 'node:crypto';
import {Hono, type MiddlewareHandler} from 'hono';
import * as z from 'zod';
import pageCss from '../admin/page.css?raw';
import pageHtml from '../admin/page.html?raw';
import pageJs from '../admin/page.js?raw';
import type {CampaignConfig} from '../config/config-schema.js';
import type {Database} from '../db/database.js';
import type {LoadedConfig} from '../config/load-config.js';
import {planDeliveries} from '../delivery/plan.js';
import {campaignStats, deliveryStats, latestSubmissions, troubledEmails, type StoredSubmission} from '../store/reports.js';
import {eraseSupporter} from '../store/submissions.js';
import {csvRow} from './csv.js';

/** Compared as digests of equal length, in constant time: the token's length leaks nothing either. */
export function tokenMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearer(token: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!given || !tokenMatches(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="civic-action organizers"');
      return c.json({error: {message: 'A valid organizer token is needed (Authorization: Bearer …).'}}, 401);
    }
    await next();
  };
}

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CSV_COLUMNS = [
  'id',
  'received_at',
  'status',
  'review_reason',
  'locale',
  'recommendations',
  'supporter_name',
  'supporter_email',
  'supporter_postal_code',
  'consent',
  'message_to',
  'message_subject',
  'message_body',
  'message_locale',
  'ref',
  'utm',
  'source_url',
  'referrer',
  'submitted_at',
  'personal_removed_why',
] as const;

function csvValues(row: StoredSubmission): unknown[] {
  return CSV_COLUMNS.map((column) => {
    if (column === 'recommendations') return row.recommendations.join(' ');
    if (column === 'consent') return row.consent ? 'yes' : 'no';
    if (column === 'message_to') return row.message_to ? (JSON.parse(row.message_to) as string[]).join('; ') : '';
    return row[column];
  });
}

/** For the organizer's page: the stored row as the message it was, without database details. */
function asMessage(row: StoredSubmission) {
  return {
    id: row.id,
    receivedAt: row.received_at,
    status: row.status,
    reviewReason: row.review_reason,
    locale: row.locale,
    recommendations: row.recommendations,
    supporter: {name: row.supporter_name, email: row.supporter_email, postalCode: row.supporter_postal_code},
    consent: row.consent === 1,
    message: {to: row.message_to ? (JSON.parse(row.message_to) as string[]) : [], subject: row.message_subject, body: row.message_body, locale: row.message_locale},
    ref: row.ref,
    sourceUrl: row.source_url,
    personalRemoved: row.personal_removed_why,
  };
}

/**
 * The organizer's side, under `/admin`: a page (which holds nothing personal itself) and a JSON
 * and CSV API behind a bearer token. Without a token configured, none of it exists.
 */
export function adminRoutes({
  token,
  config,
  database,
  campaigns,
  now,
  onWork,
}: {
  token: string;
  config: LoadedConfig;
  database: Database;
  campaigns: Map<string, CampaignConfig>;
  now: () => Date;
  onWork?: (() => void) | undefined;
}): Hono {
  const admin = new Hono();
  const page = (type: string, body: string) => (c: import('hono').Context) => {
    c.header('Content-Type', type);
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Cache-Control', 'no-cache');
    return c.body(body);
  };
  const html = page('text/html; charset=utf-8', pageHtml);
  // The page loads ./page.js: it must be at /admin/, not /admin. A relative redirect also
  // works behind a proxy that serves the receiver under a prefix.
  admin.get('/', (c) => (new URL(c.req.url).pathname.endsWith('/') ? html(c) : c.redirect('admin/', 308)));
  admin.get('/page.js', page('text/javascript; charset=utf-8', pageJs));
  admin.get('/page.css', page('text/css; charset=utf-8', pageCss));

  admin.use('*', bearer(token));
  admin.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  const campaignOf = (id: string) => campaigns.get(id);
  admin.get('/campaigns', (c) => c.json([...campaigns.values()].map(({id, origins}) => ({id, origins}))));

  admin.get('/campaigns/:id/stats', async (c) => {
    const campaign = campaignOf(c.req.param('id'));
    if (!campaign) return c.json({error: {message: 'No such campaign.'}}, 404);
    return c.json({...(await campaignStats(database.db, campaign.id)), deliveries: await deliveryStats(database.db, campaign.id)});
  });

  admin.get('/campaigns/:id/deliveries', async (c) => {
    const campaign = campaignOf(c.req.param('id'));
    if (!campaign) return c.json({error: {message: 'No such campaign.'}}, 404);
    return c.json({officials: await deliveryStats(database.db, campaign.id), troubled: await troubledEmails(database.db, campaign.id)});
  });

  admin.post('/emails/:id/retry', async (c) => {
    const id = c.req.param('id');
    const at = now();
    const updated = await database.write((tx) =>
      tx
        .updateTable('emails')
        .set({
          status: 'queued',
          attempts: 0,
          next_attempt_at: at.toISOString(),
          give_up_at: new Date(at.getTime() + config.delivery.retryForHours * 3_600_000).toISOString(),
          lease_until: null,
        })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst(),
    );
    if (!Number(updated.numUpdatedRows)) return c.json({error: {message: 'No failed email has this id.'}}, 404);
    onWork?.();
    return c.json({id, status: 'queued'});
  });

  admin.get('/campaigns/:id/submissions', async (c) => {
    const campaign = campaignOf(c.req.param('id'));
    if (!campaign) return c.json({error: {message: 'No such campaign.'}}, 404);
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 50) || 50));
    const status = c.req.query('status');
    const rows = await latestSubmissions(database.db, campaign.id, {limit, ...(status === 'held' || status === 'accepted' ? {status} : {})});
    return c.json(rows.map(asMessage));
  });

  admin.get('/campaigns/:id/submissions.csv', async (c) => {
    const campaign = campaignOf(c.req.param('id'));
    if (!campaign) return c.json({error: {message: 'No such campaign.'}}, 404);
    const rows = await latestSubmissions(database.db, campaign.id);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${campaign.id}-submissions.csv"`);
    // The byte-order mark makes Excel read the file as UTF-8 (names in Spanish keep their accents).
    return c.body(`\uFEFF${csvRow(CSV_COLUMNS)}${rows.map((row) => csvRow(csvValues(row))).join('')}`);
  });

  admin.post('/submissions/:id/accept', async (c) => {
    const id = c.req.param('id');
    const at = now();
    const outcome = await database.write(async (tx) => {
      const row = await tx
        .selectFrom('submissions')
        .select(['campaign_id', 'locale', 'supporter_email', 'personal_removed_at'])
        .where('id', '=', id)
        .where('status', '=', 'held')
        .executeTakeFirst();
      const campaign = row && campaigns.get(row.campaign_id);
      if (!row || !campaign) return 'unknown';
      // Its message and its sender are gone: accepting it would deliver a blank message and count one.
      if (row.personal_removed_at) return 'removed';
      await tx.updateTable('submissions').set({status: 'accepted'}).where('id', '=', id).execute();
      await planDeliveries(tx, config, campaign, {id, locale: row.locale, supporterEmail: row.supporter_email}, at);
      return 'accepted';
    });
    if (outcome === 'unknown') return c.json({error: {message: 'No held submission has this id.'}}, 404);
    if (outcome === 'removed') return c.json({error: {message: 'This submission’s personal data and message were removed: there is nothing left to accept.'}}, 410);
    onWork?.();
    return c.json({id, status: 'accepted'});
  });

  admin.delete('/supporters', async (c) => {
    const email = c.req.query('email')?.trim();
    if (!email) return c.json({error: {message: 'Give the supporter’s address: DELETE /admin/supporters?email=…'}}, 400);
    // A query string turns an unencoded + into a space: maria+casa@… would come as "maria casa@…",
    // match no one, and answer {"erased": 0} as if there were nothing to erase.
    if (/\s/.test(email)) {
      return c.json({error: {message: 'The address has a space in it: percent-encode it, + as %2B (DELETE /admin/supporters?email=maria%2Bcasa%40example.org).'}}, 400);
    }
    if (!z.email().safeParse(email).success) return c.json({error: {message: 'The email parameter is not an email address.'}}, 400);
    const erased = await database.write((tx) => eraseSupporter(tx, email, now()));
    await database.flushRemoved();
    return c.json({erased});
  });

  return admin;
}
