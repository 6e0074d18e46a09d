/**
 * The built-in campaign with every language in it at once, for code that reads it without a render
 * to wait for: the receiver, the pre-renderer, the embed builder, the tests. The widget loads each
 * language on demand instead (see lazy/campaign-languages.ts).
 */
import {addLanguage, defaultCampaign} from './default-campaign.js';
import {en} from './default-campaign-en.js';
import {es} from './default-campaign-es.js';

addLanguage('en', en);
addLanguage('es', es);

export {defaultCampaign};
