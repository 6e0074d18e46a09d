import {CivicAction} from './civic-action.component.js';
import {beforeDefine} from './lazy/before-render.js';

export {CivicAction};
// Types only: the schemas themselves are values in `civic-action/schema`. Here they would put zod
// into the script every reader loads first (see lazy/checks-loader.ts).
export type * from './campaign/campaign-schema.js';
export {campaignLocales, textIn} from './campaign/campaign-text.js';
export {defaultCampaign} from './campaign/default-campaign.js';
// The events' detail types, and typed listeners (`addEventListener('civic-action-sent', …)`).
export type * from './events.js';
export {SUBMISSION_VERSION} from './send/limits.js';
export type {Submission} from './send/submission-schema.js';

// A page may include the script twice (a theme and a plugin both adding it): defining the
// tag again would throw, so the first definition wins. Widgets already in the page are defined
// once what their first render waits for is there (see `beforeDefine`), else at once.
const define = () => customElements.get('civic-action') || customElements.define('civic-action', CivicAction);
const waiting = beforeDefine();
if (waiting) void waiting.finally(define);
else define();
