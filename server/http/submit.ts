import type {Context} from 'hono';
import {fromFormFields, Submission, type SubmissionData, type SubmitReplyData} from '../../src/schema.js';
import {normalizeName, recipientNames, type CampaignConfig} from '../config/config-schema.js';
import type {LoadedConfig} from '../config/load-config.js';
import type {Database} from '../db/database.js';
import {countAndCheck, hashKey, RateLimited, type Counter} from '../store/rate-limits.js';
import {planDeliveries} from '../delivery/plan.js';
import {storeSubmission} from '../store/submissions.js';
import {handlePlainForm} from './form-post.js';
import {errorBody, textsFor, type ReplyTexts} from './replies.js';
import type {RecentPosts} from './recent-posts.js';

/** What the widget reports about how a send was made (`signals` in the payload), judged here. */
type Signals = SubmissionData['signals'];

/**
 * Why a submission should wait for a person to look at it, or nothing. The widget sends
 * whatever a person did, so these only sort; they never drop a submission.
 */
export function reviewReason(signals: Signals | undefined, minFillMs: number): string | undefined {
  if (!signals) return undefined;
  if (signals.honeypot) return 'the hidden field was filled in';
  if (!signals.restored && typeof signals.fillMs === 'number' && signals.fillMs < minFillMs) return `sent ${Math.round(signals.fillMs)} ms after the widget appeared`;
  return undefined;
}

type Decoded = {ok: true; body: unknown; form?: URLSearchParams} | {ok: false; status: 400 | 415; message: string};

async function decode(c: Context): Promise<Decoded> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  const text = await c.req.text();
  if (type === 'application/json') {
    try {
      return {ok: true, body: JSON.parse(text)};
    } catch {
      return {ok: false, status: 400, message: 'The body is not valid JSON.'};
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(text);
    return {ok: true, body: fromFormFields(form), form};
  }
  return {ok: false, status: 415, message: 'Send application/json or application/x-www-form-urlencoded.'};
}

/** Field errors named by their path in the payload, as the widget shows them under its fields. */
function fieldErrors(issues: readonly {path: readonly PropertyKey[]; code: string; format?: string}[], texts: ReplyTexts): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.filter((key) => typeof key === 'string').join('.') || '(body)';
    fields[path] ??= issue.format === 'email' ? texts.email : texts.field;
  }
  return fields;
}

export interface SubmitContext {
  config: LoadedConfig;
  database: Database;
  campaigns: Map<string, CampaignConfig>;
  clientAddress: (c: Context) => string;
  now: () => Date;
  /** The no-script form's recent posts, which a second post of the same form is answered from (see recent-posts.ts). */
  recentPosts?: RecentPosts | undefined;
  /** Told when a new submission was stored: an in-process worker looks for work at once. */
  onStored?: (() => void) | undefined;
}

/** What became of a valid submission: refused by the campaign's rules, or stored (or not) by the database. */
export type Received =
  | {kind: 'refused'; status: 403 | 404 | 422; message: string; fields?: Record<string, string>}
  | {kind: 'stored' | 'duplicate'; campaign: CampaignConfig; next: 'confirm' | undefined}
  | {kind: 'conflict'}
  | {kind: 'limited'; retryAfterSeconds: number};

/**
 * The campaign's rules (a partner page, its own officials, its own recommendations), then judge,
 * count and store once, whichever way the submission came: the widget's JSON or form fields, or
 * a plain form post built here (`form-post.ts`).
 */
