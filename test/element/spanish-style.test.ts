import {expect, html} from '@open-wc/testing';
import {render} from 'lit';
import type {CivicAction} from '../../src/civic-action.component.js';
import {inLocale, loadInterfaceLocale} from '../../src/i18n/localization.js';
import {formatLocale} from '../../src/i18n/intl.js';
import {timeOfDay} from '../../src/i18n/times.js';
import {waitingText} from '../../src/view/delivery-status.js';
import {$, $$, endpointBucket, fillSupporter, messageBody, mount, pick, type, until} from '../helpers.js';

/**
 * Spanish as its readers write it, in every state the widget can be in: language names in the
 * sentence's language and lower case, "16,000" rather than "16.000", a 12-hour clock with no
 * seconds, and "a la 1:05" but "a las 2:05".
 */

/** Names of languages that must never appear inside Spanish running text as written. */
const FOREIGN_NAMES = /\b(English|Spanish|Español|Inglés|Englisch|Anglais)\b/g;

/** What is wrong with one piece of Spanish running text, if anything. */
export function spanishStyleProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(FOREIGN_NAMES)) {
    const before = text.slice(0, match.index).trimEnd();
    const startsSentence = before === '' || /[.!?:¿¡]$/.test(before);
    // "Español" may open a sentence; "English" never belongs in Spanish text.
    if (/^(English|Spanish|Englisch|Anglais)$/.test(match[0]) || !startsSentence) problems.push(`language name "${match[0]}"`);
  }
  for (const match of text.matchAll(/\d\.\d{3}(?!\d)/g)) problems.push(`period as thousands separator in "${match[0]}"`);
  for (const match of text.matchAll(/(\d{1,2}):(\d{2})(:\d{2})?(\s?[ap]\.\s?m\.)?/gi)) {
    if (match[3]) problems.push(`seconds in "${match[0]}"`);
    if (Number(match[1]) > 12 || !match[4]) problems.push(`24-hour time "${match[0]}"`);
  }
  if (/[^.]\.\.(?!\.)/.test(text)) problems.push('two periods, as after "a.m." at the end of a sentence');
  if (/\ba las 1:\d\d/.test(text)) problems.push('"a las 1:…" where Spanish says "a la 1:…"');
  if (/\ba la (?!1:)\d{1,2}:\d\d/.test(text)) problems.push('"a la" before an hour other than 1');
  return problems;
}

/**
 * Every piece of Spanish text the widget shows (interface and campaign alike), except the
 * language switcher, whose buttons name each language in that language on purpose.
 */
function spanishTexts(element: CivicAction): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(element.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    const text = node.textContent!.replace(/\s+/g, ' ').trim();
    if (!text || parent.closest('.switcher, textarea, style')) continue;
    if (parent.closest('[lang]')?.getAttribute('lang') !== 'es') continue;
    texts.push(text);
  }
  for (const labelled of element.shadowRoot!.querySelectorAll('[aria-label]')) texts.push(labelled.getAttribute('aria-label')!);
  return texts;
}

/** Checks what the widget shows now, and returns it, for the state's own expectations. */
async function checkState(element: CivicAction, state: string, problems: string[]): Promise<string> {
  await element.updateComplete;
  const texts = spanishTexts(element);
  for (const text of texts) problems.push(...spanishStyleProblems(text).map((p) => `${state}: ${p} in "${text.slice(0, 120)}"`));
  return texts.join('\n');
}

