import {randomUUID} from 'node:crypto';
import type {Context} from 'hono';
import {LocaleCode, Submission, SUBMISSION_VERSION, type SubmissionData} from '../../src/schema.js';
import type {Campaign} from '../../src/campaign/campaign-schema.js';
import {pageAddress} from '../../src/send/page-address.js';
import {campaignLocales, inCampaignOrder} from '../../src/campaign/campaign-text.js';
import {matchLocale} from '../../src/i18n/resolve-locale.js';
import {composeMessage, signedBody, signerOf} from '../../src/message/compose-message.js';
import {contractArticles, namesInSentence, onItsWayText} from '../../src/message/recipient-sentences.js';
import {loadInterfaceLocale} from '../../src/i18n/localization.js';
import {oneLine} from '../../src/one-line.js';
import type {CampaignConfig} from '../config/config-schema.js';
import {escapeHtml, htmlPage, pageHeaders} from './page.js';
import {textsFor, type ReplyTexts} from './replies.js';
import {receive, type SubmitContext} from './submit.js';

/**
 * A browser's own post of the pre-rendered widget's form, when the script never ran
 * (`noscript=1`, see README "Without JavaScript"). The form carries only what a reader chose and
 * typed; the receiver supplies the rest (the id, the time, the page, the message composed from
 * the campaign's texts with the widget's own composer), then takes it like any other
 * submission, and answers with a page in the form's language, never with JSON.
 */

interface PageTexts {
  thanks: string;
  confirmTitle: string;
  confirm: (names: string, email: string) => string;
  sentCopy: string;
  notSent: string;
  problems: string;
  noPick: string;
  unknownPick: (id: string) => string;
  noTexts: string;
  back: string;
  backHint: string;
  labels: Record<string, string>;
}

const PAGE_TEXTS: {en: PageTexts; es: PageTexts} = {
  en: {
    thanks: 'Thank you: your message was sent',
    confirmTitle: 'One more step: confirm your message',
    confirm: (names, email) => `We sent an email to ${email}. Open the link in it, and your message goes to ${names}.`,
    sentCopy: 'Your message',
    notSent: 'Your message was not sent',
    problems: 'Please fix this, then send again:',
    noPick: 'No recommendation was ticked. Tick at least one that you support.',
    unknownPick: (id) => `"${id}" is not one of this campaign’s recommendations.`,
    noTexts: 'This receiver cannot write the message for this campaign without JavaScript. Please turn JavaScript on, or write to the organizers.',
    back: 'Back to the form',
    backHint: 'Your browser’s Back button keeps what you wrote.',
    labels: {recommendations: 'Recommendations', 'supporter.name': 'Your name', 'supporter.email': 'Your email', 'supporter.postalCode': 'Postal code', consent: 'Consent', form: 'The form'},
  },
  es: {
    thanks: 'Gracias: su mensaje se envió',
    confirmTitle: 'Un paso más: confirme su mensaje',
    confirm: (names, email) => `Le enviamos un correo a ${email}. Abra el enlace que trae, y su mensaje irá a ${names}.`,
    sentCopy: 'Su mensaje',
    notSent: 'Su mensaje no se envió',
    problems: 'Corrija esto y vuelva a enviarlo:',
    noPick: 'No marcó ninguna recomendación. Marque al menos una que apoye.',
    unknownPick: (id) => `"${id}" no es una de las recomendaciones de esta campaña.`,
    noTexts: 'Este receptor no puede escribir el mensaje de esta campaña sin JavaScript. Active JavaScript o escriba a los organizadores.',
    back: 'Volver al formulario',
    backHint: 'El botón Atrás de su navegador conserva lo que escribió.',
    labels: {recommendations: 'Recomendaciones', 'supporter.name': 'Su nombre', 'supporter.email': 'Su correo electrónico', 'supporter.postalCode': 'Código postal', consent: 'Consentimiento', form: 'El formulario'},
  },
};

