import type {Recipient} from '../message/recipients.js';
import type {PickBounds} from '../form/supporter-fields.js';
import {LIMITS} from '../send/limits.js';
import {reportInvalidAttribute} from './attribute-errors.js';
import {
  readEndpoint,
  readEndpointFormat,
  readFields,
  readLine,
  readPageUrl,
  readPickBound,
  readRecipients,
  readRetries,
  readTallySrc,
  readText,
  readTheme,
  readTimeout,
  type AttributeReading,
  type EndpointFormat,
  type FieldConfig,
} from './attributes.js';

/**
 * Every organizer attribute as the widget uses it, named like the element's properties (the
 * attributes' raw text stays on the element, where the organizer set it).
 */
export interface Options {
  endpoint: URL | null;
  recipients: Recipient[] | null;
  theme: string;
  /** In milliseconds (the attribute says seconds). */
  timeout: number;
  retries: number;
  endpointFormat: EndpointFormat;
  subject: string | null;
  fields: FieldConfig;
  org: string | null;
  ref: string | null;
  privacyUrl: URL | null;
  successUrl: URL | null;
  shareUrl: URL | null;
  shareText: string | null;
  tallySrc: URL | null;
  src: URL | null;
}

type Reader<T> = (raw: string | null, base: string) => AttributeReading<T>;

/** Each option's reader; the attribute is the property's name in kebab case (`endpointFormat`, `endpoint-format`). */
const READERS: {[K in keyof Options]: Reader<Options[K]>} = {
  endpoint: readEndpoint,
  recipients: readRecipients,
  // The default needs no check, and checking it would build a schema on the first render.
  theme: (raw) => (raw === null || raw === 'light' ? {value: 'light'} : readTheme(raw)),
  timeout: readTimeout,
  retries: readRetries,
  endpointFormat: readEndpointFormat,
  subject: (raw) => readLine(raw, LIMITS.subject),
  fields: readFields,
  org: (raw) => readLine(raw, 200),
  ref: (raw) => readLine(raw, 200),
  privacyUrl: readPageUrl,
  successUrl: readPageUrl,
  shareUrl: readPageUrl,
  shareText: (raw) => readText(raw, 280),
  tallySrc: readTallySrc,
  src: readPageUrl,
};

const entries = Object.entries(READERS) as Array<[keyof Options, Reader<unknown>]>;

/** The options of a widget whose organizer set no attribute. */
export const defaultOptions = (): Options => Object.fromEntries(entries.map(([key, read]) => [key, read(null, '').value])) as unknown as Options;

/**
 * Reads the properties that `changed` names into the options, telling the organizer about each
 * that cannot be used as written. The same object comes back when none of them changed, so that
 * what depends on the options can tell a change by identity.
 */
export function readOptions(previous: Options, element: object, changed: ReadonlyMap<PropertyKey, unknown>, base: string): Options {
  const read = entries.filter(([key]) => changed.has(key));
  if (read.length === 0) return previous;
  const next: Record<string, unknown> = {...previous};
  for (const [key, reader] of read) {
    const raw = (element as Record<string, string | null>)[key] ?? null;
    next[key] = use(key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), raw, reader(raw, base));
  }
  return next as unknown as Options;
}

/** Uses an attribute as read, telling the organizer when it could not be used as written. */
export function use<T>(attribute: string, raw: string | null, reading: AttributeReading<T>): T {
  if (reading.problem && raw !== null) reportInvalidAttribute(attribute, raw, reading.problem.expected, reading.problem.fallback);
  return reading.value;
}

/** Reads `min-picks` and `max-picks` together, since each bounds the other, for a campaign of `total` recommendations. */
export function readPickBounds(minPicks: string | null, maxPicks: string | null, total: number): PickBounds {
  let min = use('min-picks', minPicks, readPickBound(minPicks)) ?? 1;
  let max = use('max-picks', maxPicks, readPickBound(maxPicks)) ?? total;
  if (min > total) {
    reportInvalidAttribute('min-picks', String(min), `the campaign has only ${total} recommendations`, `Asking for ${total}.`);
    min = total;
  }
  if (max < Math.max(min, 1)) {
    reportInvalidAttribute('max-picks', String(max), `expected at least min-picks (${min}) and at least 1`, 'Allowing all.');
    max = total;
  }
  return {min: Math.max(min, 1), max};
}
