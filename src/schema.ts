/**
 * The schemas without the element, for receivers and tools that run where there is no DOM
 * (a Node server validating submissions, a script checking a campaign file).
 * Built as `dist/schema.js`, which imports `zod/mini` from the receiver's own install.
 */
export {Submission, SUBMISSION_VERSION, LIMITS} from './send/submission-schema.js';
export {Campaign, Recommendation, CampaignRecipient, LocalizedText, LocaleCode} from './campaign/campaign-schema.js';
export {toFormFields, fromFormFields} from './send/form-encoding.js';
