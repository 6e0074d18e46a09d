import type {Campaign} from './campaign-schema.js';

/** The built-in campaign's recommendations, in the press release's order. */
const ids = ['economic-policy', 'rule-of-law', 'civil-society', 'local-development', 'tps', 'diaspora-partnership', 'climate', 'authorized-migration', 'no-family-detention', 'family-reunification', 'end-title-42', 'due-process'];

/**
 * The built-in campaign: the recommendations that Alianza Americas and partner
 * organizations delivered to Vice President Harris on June 6, 2021.
 *
 * Recommendation texts and the closing call are copied word for word from the
 * press release (English and Spanish). The Spanish release splits the TPS
 * recommendation into two bullets ("Ayudar activamente…" and "Garantizar la
 * seguridad…"); they are joined here so that both languages carry the same
 * twelve recommendations under the same ids. The release names a partner
 * organization that was removed from the source (marked `###`): the texts
 * never refer to it. Headlines, intro, subject and lead are ours, written in
 * plain words for readers with little formal schooling (see locales/GLOSSARY.md). The only
 * change to the release's Spanish is a no-break space inside "EE. UU.", which changes no
 * word and keeps the abbreviation whole on a phone's narrow line.
 *
 * Here are only its ids and its title in each language (what names the campaign's languages, see
 * `campaignLocales`). Each language's texts are a chunk (default-campaign-en.ts,
 * default-campaign-es.ts) that a render in that language waits for (lazy/campaign-languages.ts):
 * a Spanish reader never downloads the English, an English one never the Spanish, and a page
 * with its own campaign neither. Where a language's texts cannot load, the English ones are
 * shown instead (marked `lang="en"`). A `recipients` entry holds two forms, one per use: `name`
 * (name first, then title) is what a label or a list shows ("Para: Kamala Harris, vicepresidenta
 * de Estados Unidos") and what the receiver checks `message.to` against; `inSentence` follows a
 * preposition, where Spanish puts an article before a title: "Su mensaje va en camino a la
 * vicepresidenta Kamala Harris." Import default-campaign.complete.ts (in the package,
 * `civic-action/default-campaign`) where every language must be there at once.
 */
export const defaultCampaign: Campaign = {
  id: 'root-causes-2021',
  defaultLocale: 'en',
  title: {
    en: 'Twelve recommendations for Vice President Harris on migration',
    es: 'Doce recomendaciones para la vicepresidenta Harris sobre la migración',
  },
  intro: {},
  closing: {},
  recipients: [{name: {}, inSentence: {}}],
  message: {subject: {}, greeting: {}, lead: {}},
  recommendations: ids.map((id) => ({id, title: {}, text: {}})),
};

/** One language's texts of the built-in campaign, other than the title, in the campaign's order. */
export interface CampaignLanguage {
  intro: string;
  closing: string;
  recipients: Array<{name: string; inSentence: string}>;
  message: {subject: string; greeting: string; lead: string};
  /** By recommendation id, so that a text can never land under another recommendation. */
  recommendations: Record<string, {title: string; text: string}>;
}

/**
 * Puts a language's texts into the built-in campaign (or a copy of it), in place: widgets already
 * showing it keep the same campaign object, and with it their picks and draft, rather than taking
 * a new campaign.
 */
export function addLanguage(locale: string, text: CampaignLanguage, campaign = defaultCampaign): void {
  const {intro, closing, recipients, message, recommendations} = campaign;
  intro![locale] = text.intro;
  closing![locale] = text.closing;
  recipients!.forEach((recipient, i) => {
    recipient.name[locale] = text.recipients[i]!.name;
    recipient.inSentence![locale] = text.recipients[i]!.inSentence;
  });
  for (const key of ['subject', 'greeting', 'lead'] as const) message![key]![locale] = text.message[key];
  for (const {id, title, text: body} of recommendations) {
    title[locale] = text.recommendations[id]!.title;
    body[locale] = text.recommendations[id]!.text;
  }
}
