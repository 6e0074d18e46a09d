import type {Campaign} from '../campaign/campaign-schema.js';
import {addLanguage, defaultCampaign, type CampaignLanguage} from '../campaign/default-campaign.js';
import {languageArrived, languageLost} from '../i18n/localization.js';

/** The built-in campaign's languages, each a chunk with its path written out (so that Vite makes one). */
const languages: Record<string, () => Promise<CampaignLanguage>> = {
  en: () => import('../campaign/default-campaign-en.js').then((module) => module.en),
  es: () => import('../campaign/default-campaign-es.js').then((module) => module.es),
};
const settled: Record<string, true> = {};
const loading: Record<string, Promise<void>> = {};
/** Whether the English texts, the last to fall back on, failed to load. */
let lost = false;

/**
 * Loads the built-in campaign's texts in `locale`, for a render that shows them; `null` when there
 * is nothing to wait for (another campaign, a language it does not have, or already there). A
 * chunk that cannot load leaves those texts in English, as the interface does, so the English
 * chunk is loaded then; if that cannot load either, the campaign has no texts to show
 * (`campaignTextsProblem`).
 */
export function loadCampaignLanguage(campaign: Campaign, locale: string | undefined): Promise<void> | null {
  if (!locale || campaignLanguageReady(campaign, locale)) return null;
  return (loading[locale] ??= languages[locale]!().then(
    (text) => {
      addLanguage(locale, text);
      languageArrived();
    },
    (error: unknown) => {
      const english = locale === defaultCampaign.defaultLocale;
      lost ||= english;
      console.error(`<civic-action>: could not load the campaign in ${locale} (${(error as Error).message})${english ? '' : '; showing its texts in English'}.`);
      // Shown in English, the widget is in English (`languageFailed`): unless English is lost too, when its notice stays in the reader's language.
      return english ? undefined : Promise.resolve(loadCampaignLanguage(campaign, defaultCampaign.defaultLocale)).then(() => void (lost || languageLost(locale)));
    },
  ).finally(() => void (settled[locale] = true)));
}

/** The reader chose `locale`: if its texts failed to load (a network blip), the next render fetches them again. */
export function retryCampaignLanguage(locale: string): void {
  // Settled without its texts: it failed, and the render showed English.
  if (settled[locale] && !(locale in defaultCampaign.intro!)) delete settled[locale], delete loading[locale];
}

/** The reader asks to try again after the built-in campaign's texts could not load: every language that failed is fetched again by the next render. */
export function retryBuiltInTexts(): void {
  for (const locale in settled) retryCampaignLanguage(locale);
}

/** Whether the campaign's texts in `locale` are there (or will never be): a message composed before then would be in English. */
export const campaignLanguageReady = (campaign: Campaign, locale: string): boolean =>
  campaign !== defaultCampaign || !languages[locale] || !!settled[locale] || locale in defaultCampaign.intro!;

/**
 * Why the campaign cannot be shown, when it is the built-in one and none of its languages could
 * load (its render waited for them, see lazy/before-render.ts); `null` otherwise, and while none
 * was asked for (a widget whose own campaign is on its way asks for none).
 */
export const campaignTextsProblem = (campaign: Campaign): string | null =>
  campaign === defaultCampaign && lost && !Object.keys(defaultCampaign.intro!).length ? 'could not load the built-in campaign’s texts' : null;