const languageOf = (locale: string | null): 'en' | 'es' => (locale?.split('-')[0]?.toLowerCase() === 'es' ? 'es' : 'en');

function knownLocale(locale: string): boolean {
  if (!LocaleCode.safeParse(locale).success) return false;
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** A URL of one of `origins`, or undefined: a page's address is only taken from a partner. */
function partnerUrl(value: string | undefined, origins: readonly string[]): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return origins.includes(url.origin) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** One problem, under the name of the field it is about. */
type Problem = {field: string; text: string};

function problemsOf(issues: readonly {path: readonly PropertyKey[]; format?: string}[], page: PageTexts, texts: ReplyTexts): Problem[] {
  const seen = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path.filter((key) => typeof key === 'string').join('.');
    const field = path in page.labels ? path : 'form';
    seen.set(field, seen.get(field) ?? (field === 'recommendations' ? page.noPick : issue.format === 'email' ? texts.email : texts.field));
  }
  return [...seen].map(([field, text]) => ({field, text}));
}

interface Refusal {
  status: 403 | 404 | 409 | 422 | 429 | 501;
  message?: string;
  problems?: Problem[];
}

function refusalPage(c: Context, lang: 'en' | 'es', back: string | undefined, {status, message, problems = []}: Refusal): Response {
  const page = PAGE_TEXTS[lang];
  const list = problems.length
    ? `<p>${escapeHtml(page.problems)}</p><ul>${problems.map((p) => `<li><strong>${escapeHtml(page.labels[p.field] ?? p.field)}</strong>: ${escapeHtml(p.text)}</li>`).join('')}</ul>`
    : '';
  const backLink = back ? `<p><a href="${escapeHtml(back)}">${escapeHtml(page.back)}</a></p>` : '';
  pageHeaders((name, value) => c.header(name, value));
  return c.html(htmlPage(lang, page.notSent, `${message ? `<p>${escapeHtml(message)}</p>` : ''}${list}${backLink}<p>${escapeHtml(page.backHint)}</p>`), status);
}

function thanksPage(c: Context, lang: 'en' | 'es', submission: SubmissionData, composed: {to: {name: string; inSentence?: string | undefined}[]}, confirm: boolean, status: 200 | 201): Response {
  const page = PAGE_TEXTS[lang];
  const email = submission.supporter.email ?? '';
  const title = confirm ? page.confirmTitle : page.thanks;
  const where = confirm ? contractArticles(page.confirm(namesInSentence(composed.to, lang), email), lang) : onItsWayText(composed.to, lang);
  const copy = `<h2>${escapeHtml(page.sentCopy)}</h2><p><strong>${escapeHtml(submission.message.subject)}</strong></p><blockquote lang="${escapeHtml(submission.message.locale)}">${escapeHtml(submission.message.body)}</blockquote>`;
  pageHeaders((name, value) => c.header(name, value));
  return c.html(htmlPage(lang, title, `${where ? `<p>${escapeHtml(where)}</p>` : ''}${copy}`), status);
}

/** What the form sent, as the submission the widget would have built for the same choices. */
function buildFromForm(form: URLSearchParams, campaign: Campaign, locale: string, source: string, {id, at}: {id: string; at: Date}) {
  const picks = inCampaignOrder(campaign, new Set(form.getAll('recommendations')));
  const composed = composeMessage({campaign, locale, picks: new Set(picks)});
  const typed = (field: string) => oneLine(form.get(field) ?? '').trim();
  const supporter = Object.fromEntries((['name', 'email', 'postalCode'] as const).map((field) => [field, typed(`supporter.${field}`)] as const).filter(([, value]) => value !== ''));
  // The name signs the message where the form asks it, as in the widget; else the campaign's wording.
  const signer = signerOf(composed, supporter.name ?? '', form.has('supporter.name'));
  const raw = {
    version: Number(form.get('version') ?? SUBMISSION_VERSION),
    id,
    campaign: campaign.id,
    locale,
    recommendations: picks,
    message: {to: composed.to.map((r) => r.name), subject: composed.subject, body: signedBody(composed.body, composed.signOff, signer.text), locale},
    supporter,
    consent: form.get('consent') === 'true',
    source: {url: pageAddress(source)},
    submittedAt: at.toISOString(),
  };
  return {raw, composed};
}

