/**
 * The built-in campaign with every language in it at once, for code that reads it without a render
 * to wait for: the receiver, the embed builder, the tests. The widget loads the other languages
 * on demand instead (see lazy/campaign-languages.ts).
 */
import {addLanguage, defaultCampaign} from './default-campaign.js';
import {es} from './default-campaign-es.js';

addLanguage('es', es);

export {defaultCampaign};
