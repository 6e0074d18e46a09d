/**
 * The schemas without the element, for receivers and tools that run where there is no DOM
 * (a Node server validating submissions, a script checking a campaign file).
 * Built as `dist/schema.js`, which imports `zod/mini` from the receiver's own install.
 */
import {
  CAMPAIGN_LIMITS,
  campaignRecipientSchema,
  campaignSchema,
  localeCodeSchema,
  localizedTextSchema,
  recommendationSchema,
} from './campaign/campaign-schema.js';
import {submissionSchema} from './send/submission-schema.js';
import {errorReplySchema, submitReplySchema} from './send/reply-schema.js';

export {SUBMISSION_VERSION, LIMITS} from './send/submission-schema.js';
export {CAMPAIGN_LIMITS};
export type {Submission as SubmissionData} from './send/submission-schema.js';
export type {Campaign as CampaignData} from './campaign/campaign-schema.js';
export type {SubmitReply as SubmitReplyData, ErrorReply as ErrorReplyData} from './send/reply-schema.js';

// Built here, once, as values: a receiver validates with them directly.
export const Submission = submissionSchema();
export const Campaign = campaignSchema();
export const Recommendation = recommendationSchema();
export const CampaignRecipient = campaignRecipientSchema();
export const LocalizedText = localizedTextSchema();
export const LocaleCode = localeCodeSchema();
/** The receiver's answer to a submission it took (2xx), and to one it refused (4xx). */
export const SubmitReply = submitReplySchema();
export const ErrorReply = errorReplySchema();
export {toFormFields, fromFormFields} from './send/form-encoding.js';
