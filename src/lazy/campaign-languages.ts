import type {Campaign} from '../campaign/campaign-schema.js';
import {addLanguage, defaultCampaign, type CampaignLanguage} from '../campaign/default-campaign.js';

/** The built-in campaign's languages other than English, each a chunk with its path written out (so that Vite makes one). */
const languages: Record<string, () => Promise<CampaignLanguage>> = {
  es: () => import('../campaign/default-campaign-es.js').then((module) => module.es),
};
const settled: Record<string, true> = {};
const loading: Record<string, Promise<void>> = {};

/**
 * Loads the built-in campaign's texts in `locale`, for a render that shows them; `null` when there
 * is nothing to wait for (another campaign, English, a language it does not have, or already
 * there). A chunk that cannot load leaves those texts in English, as the interface does.
 */
export function loadCampaignLanguage(campaign: Campaign, locale: string | undefined): Promise<void> | null {
  if (!locale || campaignLanguageReady(campaign, locale)) return null;
  return (loading[locale] ??= languages[locale]!().then(
    (text) => addLanguage(locale, text),
    (error: unknown) => console.error(`<civic-action>: could not load the campaign in ${locale} (${(error as Error).message}); showing its texts in English.`),
  ).finally(() => void (settled[locale] = true)));
}

/** Whether the campaign's texts in `locale` are there (or will never be): a message composed before then would be in English. */
export const campaignLanguageReady = (campaign: Campaign, locale: string): boolean =>
  campaign !== defaultCampaign || !languages[locale] || !!settled[locale] || locale in defaultCampaign.intro!;
