import {submissionSchema, SUBMISSION_VERSION, type Submission} from './submission-schema.js';
import type {SupporterFields} from '../form/supporter-fields.js';
import {oneLine} from '../one-line.js';
import {pageAddress} from './page-address.js';

export interface SubmissionInput {
  id: string;
  campaignId: string;
  readerLocale: string;
  picks: readonly string[];
  message: {to: readonly string[]; subject: string; body: string; locale: string};
  supporter: SupporterFields;
  page: {url: string; referrer: string; ref?: string | null};
  now: Date;
  signals?: Submission['signals'];
}

/**
 * The payload, checked against the same schema receivers use, so a malformed
 * submission is caught here rather than rejected by the organizer's endpoint.
 */
// The return type is written out: the inferred one names zod's internal module, which type
// declarations for the package (dist/types/) cannot refer to.
export function buildSubmission(input: SubmissionInput): ReturnType<ReturnType<typeof submissionSchema>['safeParse']> {
  const supporter = Object.fromEntries(
    (['name', 'email', 'postalCode'] as const)
      // A tab pasted into a field is no reason to fail a send; the schema refuses it raw.
      .map((field) => [field, oneLine(input.supporter[field]).trim()] as const)
      .filter(([, value]) => value !== ''),
  );
  return submissionSchema().safeParse({
    version: SUBMISSION_VERSION,
    id: input.id,
    campaign: input.campaignId,
    locale: input.readerLocale,
    recommendations: [...input.picks],
    // Pasted text may carry a word processor's line and page breaks (U+000B, U+000C), which the
    // schema refuses, as receivers may: read as the line breaks they show as; other control
    // characters as spaces.
    message: {...input.message, to: [...input.message.to], body: input.message.body.replace(/[\v\f]/g, '\n').replace(/[\0-\x08\x0e-\x1f]/g, ' ')},
    supporter,
    consent: input.supporter.consent,
    source: sourceOf(input.page),
    submittedAt: input.now.toISOString(),
    ...(input.signals ? {signals: input.signals} : {}),
  });
}

const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** Where the submission came from: the page, its referrer, the organizer's ref, and utm_* tags. */
function sourceOf({url, referrer, ref}: SubmissionInput['page']) {
  const params = new URL(url).searchParams;
  const utm = Object.fromEntries(UTM.flatMap((key) => (params.get(`utm_${key}`) ? [[key, oneLine(params.get(`utm_${key}`)!).slice(0, 200)]] : [])));
  return {
    url: pageAddress(url),
    ...(referrer ? {referrer: pageAddress(referrer)} : {}),
    ...(ref ? {ref} : {}),
    ...(Object.keys(utm).length ? {utm} : {}),
  };
}
