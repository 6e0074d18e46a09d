import type {Campaign} from './campaign-schema.js';

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
 * below never refer to it. Headlines, intro, subject and lead are ours, written in
 * plain words for readers with little formal schooling (see locales/GLOSSARY.md). The only
 * change to the release's Spanish is a no-break space inside "EE. UU.", which changes no
 * word and keeps the abbreviation whole on a phone's narrow line.
 *
 * Only the title is here in both languages (it is what names the campaign's languages, see
 * `campaignLocales`): the Spanish texts are in default-campaign-es.ts, a chunk that a Spanish
 * render waits for (lazy/campaign-languages.ts), so that an English reader never downloads them.
 * Until then, and if it cannot load, each text falls back to English (marked `lang="en"`).
 * Import default-campaign.complete.ts where both languages must be there at once.
 */
export const defaultCampaign: Campaign = {
  id: 'root-causes-2021',
  defaultLocale: 'en',
  title: {
    en: 'Twelve recommendations for Vice President Harris on migration',
    es: 'Doce recomendaciones para la vicepresidenta Harris sobre la migración',
  },
  intro: {
    en: 'In June 2021, before her trip to Guatemala, Vice President Kamala Harris received twelve recommendations from Alianza Americas and partner organizations. They ask for changes in Central America and in the United States. They aim to deal with the reasons people leave their countries, and to protect migrant families. Pick the ones you support and send them to her.',
  },
  closing: {
    en: 'We need new approaches to address the root causes of migration in a way that promotes the essential pillars of strengthening family unity and stronger mechanisms for humanitarian protection acknowledging the fundamentally positive impact of migration in the USA, and in Central American nations, as well as the human dignity of all people in the region.',
  },
  // Two forms, one per use. `name` (name first, then title) is what a label or a list shows ("Para:
  // Kamala Harris, vicepresidenta de Estados Unidos") and what the receiver checks `message.to`
  // against. `inSentence` follows a preposition, where Spanish puts an article before a title:
  // "Su mensaje va en camino a la vicepresidenta Kamala Harris."
  recipients: [
    {
      name: {en: 'Kamala Harris, Vice President of the United States'},
      inSentence: {en: 'Vice President Kamala Harris'},
    },
  ],
  message: {
    subject: {
      en: 'I support these recommendations on migration',
    },
    greeting: {
      en: 'Dear Vice President Harris,',
    },
    lead: {
      en: 'In June 2021, Alianza Americas and partner organizations gave you twelve recommendations. Today I still support these:',
    },
  },
  recommendations: [
    {
      id: 'economic-policy',
      title: {
        en: 'Fair economic policy and tax reform',
      },
      text: {
        en: 'Identify critical economic policy changes designed to boost employment, salary rates, true universal access to education and health care, and a tax reform intended to get those with the highest income levels to pay their fair-share in financing shared and sustainable progress.',
      },
    },
    {
      id: 'rule-of-law',
      title: {
        en: 'Strengthen the rule of law',
      },
      text: {
        en: 'Strengthening the rule of law is a priority. Funding and training for the administration of justice are essential in the fight against corruption and impunity.',
      },
    },
    {
      id: 'civil-society',
      title: {
        en: 'Partner with civil society',
      },
      text: {
        en: 'Acknowledge the invaluable role played by civil society organizations in Guatemala, Honduras and El Salvador, particularly those that are indigenous and afrodescendant expressions in this sector at the grassroots level, and elevate them as key future partners.',
      },
    },
    {
      id: 'local-development',
      title: {
        en: 'Support local economies and governments',
      },
      text: {
        en: 'Support national, as well as local efforts, to strengthen local economies, the governance of mayors and local authorities, the improvement of local infrastructure, fiscal management, access to services, and development.',
      },
    },
    {
      id: 'tps',
      title: {
        en: 'A new TPS for Honduras, Guatemala, El Salvador and Nicaragua',
      },
      text: {
        en: 'Actively help in the process to secure a new designation of Temporary Protected Status for nationals from Honduras, Guatemala, El Salvador, and Nicaragua who are already residing in the US. As it is well documented, the remittances sent by these populations to their families back home constitute the largest source of financial support to millions of households in these countries. Securing safety from deportation, as well as employment authorizations in the US, would greatly enhance their capacity to keep helping their loved ones.',
      },
    },
    {
      id: 'diaspora-partnership',
      title: {
        en: 'Work with Central American communities in the United States',
      },
      text: {
        en: 'Initiate a partnership between the US government, and Central American communities in the US, centered around the implementation of a shared pro-democracy, pro sustainable prosperity agenda. This partnership should recognize the fact that the biggest investors in Central American prosperity have been and will continue to be the nationals from these countries residing in the US.',
      },
    },
    {
      id: 'climate',
      title: {
        en: 'Act on climate change',
      },
      text: {
        en: 'Support the definition, adoption, and whenever applicable the strengthening and implementation of public policies in Central American countries and in Mexico for mitigation and adaptation to climate change, and to respond to environmental damage through prevention, humanitarian attention, and lasting solutions for those affected.',
      },
    },
    {
      id: 'authorized-migration',
      title: {
        en: 'More legal ways to migrate, and rights for migrant workers',
      },
      text: {
        en: 'Facilitate and expand options for authorized migration. In the area of labor-based migration, it is crucial to review current recruitment practices to eliminate abuse. Practices associated with the securement of temporary employment visas should ensure adherence to labor rights every step of the way, and guarantee access to labor justice for all migrant workers regardless of their immigration status.',
      },
    },
    {
      id: 'no-family-detention',
      title: {
        en: 'Stop detaining and separating migrant families',
      },
      text: {
        en: 'Support a zero-tolerance policy on detention and/or separation of migrant families, particularly when there are children involved.',
      },
    },
    {
      id: 'family-reunification',
      title: {
        en: 'Reinforce family reunification',
      },
      text: {
        en: 'Support the enactment of administrative and legislative policy changes designed to reinforce family reunification.',
      },
    },
    {
      id: 'end-title-42',
      title: {
        en: 'End the use of Title 42',
      },
      text: {
        en: 'Support the immediate end in the use of Title 42, as the chief tool to keep denying the right of people to apply for humanitarian protection in the US.',
      },
    },
    {
      id: 'due-process',
      title: {
        en: 'A fair process, with no arbitrary deportations or detentions',
      },
      text: {
        en: 'Ensure compliance with the principle of non-deportation and due process for accessing options for regular migration or to request different forms of humanitarian protection, ending arbitrary removals and detentions.',
      },
    },
  ],
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
 * Puts a language's texts into the built-in campaign, in place: widgets already showing it keep
 * the same campaign object, and with it their picks and draft, rather than taking a new campaign.
 */
export function addLanguage(locale: string, text: CampaignLanguage): void {
  const {intro, closing, recipients, message, recommendations} = defaultCampaign;
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
