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
    es: 'En junio de 2021, antes de su viaje a Guatemala, la vicepresidenta Kamala Harris recibió doce recomendaciones de Alianza Americas y otras organizaciones. Piden cambios en Centroamérica y en Estados Unidos. Buscan atender las razones por las que la gente deja su país y proteger a las familias migrantes. Elija las que apoya y envíeselas.',
  },
  closing: {
    en: 'We need new approaches to address the root causes of migration in a way that promotes the essential pillars of strengthening family unity and stronger mechanisms for humanitarian protection acknowledging the fundamentally positive impact of migration in the USA, and in Central American nations, as well as the human dignity of all people in the region.',
    es: 'Necesitamos nuevos enfoques para abordar las causas fundamentales de la migración de una manera que promueva los pilares esenciales del fortalecimiento de la unidad familiar y mecanismos más sólidos de protección humanitaria, reconociendo el impacto fundamentalmente positivo de la migración en los Estados Unidos y en las naciones centroamericanas, así como la dignidad humana de todas las personas de la región.',
  },
  // Two forms, one per use. `name` (name first, then title) is what a label or a list shows ("Para:
  // Kamala Harris, vicepresidenta de Estados Unidos") and what the receiver checks `message.to`
  // against. `inSentence` follows a preposition, where Spanish puts an article before a title:
  // "Su mensaje va en camino a la vicepresidenta Kamala Harris."
  recipients: [
    {
      name: {en: 'Kamala Harris, Vice President of the United States', es: 'Kamala Harris, vicepresidenta de Estados Unidos'},
      inSentence: {en: 'Vice President Kamala Harris', es: 'la vicepresidenta Kamala Harris'},
    },
  ],
  message: {
    subject: {
      en: 'I support these recommendations on migration',
      es: 'Apoyo estas recomendaciones sobre la migración',
    },
    greeting: {
      en: 'Dear Vice President Harris,',
      es: 'Estimada vicepresidenta Harris:',
    },
    lead: {
      en: 'In June 2021, Alianza Americas and partner organizations gave you twelve recommendations. Today I still support these:',
      es: 'En junio de 2021, Alianza Americas y otras organizaciones le entregaron doce recomendaciones. Hoy sigo apoyando estas:',
    },
  },
  recommendations: [
    {
      id: 'economic-policy',
      title: {
        en: 'Fair economic policy and tax reform',
        es: 'Política económica justa y reforma tributaria',
      },
      text: {
        en: 'Identify critical economic policy changes designed to boost employment, salary rates, true universal access to education and health care, and a tax reform intended to get those with the highest income levels to pay their fair-share in financing shared and sustainable progress.',
        es: 'Identificar cambios críticos de política económica diseñados para aumentar el empleo, los salarios, garantizar el acceso efectivo universal a la educación y la salud, y una reforma tributaria destinada a lograr que quienes tienen los niveles de ingresos más altos contribuyan de la misma forma al financiamiento del desarrollo compartido y sostenible.',
      },
    },
    {
      id: 'rule-of-law',
      title: {
        en: 'Strengthen the rule of law',
        es: 'Fortalecer el estado de derecho',
      },
      text: {
        en: 'Strengthening the rule of law is a priority. Funding and training for the administration of justice are essential in the fight against corruption and impunity.',
        es: 'El fortalecimiento del estado de derecho es una prioridad. El financiamiento y la formación para la administración de justicia son fundamentales en la lucha contra la corrupción y la impunidad.',
      },
    },
    {
      id: 'civil-society',
      title: {
        en: 'Partner with civil society',
        es: 'Aliarse con la sociedad civil',
      },
      text: {
        en: 'Acknowledge the invaluable role played by civil society organizations in Guatemala, Honduras and El Salvador, particularly those that are indigenous and afrodescendant expressions in this sector at the grassroots level, and elevate them as key future partners.',
        es: 'Reconocer el invaluable papel que juegan las organizaciones de la sociedad civil en Guatemala, Honduras y El Salvador, particularmente aquellas que son expresiones indígenas y afrodescendientes en este sector a nivel de base, y elevarlas como futuros socios clave.',
      },
    },
    {
      id: 'local-development',
      title: {
        en: 'Support local economies and governments',
        es: 'Apoyar las economías y los gobiernos locales',
      },
      text: {
        en: 'Support national, as well as local efforts, to strengthen local economies, the governance of mayors and local authorities, the improvement of local infrastructure, fiscal management, access to services, and development.',
        es: 'Apoyar los esfuerzos nacionales y locales para fortalecer las economías locales, la gobernanza de los alcaldes y las autoridades locales, el trabajo local para mejorar la infraestructura, la gestión fiscal, el acceso a los servicios y el desarrollo.',
      },
    },
    {
      id: 'tps',
      title: {
        en: 'A new TPS for Honduras, Guatemala, El Salvador and Nicaragua',
        es: 'Un nuevo TPS para Honduras, Guatemala, El Salvador y Nicaragua',
      },
      text: {
        en: 'Actively help in the process to secure a new designation of Temporary Protected Status for nationals from Honduras, Guatemala, El Salvador, and Nicaragua who are already residing in the US. As it is well documented, the remittances sent by these populations to their families back home constitute the largest source of financial support to millions of households in these countries. Securing safety from deportation, as well as employment authorizations in the US, would greatly enhance their capacity to keep helping their loved ones.',
        es: 'Ayudar activamente en el proceso para asegurar una nueva designación de Estatus de Protección Temporal (TPS, por sus siglas en inglés) para ciudadanos de Honduras, Guatemala, El Salvador y Nicaragua que ya residen en los EE.\u00a0UU. Como está bien documentado, las remesas enviadas por estas poblaciones a sus familias en sus países de origen constituyen la mayor fuente de apoyo financiero para millones de hogares en estos países. Garantizar la seguridad frente a la deportación, así como las autorizaciones de empleo en los Estados Unidos, mejoraría enormemente su capacidad para seguir ayudando a sus seres queridos.',
      },
    },
    {
      id: 'diaspora-partnership',
      title: {
        en: 'Work with Central American communities in the United States',
        es: 'Trabajar junto a las comunidades centroamericanas en Estados Unidos',
      },
      text: {
        en: 'Initiate a partnership between the US government, and Central American communities in the US, centered around the implementation of a shared pro-democracy, pro sustainable prosperity agenda. This partnership should recognize the fact that the biggest investors in Central American prosperity have been and will continue to be the nationals from these countries residing in the US.',
        es: 'Iniciar un esfuerzo colaborativo entre el gobierno de los EE.\u00a0UU. y las comunidades centroamericanas en los EE.\u00a0UU., centrada en la implementación de una agenda compartida a favor de la democracia y la prosperidad sostenible. Esta colaboración debe partir del reconocimiento del hecho de que los mayores inversionistas en la prosperidad centroamericana han sido y seguirán siendo los nacionales de estos países que residen en los Estados Unidos.',
      },
    },
    {
      id: 'climate',
      title: {
        en: 'Act on climate change',
        es: 'Actuar ante el cambio climático',
      },
      text: {
        en: 'Support the definition, adoption, and whenever applicable the strengthening and implementation of public policies in Central American countries and in Mexico for mitigation and adaptation to climate change, and to respond to environmental damage through prevention, humanitarian attention, and lasting solutions for those affected.',
        es: 'Apoyar la definición, adopción y en donde sea aplicable; el fortalecimiento e implementación de políticas públicas en los países centroamericanos y en México para la mitigación y adaptación ante el cambio climático, y para responder al daño ambiental a través de la prevención, atención humanitaria y soluciones duraderas para los afectados.',
      },
    },
    {
      id: 'authorized-migration',
      title: {
        en: 'More legal ways to migrate, and rights for migrant workers',
        es: 'Más caminos legales para migrar y derechos para los trabajadores migrantes',
      },
      text: {
        en: 'Facilitate and expand options for authorized migration. In the area of labor-based migration, it is crucial to review current recruitment practices to eliminate abuse. Practices associated with the securement of temporary employment visas should ensure adherence to labor rights every step of the way, and guarantee access to labor justice for all migrant workers regardless of their immigration status.',
        es: 'Facilitar y ampliar las opciones para la migración autorizada. En el ámbito de la migración laboral, es fundamental revisar las prácticas de contratación actuales para eliminar abusos. Las prácticas asociadas con la obtención de visas de empleo temporal deben asegurar el cumplimiento de los derechos laborales en cada paso del proceso y garantizar el acceso a la justicia laboral para todos los trabajadores migrantes, independientemente de su estatus migratorio.',
      },
    },
    {
      id: 'no-family-detention',
      title: {
        en: 'Stop detaining and separating migrant families',
        es: 'No detener ni separar a las familias migrantes',
      },
      text: {
        en: 'Support a zero-tolerance policy on detention and/or separation of migrant families, particularly when there are children involved.',
        es: 'Apoyar una política de tolerancia cero sobre la detención y/o separación de familias migrantes, particularmente cuando hay niños y niñas involucrados.',
      },
    },
    {
      id: 'family-reunification',
      title: {
        en: 'Reinforce family reunification',
        es: 'Reforzar la reunificación familiar',
      },
      text: {
        en: 'Support the enactment of administrative and legislative policy changes designed to reinforce family reunification.',
        es: 'Apoyar la promulgación de cambios de política administrativa y legislativa diseñados para reforzar la reunificación familiar.',
      },
    },
    {
      id: 'end-title-42',
      title: {
        en: 'End the use of Title 42',
        es: 'Poner fin al uso del Título 42',
      },
      text: {
        en: 'Support the immediate end in the use of Title 42, as the chief tool to keep denying the right of people to apply for humanitarian protection in the US.',
        es: 'Apoyar el fin inmediato del uso del Título 42 como la principal herramienta para seguir negando el derecho de las personas a solicitar protección humanitaria en los EE.\u00a0UU.',
      },
    },
    {
      id: 'due-process',
      title: {
        en: 'A fair process, with no arbitrary deportations or detentions',
        es: 'Un proceso justo, sin deportaciones ni detenciones arbitrarias',
      },
      text: {
        en: 'Ensure compliance with the principle of non-deportation and due process for accessing options for regular migration or to request different forms of humanitarian protection, ending arbitrary removals and detentions.',
        es: 'Asegurar el cumplimiento del principio de no deportación y el debido proceso para acceder a opciones de migración autorizada o el derecho a solicitar diferentes formas de protección humanitaria, poniendo fin a las deportaciones y detenciones arbitrarias.',
      },
    },
  ],
};
