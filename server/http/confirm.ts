import type {Context} from 'hono';
import type {CampaignConfig} from '../config/config-schema.js';
import type {LoadedConfig} from '../config/load-config.js';
import type {Database} from '../db/database.js';
import {confirmationState, confirmSubmission} from '../delivery/plan.js';
import {escapeHtml, htmlPage, pageHeaders} from './page.js';

type Outcome = 'pending' | 'confirmed' | 'already' | 'expired' | 'unknown' | 'elsewhere';

const PAGES: Record<'en' | 'es', Record<Outcome, {title: string; text: string}> & {button: string}> = {
  en: {
    pending: {title: 'Send your message?', text: 'Press the button to confirm that you wrote this message. It then goes to the officials.'},
    confirmed: {title: 'Thank you: your message is confirmed', text: 'It is on its way to the officials. You can close this page.'},
    already: {title: 'Your message is already confirmed', text: 'There is nothing more to do. You can close this page.'},
    expired: {title: 'This link has expired', text: 'Links work for 7 days, and your message was not sent. You can write it again on the page where you found it.'},
    unknown: {title: 'This link does not work', text: 'Check that the whole link was copied from the email.'},
    elsewhere: {title: 'Your message is not confirmed yet', text: 'The confirmation came from another site. Open the link in the email again, and press the button there.'},
    button: 'Confirm and send my message',
  },
  es: {
    pending: {title: '¿Enviamos su mensaje?', text: 'Pulse el botón para confirmar que usted escribió este mensaje. Entonces irá a los funcionarios.'},
    confirmed: {title: 'Gracias: su mensaje quedó confirmado', text: 'Va en camino a los funcionarios. Puede cerrar esta página.'},
    already: {title: 'Su mensaje ya estaba confirmado', text: 'No tiene que hacer nada más. Puede cerrar esta página.'},
    expired: {title: 'Este enlace ya no sirve', text: 'Los enlaces sirven durante 7 días, y su mensaje no se envió. Puede escribirlo otra vez en la página donde lo encontró.'},
    unknown: {title: 'Este enlace no funciona', text: 'Revise que copió el enlace completo del correo.'},
    elsewhere: {title: 'Su mensaje todavía no está confirmado', text: 'La confirmación llegó desde otro sitio. Abra otra vez el enlace del correo y pulse el botón allí.'},
    button: 'Confirmar y enviar mi mensaje',
  },
};

const STATUS: Record<Outcome, 200 | 403 | 404 | 410> = {pending: 200, confirmed: 200, already: 200, expired: 410, unknown: 404, elsewhere: 403};

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

interface ConfirmOptions {
  config: LoadedConfig;
  database: Database;
  campaigns: Map<string, CampaignConfig>;
  now: () => Date;
  onConfirmed?: (() => void) | undefined;
}

function page(c: Context, outcome: Outcome, locale: string | undefined): Response {
  const lang = locale?.split('-')[0] === 'es' || (!locale && /^es\b/i.test(c.req.header('Accept-Language') ?? '')) ? 'es' : 'en';
  const texts = PAGES[lang];
  const {title, text} = texts[outcome];
  // An empty action posts back to this very address, token and all.
  const button = outcome === 'pending' ? `<form method="post" action=""><button type="submit">${escapeHtml(texts.button)}</button></form>` : '';
  pageHeaders((name, value) => c.header(name, value), {postsHere: outcome === 'pending'});
  return c.html(htmlPage(lang, title, `<p>${escapeHtml(text)}</p>${button}`), STATUS[outcome]);
}

/**
 * `GET /confirm/<token>` (and HEAD, which Hono answers from it): the supporter's link shows what
 * it would do and changes nothing. Mail scanners and previews fetch every link in an email, so a
 * fetch is no sign that the supporter owns the address; a press of the page's button is.
 */
export async function handleConfirmPage(c: Context, {database, now}: ConfirmOptions): Promise<Response> {
  const token = c.req.param('token') ?? '';
  const state = TOKEN.test(token) ? await confirmationState(database.db, token, now()) : {outcome: 'unknown' as const};
  return page(c, state.outcome, state.locale);
}

/**
 * `POST /confirm/<token>`: the button. The token is the secret; the origin is checked as for any
 * form post (`receive` in submit.ts): a browser's post from a page not the receiver's own is refused.
 */
export async function handleConfirm(c: Context, {config, database, campaigns, now, onConfirmed}: ConfirmOptions): Promise<Response> {
  const token = c.req.param('token') ?? '';
  const origin = c.req.header('Origin');
  const own = [new URL(c.req.url).origin, ...(config.publicUrl ? [new URL(config.publicUrl).origin] : [])];
  if (origin !== undefined && !own.includes(origin)) {
    const state = TOKEN.test(token) ? await confirmationState(database.db, token, now()) : {outcome: 'unknown' as const};
    return page(c, 'elsewhere', state.locale);
  }
  const result = TOKEN.test(token) ? await database.write((tx) => confirmSubmission(tx, config, campaigns, token, now())) : {outcome: 'unknown' as const};
  if (result.outcome === 'confirmed') onConfirmed?.();
  return page(c, result.outcome, result.locale);
}
