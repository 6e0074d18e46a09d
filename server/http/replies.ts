import type {ErrorReplyData} from '../../src/schema.js';

/**
 * Refusals in the reply format the widget reads (`{"error": {"message", "fields"}}`), in the
 * reader's language where the receiver knows it: the widget shows `message` and puts each of
 * `fields` under the field it names.
 */
export interface ReplyTexts {
  invalid: string;
  field: string;
  email: string;
  unknownCampaign: (id: string) => string;
  origin: string;
  recipients: string;
  recommendations: string;
  conflict: string;
  key: string;
  tooMany: string;
}

const TEXTS: {en: ReplyTexts; es: ReplyTexts} = {
  en: {
    invalid: 'Some of what was sent is not valid.',
    field: 'This is not valid.',
    email: 'This email address is not valid. Write it like this: name@example.org',
    unknownCampaign: (id: string) => `This receiver does not take submissions for campaign "${id}".`,
    origin: 'This page is not one of the campaign’s partner pages.',
    recipients: 'The message may only go to the campaign’s own officials.',
    recommendations: 'One of the picked recommendations is not part of this campaign.',
    conflict: 'Another submission already has this id.',
    key: 'The Idempotency-Key header must equal the submission’s id.',
    tooMany: 'Too many messages were sent from here. Please try again later.',
  },
  es: {
    invalid: 'Parte de lo enviado no es válido.',
    field: 'Este dato no es válido.',
    email: 'Este correo electrónico no es válido. Escríbalo así: nombre@ejemplo.org',
    unknownCampaign: (id: string) => `Este receptor no recibe envíos de la campaña "${id}".`,
    origin: 'Esta página no es una de las páginas aliadas de la campaña.',
    recipients: 'El mensaje solo puede ir a los funcionarios de la campaña.',
    recommendations: 'Una de las recomendaciones elegidas no es de esta campaña.',
    conflict: 'Ya hay otro envío con este identificador.',
    key: 'El encabezado Idempotency-Key debe ser igual al identificador del envío.',
    tooMany: 'Se enviaron demasiados mensajes desde aquí. Vuelva a intentarlo más tarde.',
  },
};

/** The texts for a submission's `locale` (its primary language), English when we have none. */
export function textsFor(locale: unknown): ReplyTexts {
  const language = typeof locale === 'string' ? locale.split('-')[0]!.toLowerCase() : 'en';
  return language === 'es' ? TEXTS.es : TEXTS.en;
}

/** The widget's own reply schema types it: the two sides cannot drift apart. */
export function errorBody(message: string, fields?: Record<string, string>): ErrorReplyData {
  return {error: fields && Object.keys(fields).length ? {message, fields} : {message}};
}