/** `POST /submit` with `noscript=1`: the same checks and the same single store, answered with a page. */
export async function handlePlainForm(c: Context, form: URLSearchParams, context: SubmitContext): Promise<Response> {
  const requested = form.get('locale') ?? 'en';
  // Until the campaign is known, its pages are in the language the form asked for.
  let lang = languageOf(requested);
  let texts = textsFor(lang);
  const id = form.get('campaign') ?? '';
  const campaignConfig: CampaignConfig | undefined = context.campaigns.get(id);
  const origins = campaignConfig?.origins ?? [];
  const referer = partnerUrl(c.req.header('Referer'), origins);
  if (!campaignConfig) return refusalPage(c, lang, undefined, {status: 404, message: texts.unknownCampaign(id)});
  // A page that is not a partner's is refused by `receive`, as any post is.
  const origin = c.req.header('Origin');
  const campaign = context.config.campaignTexts.get(id);
  if (!campaign) return refusalPage(c, lang, referer, {status: 501, message: PAGE_TEXTS[lang].noTexts});

  // A tag Intl cannot read is no browser's: refused, not guessed at.
  if (!knownLocale(requested)) return refusalPage(c, lang, referer, {status: 422, problems: [{field: 'form', text: texts.field}]});
  // The campaign's language for the tag, as the widget picks it (es-MX gives es; a language the
  // campaign is not written in gives its default): the page, the message and the stored locale
  // agree, rather than a Spanish page over an English message marked as the tag asked.
  const locale = matchLocale(requested, campaignLocales(campaign)) ?? campaign.defaultLocale;
  lang = languageOf(locale);
  texts = textsFor(lang);
  // The widget's strings in other languages load on demand (its Spanish readers fetch them): here too.
  await Promise.all([loadInterfaceLocale(locale), loadInterfaceLocale(lang)]);
  const picked = form.getAll('recommendations');
  const unknown = picked.find((pick) => !campaign.recommendations.some((r) => r.id === pick));
  if (unknown !== undefined) return refusalPage(c, lang, referer, {status: 422, problems: [{field: 'recommendations', text: PAGE_TEXTS[lang].unknownPick(unknown)}]});

  // The page the form was on: the Referer when it is a partner's, else the partner origin the
  // browser named, else the campaign's first partner (a post without either is no browser's).
  const source = referer ?? partnerUrl(origin, origins) ?? `${origins[0]}/`;
  // The same form posted again from the same address is the same submission: stored once.
  const claim = context.recentPosts?.claim(context.clientAddress(c), form, context.now()) ?? {id: randomUUID(), at: context.now(), release: () => undefined};
  const {raw, composed} = buildFromForm(form, campaign, locale, source, claim);
  const parsed = Submission.safeParse(raw);
  if (!parsed.success) return refusalPage(c, lang, referer, {status: 422, problems: problemsOf(parsed.error.issues, PAGE_TEXTS[lang], texts)});

  const received = await receive(c, parsed.data, texts, context);
  if (received.kind !== 'stored' && received.kind !== 'duplicate') claim.release();
  switch (received.kind) {
    case 'refused':
      return refusalPage(c, lang, referer, {status: received.status, message: received.message});
    case 'stored':
    case 'duplicate':
      // A post stored before (the same form again) is thanked the same way, as 200 rather than 201.
      return thanksPage(c, lang, parsed.data, composed, received.next === 'confirm', received.kind === 'stored' ? 201 : 200);
    case 'conflict':
      return refusalPage(c, lang, referer, {status: 409, message: texts.conflict});
    case 'limited':
      c.header('Retry-After', String(received.retryAfterSeconds));
      return refusalPage(c, lang, referer, {status: 429, message: texts.tooMany});
  }
}

