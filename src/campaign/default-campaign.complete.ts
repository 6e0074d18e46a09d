/**
 * The built-in campaign with every language in it at once, for code that reads it without a render
 * to wait for: the receiver, the pre-renderer, the embed builder, the tests, and the package's
 * users (`civic-action/default-campaign`, built as dist/default-campaign.js), who may start a
 * campaign of their own from it. The widget loads each language on demand instead (see
 * lazy/campaign-languages.ts).
 */
import {addLanguage, defaultCampaign} from './default-campaign.js';
import {en} from './default-campaign-en.js';
import {es} from './default-campaign-es.js';

addLanguage('en', en);
addLanguage('es', es);

export {defaultCampaign};
