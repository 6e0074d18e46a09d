import {matchLocale} from '../i18n/resolve-locale.js';
import {parseRecipients, RecipientsError, type Recipient} from '../message/recipients.js';
import {defaultRetryPolicy} from '../send/retry-policy.js';
import {EndpointError, parseEndpoint} from './endpoint.js';
import {oneLine} from '../one-line.js';

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

// Checked by hand rather than with zod, which the first render then does not need to load.
const within = (n: number, min: number, max: number) => Number.isFinite(n) && n >= min && n <= max;
const wholeWithin = (n: number, min: number, max: number) => Number.isSafeInteger(n) && within(n, min, max);

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

/** `tally-src`: the same rules as the endpoint, since a tally shown to readers must come from who the organizer chose. */
export function readTallySrc(raw: string | null, base: string): AttributeReading<URL | null> {
  const reading = readEndpoint(raw, base);
  return reading.problem ? bad(null, reading.problem.expected, 'Not showing the counts.') : reading;
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
  return ['light', 'dark', 'auto'].includes(raw) ? ok(raw) : bad('light', 'expected light, dark or auto', 'Using the light theme.');
}

export function readTimeout(raw: string | null): AttributeReading<number> {
  if (raw === null) return ok(DEFAULT_TIMEOUT_MS);
  const seconds = Number(raw);
  return within(seconds, 1, 120)
    ? ok(seconds * 1000)
    : bad(DEFAULT_TIMEOUT_MS, 'expected a number of seconds from 1 to 120', `Waiting ${DEFAULT_TIMEOUT_MS / 1000} seconds.`);
}

export function readRetries(raw: string | null): AttributeReading<number> {
  const fallback = defaultRetryPolicy.retries;
  if (raw === null) return ok(fallback);
  const count = Number(raw);
  return wholeWithin(count, 0, 10) ? ok(count) : bad(fallback, 'expected a whole number from 0 to 10', `Retrying ${fallback} times.`);
}

/** A page address for `src`, `privacy-url`, `success-url` and `share-url`: http(s) only. */
export function readPageUrl(raw: string | null, base: string): AttributeReading<URL | null> {
  if (raw === null || raw.trim() === '') return ok(null);
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return bad(null, 'expected a URL', 'Ignoring it.');
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? ok(url) : bad(null, 'expected an http: or https: URL', 'Ignoring it.');
}

export type EndpointFormat = 'json' | 'form';

export function readEndpointFormat(raw: string | null): AttributeReading<EndpointFormat> {
  if (raw === null || raw === 'json' || raw === 'form') return ok(raw ?? 'json');
  return bad('json', 'expected json or form', 'Sending JSON.');
}

/** Free text an organizer sets (subject, org, share text, ref): trimmed, bounded, never markup. */
export function readText(raw: string | null, max: number): AttributeReading<string | null> {
  const text = raw?.trim() ?? '';
  if (text === '') return ok(null);
  return text.length <= max ? ok(text) : bad(text.slice(0, max), `expected at most ${max} characters`, `Using the first ${max}.`);
}

/**
 * Free text that goes into the payload's one-line fields (subject, org, ref), where a receiver
 * may put it into an email header: line breaks and other control characters become spaces.
 */
export function readLine(raw: string | null, max: number): AttributeReading<string | null> {
  const reading = readText(raw === null ? null : oneLine(raw), max);
  if (raw === null || oneLine(raw) === raw) return reading;
  const fallback = reading.problem ? `Using the first ${max} characters, on one line.` : 'Using it on one line.';
  return bad(reading.value, 'one line, without line breaks or control characters', fallback);
}

export function readPickBound(raw: string | null): AttributeReading<number | null> {
  if (raw === null || raw.trim() === '') return ok(null);
  const count = Number(raw);
  return wholeWithin(count, 0, 10_000) ? ok(count) : bad(null, 'expected a whole number, 0 or more', 'Ignoring it.');
}

/** `picked`: comma-separated recommendation ids picked at start; unknown ids are named. */
export function readPicked(raw: string | null, ids: readonly string[]): AttributeReading<string[]> {
  if (raw === null) return ok([]);
  const wanted = raw.split(/[\s,]+/).filter(Boolean);
  const unknown = wanted.filter((id) => !ids.includes(id));
  const known = wanted.filter((id) => ids.includes(id));
  return unknown.length
    ? bad(known, `the campaign has no recommendation ${unknown.map((id) => `"${id}"`).join(', ')}`, 'Picking the others.')
    : ok(known);
}

export type FieldName = 'name' | 'email' | 'postalCode';
export type FieldUse = 'required' | 'optional';
/** Which supporter fields are asked (present) and whether each is required. */
export type FieldConfig = Partial<Record<FieldName, FieldUse>>;

export const DEFAULT_FIELDS: FieldConfig = {name: 'required', email: 'required', postalCode: 'optional'};
const FIELD_NAMES: Record<string, FieldName> = {name: 'name', email: 'email', 'postal-code': 'postalCode'};

/**
 * `fields`: the supporter fields to ask, comma-separated, each `name`, `email` or
 * `postal-code`, with `*` after those that are required: `name*, email*, postal-code` is the
 * default; `name*` asks only a name; `email*, postal-code*` asks no name.
 */
export function readFields(raw: string | null): AttributeReading<FieldConfig> {
  if (raw === null) return ok(DEFAULT_FIELDS);
  const config: FieldConfig = {};
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const required = entry.endsWith('*');
    const field = FIELD_NAMES[required ? entry.slice(0, -1).trim() : entry];
    if (!field) {
      return bad(DEFAULT_FIELDS, `"${entry}" is not one of name, email, postal-code (add * to require one)`, 'Asking name*, email*, postal-code.');
    }
    config[field] = required ? 'required' : 'optional';
  }
  return ok(config);
}
