/**
 * `campaign-languages.ts` for the classic-script build, which is one file: every language of the
 * built-in campaign is in it from the start (see `withoutChunks` in vite.config.ts).
 */
import '../campaign/default-campaign.complete.js';
import type {Campaign} from '../campaign/campaign-schema.js';

export const loadCampaignLanguage = (_campaign: Campaign, _locale: string | undefined): Promise<void> | null => null;
export const campaignLanguageReady = (_campaign: Campaign, _locale: string): boolean => true;
export const campaignTextsProblem = (_campaign: Campaign): string | null => null;
export const retryCampaignLanguage = (_locale: string): void => undefined;
export const retryBuiltInTexts = (): void => undefined;
