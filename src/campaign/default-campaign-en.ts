import type {CampaignLanguage} from './default-campaign.js';

/**
 * The built-in campaign in English (see default-campaign.ts, which has its ids and its title in
 * each language): a chunk of its own, as its Spanish is, which a render in English loads
 * (lazy/campaign-languages.ts), and a render in another language only if that language's texts
 * cannot load. Recommendation texts and the closing call are the English press release's, word for
 * word. Headlines, intro, subject and lead are ours, in plain words (see locales/GLOSSARY.md).
 */
export const en: CampaignLanguage = {
  intro: 'In June 2021, before her trip to Guatemala, Vice President Kamala Harris received twelve recommendations from Alianza Americas and partner organizations. They ask for changes in Central America and in the United States. They aim to deal with the reasons people leave their countries, and to protect migrant families. Pick the ones you support and send them to her.',
  closing: 'We need new approaches to address the root causes of migration in a way that promotes the essential pillars of strengthening family unity and stronger mechanisms for humanitarian protection acknowledging the fundamentally positive impact of migration in the USA, and in Central American nations, as well as the human dignity of all people in the region.',
  recipients: [{name: 'Kamala Harris, Vice President of the United States', inSentence: 'Vice President Kamala Harris'}],
  message: {
    subject: 'I support these recommendations on migration',
    greeting: 'Dear Vice President Harris,',
    lead: 'In June 2021, Alianza Americas and partner organizations gave you twelve recommendations. Today I still support the following:',
  },
  recommendations: {
    'economic-policy': {
      title: 'Fair economic policy and tax reform',
      text: 'Identify critical economic policy changes designed to boost employment, salary rates, true universal access to education and health care, and a tax reform intended to get those with the highest income levels to pay their fair-share in financing shared and sustainable progress.',
    },
    'rule-of-law': {
      title: 'Strengthen the rule of law',
      text: 'Strengthening the rule of law is a priority. Funding and training for the administration of justice are essential in the fight against corruption and impunity.',
    },
    'civil-society': {
      title: 'Partner with civil society',
      text: 'Acknowledge the invaluable role played by civil society organizations in Guatemala, Honduras and El Salvador, particularly those that are indigenous and afrodescendant expressions in this sector at the grassroots level, and elevate them as key future partners.',
    },
    'local-development': {
      title: 'Support local economies and governments',
      text: 'Support national, as well as local efforts, to strengthen local economies, the governance of mayors and local authorities, the improvement of local infrastructure, fiscal management, access to services, and development.',
    },
    tps: {
      title: 'A new TPS for Honduras, Guatemala, El Salvador and Nicaragua',
      text: 'Actively help in the process to secure a new designation of Temporary Protected Status for nationals from Honduras, Guatemala, El Salvador, and Nicaragua who are already residing in the US. As it is well documented, the remittances sent by these populations to their families back home constitute the largest source of financial support to millions of households in these countries. Securing safety from deportation, as well as employment authorizations in the US, would greatly enhance their capacity to keep helping their loved ones.',
    },
    'diaspora-partnership': {
      title: 'Work with Central American communities in the United States',
      text: 'Initiate a partnership between the US government, and Central American communities in the US, centered around the implementation of a shared pro-democracy, pro sustainable prosperity agenda. This partnership should recognize the fact that the biggest investors in Central American prosperity have been and will continue to be the nationals from these countries residing in the US.',
    },
    climate: {
      title: 'Act on climate change',
      text: 'Support the definition, adoption, and whenever applicable the strengthening and implementation of public policies in Central American countries and in Mexico for mitigation and adaptation to climate change, and to respond to environmental damage through prevention, humanitarian attention, and lasting solutions for those affected.',
    },
    'authorized-migration': {
      title: 'More legal ways to migrate, and rights for migrant workers',
      text: 'Facilitate and expand options for authorized migration. In the area of labor-based migration, it is crucial to review current recruitment practices to eliminate abuse. Practices associated with the securement of temporary employment visas should ensure adherence to labor rights every step of the way, and guarantee access to labor justice for all migrant workers regardless of their immigration status.',
    },
    'no-family-detention': {
      title: 'Stop detaining and separating migrant families',
      text: 'Support a zero-tolerance policy on detention and/or separation of migrant families, particularly when there are children involved.',
    },
    'family-reunification': {
      title: 'Reinforce family reunification',
      text: 'Support the enactment of administrative and legislative policy changes designed to reinforce family reunification.',
    },
    'end-title-42': {
      title: 'End the use of Title 42',
      text: 'Support the immediate end in the use of Title 42, as the chief tool to keep denying the right of people to apply for humanitarian protection in the US.',
    },
    'due-process': {
      title: 'A fair process, with no arbitrary deportations or detentions',
      text: 'Ensure compliance with the principle of non-deportation and due process for accessing options for regular migration or to request different forms of humanitarian protection, ending arbitrary removals and detentions.',
    },
  },
};
