import type {Campaign, LocalizedText} from './campaign-schema.js';

/** The languages a campaign can be read in: those its title is written in. */
export function campaignLocales(campaign: Campaign): string[] {
  return Object.keys(campaign.title);
}

/** A text in the wanted language, or in the campaign's default language when it has none. */
export interface ResolvedText {
  text: string;
  /** The language the text is actually in, so it can be marked with `lang`. */
  lang: string;
}

export function textIn(text: LocalizedText | undefined, locale: string, fallbackLocale: string): ResolvedText | undefined {
  if (!text) return undefined;
  if (text[locale] !== undefined) return {text: text[locale], lang: locale};
  if (text[fallbackLocale] !== undefined) return {text: text[fallbackLocale], lang: fallbackLocale};
  const [lang, first] = Object.entries(text)[0] ?? [];
  return lang === undefined || first === undefined ? undefined : {text: first, lang};
}

/** Picked ids in the order the campaign lists them: the order receivers and readers expect. */
export function inCampaignOrder(campaign: Campaign, picks: ReadonlySet<string>): string[] {
  return campaign.recommendations.filter((r) => picks.has(r.id)).map((r) => r.id);
}
