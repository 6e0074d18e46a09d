import {CivicAction} from './civic-action.component.js';
import * as z from 'zod/mini';

// Partner pages may forbid eval (CSP without 'unsafe-eval'); zod's probe for it would be
// reported as a policy violation, so it is told not to try, before any schema is built.
z.config({jitless: true});

export {CivicAction};
export * from './campaign/campaign-schema.js';
export {defaultCampaign} from './campaign/default-campaign.js';
// The events' detail types, and typed listeners (`addEventListener('civic-action-sent', …)`).
export type * from './events.js';
// Schemas are functions here, built on first call, so that loading the widget builds none;
// `civic-action/schema` offers them as values.
export {submissionSchema, SUBMISSION_VERSION, type Submission} from './send/submission-schema.js';

// A page may include the script twice (a theme and a plugin both adding it): defining the
// tag again would throw, so the first definition wins.
if (!customElements.get('civic-action')) customElements.define('civic-action', CivicAction);
