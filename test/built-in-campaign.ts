import type {Campaign} from '../src/campaign/campaign-schema.js';
import {addLanguage, defaultCampaign} from '../src/campaign/default-campaign.js';
import {en} from '../src/campaign/default-campaign-en.js';
import {es} from '../src/campaign/default-campaign-es.js';

/**
 * A copy of the built-in campaign with its texts in every language, for what a test expects to see
 * (or a campaign it makes from it). A copy, so that the widget's own object still loads each
 * language when a render needs it, as it does for readers. Not in helpers.ts: importing the
 * language modules here means the widget will not fetch them, which tests of that fetch watch.
 */
export function builtInCampaign(): Campaign {
  const copy = structuredClone(defaultCampaign);
  addLanguage('en', en, copy);
  addLanguage('es', es, copy);
  return copy;
}
