// The chunk `loadChecks` loads: everything zod checks, and the sending client whose replies it checks.
import * as z from 'zod/mini';

// Partner pages may forbid eval (CSP without 'unsafe-eval'); zod's probe for it would be
// reported as a policy violation, so it is told not to try, before any schema is built.
z.config({jitless: true});

export {parseCampaign} from '../campaign/parse-campaign.js';
export {describeIssues} from '../campaign/describe-issues.js';
export {buildSubmission} from '../send/build-submission.js';
export {Delivery} from '../send/delivery.js';
export {readTally} from '../tally/tally-reading.js';
export {savedSchema, personalSchema} from '../draft/draft-schemas.js';
