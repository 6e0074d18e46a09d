import type {Context} from 'hono';
import type {CampaignConfig} from '../config/config-schema.js';
import type {LoadedConfig} from '../config/load-config.js';
import type {Database} from '../db/database.js';
import {confirmSubmission} from '../delivery/plan.js';
import {escapeHtml, htmlPage, pageHeaders} from './page.js';

type Outcome = 'confirmed' | 'already' | 'expired' | 'unknown';

const PAGES: Record<'en' | 'es', Record<Outcome, {title: string; text: string}>> = {
  en: {
    confirmed: {title: 'Thank you: your message is confirmed', text: 'It is on its way to the officials. You can close this page.'},
    already: {title: 'Your message is already confirmed', text: 'There is nothing more to do. You can close this page.'},
    expired: {title: 'This link has expired', text: 'Links work for 7 days, and your message was not sent. You can write it again on the page where you found it.'},
    unknown: {title: 'This link does not work', text: 'Check that the whole link was copied from the email.'},
  },
  es: {
    confirmed: {title: 'Gracias: su mensaje quedó confirmado', text: 'Va en camino a los funcionarios. Puede cerrar esta página.'},
    already: {title: 'Su mensaje ya estaba confirmado', text: 'No tiene que hacer nada más. Puede cerrar esta página.'},
    expired: {title: 'Este enlace ya no sirve', text: 'Los enlaces sirven durante 7 días, y su mensaje no se envió. Puede escribirlo otra vez en la página donde lo encontró.'},
    unknown: {title: 'Este enlace no funciona', text: 'Revise que copió el enlace completo del correo.'},
  },
};

const STATUS: Record<Outcome, 200 | 404 | 410> = {confirmed: 200, already: 200, expired: 410, unknown: 404};

/** `GET /confirm/<token>`: the supporter's link, answered with a page in their language. */
export async function handleConfirm(c: Context, {config, database, campaigns, now, onConfirmed}: {config: LoadedConfig; database: Database; campaigns: Map<string, CampaignConfig>; now: () => Date; onConfirmed?: (() => void) | undefined}): Promise<Response> {
  const token = c.req.param('token') ?? '';
  const result = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await database.write((tx) => confirmSubmission(tx, config, campaigns, token, now())) : {outcome: 'unknown' as const};
  if (result.outcome === 'confirmed') onConfirmed?.();
  const lang = result.locale?.split('-')[0] === 'es' || (!result.locale && /^es\b/i.test(c.req.header('Accept-Language') ?? '')) ? 'es' : 'en';
  const {title, text} = PAGES[lang][result.outcome];
  pageHeaders((name, value) => c.header(name, value));
  return c.html(
    htmlPage(lang, title, `<p>${escapeHtml(text)}</p>`),
    STATUS[result.outcome],
  );
}
