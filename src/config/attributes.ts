import * as z from 'zod/mini';
import {matchLocale} from '../i18n/resolve-locale.js';
import {parseRecipients, RecipientsError, type Recipient} from '../message/recipients.js';
import {defaultRetryPolicy} from '../send/send-submission.js';
import {EndpointError, parseEndpoint} from './endpoint.js';

/**
 * Each attribute as the widget uses it. Pure: a value goes in, the value to use comes out,
 * with what was wrong when the attribute could not be used as written, so that the element
 * can tell the organizer (see `reportInvalidAttribute`) and go on with the default.
 */
export interface AttributeReading<T> {
  value: T;
  problem?: {expected: string; fallback: string};
}

const ok = <T>(value: T): AttributeReading<T> => ({value});
const bad = <T>(value: T, expected: string, fallback: string): AttributeReading<T> => ({value, problem: {expected, fallback}});

const Seconds = z.number().check(z.gte(1), z.lte(120));
const RetryCount = z.int().check(z.gte(0), z.lte(10));
export const Theme = z.enum(['light', 'dark', 'auto']);

export const DEFAULT_TIMEOUT_MS = 15_000;

export function readEndpoint(raw: string | null, base: string): AttributeReading<URL | null> {
  if (raw === null || raw.trim() === '') return ok(null);
  try {
    return ok(parseEndpoint(raw, base));
  } catch (error) {
    if (!(error instanceof EndpointError)) throw error;
    return bad(null, error.message, 'Offering to send from the reader’s own email instead.');
  }
}

export function readRecipients(raw: string | null): AttributeReading<Recipient[] | null> {
  if (raw === null) return ok(null);
  try {
    return ok(parseRecipients(raw));
  } catch (error) {
    if (!(error instanceof RecipientsError)) throw error;
    return bad(null, error.message, 'Using the campaign’s own recipients.');
  }
}

export function readMessageLang(raw: string | null, available: readonly string[]): AttributeReading<string | null> {
  if (raw === null) return ok(null);
  const match = matchLocale(raw, available);
  return match
    ? ok(match)
    : bad(null, `expected one of the campaign’s languages (${available.join(', ')})`, 'Writing the message in the reader’s language.');
}

export function readTheme(raw: string): AttributeReading<string> {
  // An unknown value matches none of the theme rules in the styles, so the light colours stay.
  return Theme.safeParse(raw).success ? ok(raw) : bad('light', 'expected light, dark or auto', 'Using the light theme.');
}

export function readTimeout(raw: string | null): AttributeReading<number> {
  if (raw === null) return ok(DEFAULT_TIMEOUT_MS);
  const seconds = Seconds.safeParse(Number(raw));
  return seconds.success
    ? ok(seconds.data * 1000)
    : bad(DEFAULT_TIMEOUT_MS, 'expected a number of seconds from 1 to 120', `Waiting ${DEFAULT_TIMEOUT_MS / 1000} seconds.`);
}

export function readRetries(raw: string | null): AttributeReading<number> {
  const fallback = defaultRetryPolicy.retries;
  if (raw === null) return ok(fallback);
  const count = RetryCount.safeParse(Number(raw));
  return count.success ? ok(count.data) : bad(fallback, 'expected a whole number from 0 to 10', `Retrying ${fallback} times.`);
}
