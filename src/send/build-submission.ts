import {Submission, SUBMISSION_VERSION} from './submission-schema.js';
import type {SupporterFields} from '../form/supporter-fields.js';

export interface SubmissionInput {
  id: string;
  campaignId: string;
  readerLocale: string;
  picks: readonly string[];
  message: {to: readonly string[]; subject: string; body: string; locale: string};
  supporter: SupporterFields;
  page: {url: string; referrer: string};
  now: Date;
}

/**
 * The payload, checked against the same schema receivers use, so a malformed
 * submission is caught here rather than rejected by the organizer's endpoint.
 */
export function buildSubmission(input: SubmissionInput) {
  const postalCode = input.supporter.postalCode.trim();
  return Submission.safeParse({
    version: SUBMISSION_VERSION,
    id: input.id,
    campaign: input.campaignId,
    locale: input.readerLocale,
    recommendations: [...input.picks],
    message: {...input.message, to: [...input.message.to]},
    supporter: {
      name: input.supporter.name.trim(),
      email: input.supporter.email.trim(),
      ...(postalCode ? {postalCode} : {}),
    },
    consent: input.supporter.consent,
    source: {url: input.page.url, ...(input.page.referrer ? {referrer: input.page.referrer} : {})},
    submittedAt: input.now.toISOString(),
  });
}
