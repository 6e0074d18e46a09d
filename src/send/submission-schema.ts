import * as z from 'zod/mini';
import {localeCodeSchema} from '../campaign/campaign-schema.js';
import {once} from '../once.js';
import {ONE_LINE} from '../one-line.js';

/**
 * What the organizer's endpoint receives: version 1 of the submission payload (`SUBMISSION_VERSION`).
 * Receivers can validate with this schema or with `schema/submission-v1.schema.json`,
 * which is generated from it. A change that breaks receivers gets a new version number.
 */
export {SUBMISSION_VERSION, LIMITS} from './limits.js';
import {SUBMISSION_VERSION, LIMITS} from './limits.js';

/**
 * Text of several lines: tab and line breaks, but no other C0 control character. A NUL would be
 * stored by one receiver and refused by the next (PostgreSQL's text cannot hold it) with a
 * server error the widget retries for ever; refused here, it is a 422 the reader sees.
 */
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'no control characters but tabs and line breaks'));
/** Text that receivers may put into email headers: no line breaks or other control characters. */
const Line = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(ONE_LINE, 'one line, without control characters'));

export const submissionSchema = once(() =>
  z.object({
    version: z.literal(SUBMISSION_VERSION),
    /** Unique per submission and equal to the `Idempotency-Key` header: every retry carries the same one. */
    id: z.uuid(),
    /** The campaign's id. */
    campaign: Line(200),
    /** The language the reader read the widget in. */
    locale: localeCodeSchema(),
    /** Picked recommendation ids, in campaign order. */
    recommendations: z.array(Line(200)).check(z.minLength(1)),
    message: z.object({
      /** Recipient names. Every text here but `body` is one line, without control characters. */
      to: z.array(Line(300)),
      subject: Line(LIMITS.subject),
      /** The full message as the supporter approved it, signature included. */
      body: Text(LIMITS.body + LIMITS.name + 100),
      /** The message's language (it may differ from `locale`, see `message-lang`). */
      locale: localeCodeSchema(),
    }),
    /**
     * What the supporter gave. Which fields are asked, and which are required, is the
     * organizer's choice (the `fields` attribute; by default name and email are required and
     * the postal code is optional): a field that was not asked, or left empty, is absent.
     */
    supporter: z.object({
      name: z.optional(Line(LIMITS.name)),
      email: z.optional(z.email().check(z.maxLength(LIMITS.email), z.regex(ONE_LINE))),
      postalCode: z.optional(Line(LIMITS.postalCode)),
    }),
    /** Whether the supporter agreed to hear from the organizer. Unchecked by default. */
    consent: z.boolean(),
    source: z.object({
      /** The page the widget was on, without its query and fragment (readers' tokens travel there). */
      url: z.url(),
      referrer: z.optional(z.url()),
      /** The organizer's own code for where the widget is (the `ref` attribute). */
      ref: z.optional(Line(200)),
      /** The page's `utm_*` parameters, without the prefix: `{"source": "newsletter"}`. */
      utm: z.optional(
        z.object({
          source: z.optional(Line(200)),
          medium: z.optional(Line(200)),
          campaign: z.optional(Line(200)),
          term: z.optional(Line(200)),
          content: z.optional(Line(200)),
        }),
      ),
    }),
    /** When the supporter pressed send (ISO 8601, UTC). */
    submittedAt: z.iso.datetime(),
    /**
     * What the widget saw that may tell a script from a person, for the receiver to judge (and
     * hold for review): the widget sends every submission, never dropping one as spam itself.
     * An optional addition to version 1: earlier widgets send none.
     */
    signals: z.optional(
      z.object({
        /** Milliseconds from the widget appearing (or the reader's draft being restored) to the press of send. */
        fillMs: z.int().check(z.gte(0)),
        /** Whether the field people never see (the honeypot) was filled in. */
        honeypot: z.boolean(),
        /** Whether the reader's draft was restored, so that a quick send is expected. */
        restored: z.boolean(),
      }),
    ),
  }),
);
export type Submission = z.infer<ReturnType<typeof submissionSchema>>;
