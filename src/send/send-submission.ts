import type {Submission} from './submission-schema.js';
import {toFormFields} from './form-encoding.js';
// The replies' schemas live apart, so that receivers (`civic-action/schema`) get them without the DOM code here.
import {errorReplySchema, submitReplySchema} from './reply-schema.js';

/** The outcome of one try. */
export type TryResult =
  /**
   * Any 2xx: the receiver has it, whatever the body says. `confirm`: it goes no further until
   * the supporter confirms by email.
   */
  | {kind: 'sent'; status: number; confirm: boolean}
  /** A 4xx that trying again would not fix: the receiver said what is wrong, if it could. */
  | {kind: 'refused'; status: number; message?: string; fields?: Record<string, string>}
  /** Worth trying again: a server error, a network error, no answer in time, or a rate limit. */
  | {kind: 'retry'; reason: 'server' | 'network' | 'timeout'; status?: number; retryAfterMs?: number};

/** Statuses that say "not now" rather than "not this": trying again later can succeed. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

export interface TryOptions {
  /** How long to wait for an answer before giving up on this try. */
  timeoutMs: number;
  /** `json` (the default) or `form` (see `toFormFields`). */
  format?: 'json' | 'form';
  now?: () => number;
}

/**
 * POSTs a submission as JSON, once. Every try of one submission carries its id as the
 * `Idempotency-Key`, so a receiver can drop repeats. No cookies go with it
 * (`credentials: 'omit'`): the widget must not ride on a session the reader has with the
 * receiver's site. Redirects are refused, not followed: the organizer chose the endpoint, and
 * a form post needs no preflight, so a followed redirect would hand the whole submission to
 * whatever host the answer names. But for a form post to another origin (see `formRequest`).
 */
export async function trySending(endpoint: URL, submission: Submission, {timeoutMs, format = 'json', now = Date.now}: TryOptions): Promise<TryResult> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      redirect: 'error',
      ...(format === 'json' ? jsonRequest(submission) : formRequest(endpoint, submission)),
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    // A CORS refusal, a refused connection and a lost network all look the same from here.
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return {kind: 'retry', reason: timedOut ? 'timeout' : 'network'};
  }
  // A cross-origin form post cannot read its answer (see formRequest): arriving is all it knows.
  if (response.type === 'opaque') return {kind: 'sent', status: response.status, confirm: false};
  if (response.ok) {
    const reply = submitReplySchema().safeParse(await response.json().catch(() => null));
    return {kind: 'sent', status: response.status, confirm: reply.success && reply.data.status === 'confirm'};
  }
  if (RETRYABLE.has(response.status)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
    return {kind: 'retry', reason: 'server', status: response.status, ...(retryAfterMs === undefined ? {} : {retryAfterMs})};
  }
  const reply = errorReplySchema().safeParse(await response.json().catch(() => null));
  return {
    kind: 'refused',
    status: response.status,
    ...(reply.success ? {message: reply.data.error.message, fields: reply.data.error.fields} : {}),
  };
}

function jsonRequest(submission: Submission): RequestInit {
  return {headers: {'Content-Type': 'application/json', 'Idempotency-Key': submission.id}, body: JSON.stringify(submission)};
}

/**
 * A form post is a "simple" request: no CORS preflight, so receivers that cannot answer one
 * (spreadsheets, form services) still get it. That rules out the Idempotency-Key header (the
 * id is in the body), and on another origin the answer cannot be read (`no-cors`). A `no-cors`
 * request must follow redirects (the Fetch standard fails it at once otherwise: no such post ever
 * left the browser), so there the endpoint's own redirect is followed, as a plain HTML form's is:
 * a 303 to a thank-you page is fetched without the submission.
 */
function formRequest(endpoint: URL, submission: Submission): RequestInit {
  return {body: toFormFields(submission), ...(endpoint.origin === location.origin ? {} : {mode: 'no-cors', redirect: 'follow'})};
}

/** `Retry-After` in milliseconds from now: either delay-seconds or an HTTP date (RFC 9110). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// Apart from the sending itself, so that the element reads its attributes without the replies' schemas.
export {defaultRetryPolicy, type RetryPolicy} from './retry-policy.js';
import {defaultRetryPolicy, type RetryPolicy} from './retry-policy.js';

/**
 * How long to wait before the next automatic try, or `undefined` to stop and ask the reader.
 * Exponential backoff with jitter (between half and all of the doubled delay), so that many
 * widgets failing together do not come back together; a server's `Retry-After` wins.
 */
export function nextRetryDelay(
  failures: number,
  result: Extract<TryResult, {kind: 'retry'}>,
  policy: RetryPolicy = defaultRetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (failures > policy.retries) return undefined;
  if (result.retryAfterMs !== undefined) return result.retryAfterMs <= policy.maxRetryAfterMs ? result.retryAfterMs : undefined;
  const ceiling = policy.baseDelayMs * 2 ** (failures - 1);
  return ceiling / 2 + random() * (ceiling / 2);
}