export async function receive(c: Context, submission: SubmissionData, texts: ReplyTexts, {config, database, campaigns, clientAddress, now, onStored}: SubmitContext): Promise<Received> {
  const campaign = campaigns.get(submission.campaign);
  if (!campaign) return {kind: 'refused', status: 404, message: texts.unknownCampaign(submission.campaign), fields: {campaign: texts.field}};
  const origin = c.req.header('Origin');
  if (origin !== undefined && !campaign.origins.includes(origin)) return {kind: 'refused', status: 403, message: texts.origin};
  const allowed = recipientNames(campaign);
  if (submission.message.to.some((name) => !allowed.has(normalizeName(name)))) {
    return {kind: 'refused', status: 422, message: texts.recipients, fields: {'message.to': texts.recipients}};
  }
  if (campaign.recommendations && submission.recommendations.some((id) => !campaign.recommendations!.includes(id))) {
    return {kind: 'refused', status: 422, message: texts.recommendations, fields: {recommendations: texts.recommendations}};
  }

  const reason = reviewReason(submission.signals, config.spam.minFillMs);
  const address = clientAddress(c);
  const at = now();
  const counters: Counter[] = [{key: hashKey('ip', address), limit: config.rateLimits.perIp}];
  if (submission.supporter.email) counters.push({key: hashKey(`email:${campaign.id}`, submission.supporter.email.toLowerCase()), limit: config.rateLimits.perEmail});
  const outcome = await database
    .write(async (tx) => {
      const stored = await storeSubmission(tx, submission, at, reason);
      // A retry or a conflict stores nothing, and is not counted against anyone's limit.
      if (stored.kind !== 'stored') return stored;
      // Held submissions wait for an organizer; accepted ones become deliveries in this same transaction.
      if (stored.status === 'accepted') {
        await planDeliveries(tx, config, campaign, {id: submission.id, locale: submission.locale, supporterEmail: submission.supporter.email?.toLowerCase() ?? null}, at);
      }
      // Counted last: on PostgreSQL, requests from one address take turns on its counter row
      // until they commit, so the row is taken as late as possible. A full window throws,
      // which rolls back what this request wrote.
      const limited = await countAndCheck(tx, counters, at);
      if (limited) throw new RateLimited(limited.retryAfterSeconds);
      return stored;
    })
    .catch((error: unknown) => {
      if (error instanceof RateLimited) return {kind: 'limited' as const, retryAfterSeconds: error.retryAfterSeconds};
      throw error;
    });
  if (outcome.kind === 'stored') onStored?.();
  if (outcome.kind === 'conflict' || outcome.kind === 'limited') return outcome;
  // The widget tells the reader to look for the confirmation email when the campaign asks for one.
  return {kind: outcome.kind, campaign, next: campaign.delivery.confirm && submission.supporter.email ? 'confirm' : undefined};
}

/** `POST /submit`: validate, judge, count, store once; answer only after the row is committed. */
export async function handleSubmit(c: Context, context: SubmitContext): Promise<Response> {
  const decoded = await decode(c);
  if (!decoded.ok) return c.json(errorBody(decoded.message), decoded.status);
  // A browser's own post of the pre-rendered widget's form, without script: answered with a page.
  if (decoded.form?.get('noscript') === '1') return handlePlainForm(c, decoded.form, context);
  const raw = decoded.body as {locale?: unknown} | null;
  const texts = textsFor(raw?.locale);
  const parsed = Submission.safeParse(raw);
  if (!parsed.success) return c.json(errorBody(texts.invalid, fieldErrors(parsed.error.issues, texts)), 422);
  const submission: SubmissionData = parsed.data;

  const key = c.req.header('Idempotency-Key');
  if (key !== undefined && key !== submission.id) return c.json(errorBody(texts.key), 400);

  const received = await receive(c, submission, texts, context);
  switch (received.kind) {
    case 'refused':
      return c.json(errorBody(received.message, received.fields), received.status);
    case 'stored':
      // A held submission is answered like any other: telling a bot it was noticed teaches it.
      return c.json({status: received.next ?? 'stored', id: submission.id} satisfies SubmitReplyData, 201);
    case 'duplicate':
      return c.json({status: received.next ?? 'duplicate', id: submission.id} satisfies SubmitReplyData, 200);
    case 'conflict':
      return c.json(errorBody(texts.conflict), 409);
    case 'limited':
      c.header('Retry-After', String(received.retryAfterSeconds));
      return c.json(errorBody(texts.tooMany), 429);
  }
}