/** Sets a field's value as a paste would, past what the keyboard could type. */
async function paste(element: CivicAction, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(element, selector);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

const submit = (element: CivicAction) => $(element, '[part=submit]').click();

describe('Spanish running text', function () {
  // The Spanish strings are a chunk of their own, which the element loads before it renders in Spanish.
  before(() => loadInterfaceLocale('es'));
  this.timeout(30_000);

  it('finds each kind of slip it is meant to catch', () => {
    expect(spanishStyleProblems('Leer esto en Español')).to.have.length(1);
    expect(spanishStyleProblems('Su mensaje editado se queda en English.')).to.have.length(1);
    expect(spanishStyleProblems('16.000 de 20.000 caracteres')).to.have.length(2);
    expect(spanishStyleProblems('lo intentaremos de nuevo a las 14:05:30.')).to.have.length(2);
    expect(spanishStyleProblems('el 6 de junio de 2025 a las 1:05 p.m.')).to.have.length(1);
    expect(spanishStyleProblems('lo intentaremos de nuevo a las 2:05 p.m..')).to.have.length(1);
    expect(spanishStyleProblems('Español. El mensaje en español, a las 2:05 p.m., 16,000 de 20,000 caracteres')).to.deep.equal([]);
  });

  it('writes numbers and times for the reader’s region: es-US when none is given', () => {
    expect(formatLocale('es', [null, 'en', 'en'])).to.equal('es-US');
    expect(formatLocale('es', ['es', 'en-US'])).to.equal('es-US');
    expect(formatLocale('es', ['es-MX'])).to.equal('es-MX');
    expect(formatLocale('es', ['not a tag', 'es-ES'])).to.equal('es-ES');
    expect(formatLocale('es-419', ['en-US'])).to.equal('es-419');
    expect(timeOfDay('es-US', new Date(2025, 5, 6, 13, 5, 30))).to.deep.equal({time: timeOfDay('es-US', new Date(2025, 5, 6, 13, 5)).time, one: true});
    expect(timeOfDay('es-US', new Date(2025, 5, 6, 14, 5, 30)).time).to.match(/^2:05\sp\.\s?m\.$/);
  });

  it('says "a la 1:05" but "a las 2:05" when the server asks us to wait', () => {
    const say = (at: Date) => {
      const container = document.createElement('p');
      const state = {phase: 'waiting', attempt: 1, at: at.getTime(), last: {reason: 'server', status: 503, retryAfterMs: 1000}} as const;
      render(inLocale('es', () => waitingText(state as never, 'es-US')), container);
      // Folds only ordinary white space: the no-break spaces inside a time are part of it.
      return container.textContent!.replace(/[ \t\n]+/g, ' ').trim();
    };
    expect(say(new Date(2025, 5, 6, 13, 5))).to.match(/: a la 1:05\sp\.\s?m\. lo volveremos a intentar\.$/);
    expect(say(new Date(2025, 5, 6, 14, 5))).to.match(/: a las 2:05\sp\.\s?m\. lo volveremos a intentar\.$/);
    expect(say(new Date(2025, 5, 6, 1, 5))).to.match(/: a la 1:05\sa\.\s?m\. lo volveremos a intentar\.$/);
    // No "a.m.." where a time ends a sentence, and no line break inside a time.
    expect(say(new Date(2025, 5, 6, 14, 5))).not.to.match(/\.\.|2:05 /);
  });

  it('renders every Spanish state with language names, numbers and times as Spanish writes them', async () => {
    const problems: string[] = [];
    const endpoint = endpointBucket('seq-503ra1-201');
    const element = await mount(html`<civic-action lang="es" endpoint=${endpoint.url} retries="1"></civic-action>`);
    element.retryBaseDelay = 10;
    await checkState(element, 'first view', problems);
    submit(element);
    expect(await checkState(element, 'nothing filled in', problems)).to.contain('Elija al menos una recomendación.');
    await pick(element, 'tps');
    expect(await checkState(element, 'one pick', problems)).to.contain('Elegidas: 1 de 12');
    expect(messageBody(element).value).to.contain('Hoy sigo apoyando lo siguiente:');
    await pick(element, 'climate', 'end-title-42');
    await checkState(element, 'three picks', problems);
    await paste(element, '#supporter-name', 'x'.repeat(201));
    await paste(element, '#supporter-email', 'ana@');
    expect(await checkState(element, 'too long, invalid email', problems)).to.contain('Puede tener hasta 200 caracteres.');
    await paste(element, '#supporter-name', '');
    await paste(element, '#supporter-email', '');
    await fillSupporter(element);
    await type(element, '#message-body', ' Mis palabras.');
    await pick(element, 'climate');
    expect(await checkState(element, 'edited, then unpicked', problems)).to.contain('Usted editó este mensaje.');
    await paste(element, '#message-body', `${messageBody(element).value}\n${'x'.repeat(16_500)}`);
    expect(await checkState(element, 'a long message', problems)).to.match(/1\d,\d{3} de 20,000 caracteres/);
    await paste(element, '#message-body', messageBody(element).value.slice(0, 2000));
    submit(element);
    await until(() => element.shadowRoot!.querySelector('.status')?.textContent?.includes('Nos pidió esperar') ?? false, 'the wait');
    expect(await checkState(element, 'waiting for the server', problems)).to.match(/a las? \d{1,2}:\d\d/);
    await until(() => Boolean(element.shadowRoot!.querySelector('[part=confirmation]')), 'the thank-you');
    await checkState(element, 'sent', problems);

    for (const [behaviour, state] of [
      ['status-500', 'failed'],
      ['refuse-fields', 'refused'],
    ] as const) {
      // Each widget starts afresh: the previous one's draft would otherwise come back.
      localStorage.clear();
      sessionStorage.clear();
      const other = await mount(html`<civic-action lang="es" endpoint=${endpointBucket(behaviour).url} retries="0"></civic-action>`);
      await pick(other, 'tps');
      await fillSupporter(other);
      submit(other);
      await until(() => Boolean(other.shadowRoot!.querySelector('.failure')?.textContent?.trim()), `${state} (${JSON.stringify(other.shadowRoot!.querySelector('.failure')?.textContent)})`);
      await checkState(other, state, problems);
    }

    localStorage.clear();
    sessionStorage.clear();
    const fallback = await mount(html`<civic-action lang="es"></civic-action>`);
    await checkState(fallback, 'no endpoint', problems);
    await pick(fallback, 'tps');
    expect(await checkState(fallback, 'no endpoint, one pick', problems)).to.contain('Abrir en mi correo');

    const broken = await mount(html`<civic-action lang="es" src="/endpoint/status-404/x"></civic-action>`);
    await until(() => Boolean(broken.shadowRoot!.querySelector('[part=notice]')), 'the notice');
    expect(await checkState(broken, 'campaign not loaded', problems)).to.contain('No se pudo abrir esta campaña');

    expect(problems).to.deep.equal([]);
  });

  it('names languages in Spanish, in lower case, in every sentence that names one', async () => {
    const problems: string[] = [];
    // The message in English for a Spanish reader: the envelope and the reference version.
    const element = await mount(html`<civic-action lang="es" message-lang="en"></civic-action>`);
    await pick(element, 'tps');
    const texts = await checkState(element, 'message in English', problems);
    expect($(element, '.envelope div:last-child dd').textContent).to.equal('inglés');
    expect(texts).to.contain('El mensaje en español, como referencia');

    // An English message kept after switching to Spanish.
    localStorage.clear();
    const switched = await mount(html`<civic-action lang="en"></civic-action>`);
    await pick(switched, 'tps');
    await type(switched, '#message-body', ' My words.');
    $(switched, '.switcher button[lang=es]').click();
    const kept = await checkState(switched, 'edited in English, read in Spanish', problems);
    expect(kept).to.contain('Su mensaje editado se queda en inglés.');
    expect(kept).to.contain('Volver a armarlo en español con lo que elegí');

    // The offer of Spanish to a reader whose browser prefers it, on an English page.
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
    Object.defineProperty(navigator, 'languages', {get: () => ['es-US', 'es'], configurable: true});
    // The switch above was remembered as this reader's choice, which would leave nothing to offer.
    localStorage.clear();
    try {
      const offered = await mount(html`<div lang="en"><civic-action></civic-action></div>`);
      expect($(offered, '.offer').textContent!.trim()).to.equal('Leer esto en español');
      problems.push(...spanishStyleProblems($(offered, '.offer').textContent!.trim()));
    } finally {
      delete (navigator as {languages?: unknown}).languages;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')).to.deep.equal(languages);
    }
    expect(problems).to.deep.equal([]);
  });

  it('writes the date of an interrupted send in full, "a la 1:05" or "a las 2:05"', async () => {
    const endpoint = endpointBucket('hold-first');
    const element = await mount(html`<civic-action lang="es" endpoint=${endpoint.url}></civic-action>`);
    await pick(element, 'tps');
    await fillSupporter(element);
    submit(element);
    await until(async () => (await endpoint.recorded()).length === 1, 'the first request');
    element.parentElement!.remove();
    const key = Object.keys(localStorage).find((k) => k.startsWith('civic-action:draft:'))!;
    for (const [hour, expected] of [
      [13, /el 6 de junio de 2025 a la 1:05\sp\.\s?m\. no haya llegado/],
      [14, /el 6 de junio de 2025 a las 2:05\sp\.\s?m\. no haya llegado/],
    ] as const) {
      const draft = JSON.parse(localStorage.getItem(key)!);
      draft.pending.submittedAt = new Date(2025, 5, 6, hour, 5, 30).toISOString();
      localStorage.setItem(key, JSON.stringify(draft));
      const again = await mount(html`<civic-action lang="es" endpoint=${endpoint.url}></civic-action>`);
      const text = $(again, '.interrupted p').textContent!.replace(/\s+/g, ' ').trim();
      expect(text).to.match(expected);
      expect(spanishStyleProblems(text)).to.deep.equal([]);
      again.parentElement!.remove();
    }
    await endpoint.release();
    expect($$(element, '.interrupted')).to.have.length(0);
  });
});
