import type {CampaignLanguage} from './default-campaign.js';

/**
 * The built-in campaign in Spanish (see default-campaign.ts, which has its English and its Spanish
 * title): a chunk of its own, which only a render in Spanish loads (lazy/campaign-languages.ts).
 * Recommendation texts and the closing call are the Spanish press release's, word for word; its
 * two TPS bullets are joined under `tps`. The only change is a no-break space inside "EE. UU.".
 */
export const es: CampaignLanguage = {
  intro: 'En junio de 2021, antes de su viaje a Guatemala, la vicepresidenta Kamala Harris recibió doce recomendaciones de Alianza Americas y otras organizaciones. Piden cambios en Centroamérica y en Estados Unidos. Buscan atender las razones por las que la gente deja su país y proteger a las familias migrantes. Elija las que apoya y envíeselas.',
  closing: 'Necesitamos nuevos enfoques para abordar las causas fundamentales de la migración de una manera que promueva los pilares esenciales del fortalecimiento de la unidad familiar y mecanismos más sólidos de protección humanitaria, reconociendo el impacto fundamentalmente positivo de la migración en los Estados Unidos y en las naciones centroamericanas, así como la dignidad humana de todas las personas de la región.',
  recipients: [{name: 'Kamala Harris, vicepresidenta de Estados Unidos', inSentence: 'la vicepresidenta Kamala Harris'}],
  message: {
    subject: 'Apoyo estas recomendaciones sobre la migración',
    greeting: 'Estimada vicepresidenta Harris:',
    lead: 'En junio de 2021, Alianza Americas y otras organizaciones le entregaron doce recomendaciones. Hoy sigo apoyando lo siguiente:',
  },
  recommendations: {
    'economic-policy': {
      title: 'Política económica justa y reforma tributaria',
      text: 'Identificar cambios críticos de política económica diseñados para aumentar el empleo, los salarios, garantizar el acceso efectivo universal a la educación y la salud, y una reforma tributaria destinada a lograr que quienes tienen los niveles de ingresos más altos contribuyan de la misma forma al financiamiento del desarrollo compartido y sostenible.',
    },
    'rule-of-law': {
      title: 'Fortalecer el estado de derecho',
      text: 'El fortalecimiento del estado de derecho es una prioridad. El financiamiento y la formación para la administración de justicia son fundamentales en la lucha contra la corrupción y la impunidad.',
    },
    'civil-society': {
      title: 'Aliarse con la sociedad civil',
      text: 'Reconocer el invaluable papel que juegan las organizaciones de la sociedad civil en Guatemala, Honduras y El Salvador, particularmente aquellas que son expresiones indígenas y afrodescendientes en este sector a nivel de base, y elevarlas como futuros socios clave.',
    },
    'local-development': {
      title: 'Apoyar las economías y los gobiernos locales',
      text: 'Apoyar los esfuerzos nacionales y locales para fortalecer las economías locales, la gobernanza de los alcaldes y las autoridades locales, el trabajo local para mejorar la infraestructura, la gestión fiscal, el acceso a los servicios y el desarrollo.',
    },
    tps: {
      title: 'Un nuevo TPS para Honduras, Guatemala, El Salvador y Nicaragua',
      text: 'Ayudar activamente en el proceso para asegurar una nueva designación de Estatus de Protección Temporal (TPS, por sus siglas en inglés) para ciudadanos de Honduras, Guatemala, El Salvador y Nicaragua que ya residen en los EE.\u00a0UU. Como está bien documentado, las remesas enviadas por estas poblaciones a sus familias en sus países de origen constituyen la mayor fuente de apoyo financiero para millones de hogares en estos países. Garantizar la seguridad frente a la deportación, así como las autorizaciones de empleo en los Estados Unidos, mejoraría enormemente su capacidad para seguir ayudando a sus seres queridos.',
    },
    'diaspora-partnership': {
      title: 'Trabajar junto a las comunidades centroamericanas en Estados Unidos',
      text: 'Iniciar un esfuerzo colaborativo entre el gobierno de los EE.\u00a0UU. y las comunidades centroamericanas en los EE.\u00a0UU., centrada en la implementación de una agenda compartida a favor de la democracia y la prosperidad sostenible. Esta colaboración debe partir del reconocimiento del hecho de que los mayores inversionistas en la prosperidad centroamericana han sido y seguirán siendo los nacionales de estos países que residen en los Estados Unidos.',
    },
    climate: {
      title: 'Actuar ante el cambio climático',
      text: 'Apoyar la definición, adopción y en donde sea aplicable; el fortalecimiento e implementación de políticas públicas en los países centroamericanos y en México para la mitigación y adaptación ante el cambio climático, y para responder al daño ambiental a través de la prevención, atención humanitaria y soluciones duraderas para los afectados.',
    },
    'authorized-migration': {
      title: 'Más caminos legales para migrar y derechos para los trabajadores migrantes',
      text: 'Facilitar y ampliar las opciones para la migración autorizada. En el ámbito de la migración laboral, es fundamental revisar las prácticas de contratación actuales para eliminar abusos. Las prácticas asociadas con la obtención de visas de empleo temporal deben asegurar el cumplimiento de los derechos laborales en cada paso del proceso y garantizar el acceso a la justicia laboral para todos los trabajadores migrantes, independientemente de su estatus migratorio.',
    },
    'no-family-detention': {
      title: 'No detener ni separar a las familias migrantes',
      text: 'Apoyar una política de tolerancia cero sobre la detención y/o separación de familias migrantes, particularmente cuando hay niños y niñas involucrados.',
    },
    'family-reunification': {
      title: 'Reforzar la reunificación familiar',
      text: 'Apoyar la promulgación de cambios de política administrativa y legislativa diseñados para reforzar la reunificación familiar.',
    },
    'end-title-42': {
      title: 'Poner fin al uso del Título 42',
      text: 'Apoyar el fin inmediato del uso del Título 42 como la principal herramienta para seguir negando el derecho de las personas a solicitar protección humanitaria en los EE.\u00a0UU.',
    },
    'due-process': {
      title: 'Un proceso justo, sin deportaciones ni detenciones arbitrarias',
      text: 'Asegurar el cumplimiento del principio de no deportación y el debido proceso para acceder a opciones de migración autorizada o el derecho a solicitar diferentes formas de protección humanitaria, poniendo fin a las deportaciones y detenciones arbitrarias.',
    },
  },
};
