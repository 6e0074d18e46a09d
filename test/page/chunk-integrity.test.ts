import {expect} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {until} from '../helpers.js';

/**
 * The chunks the module build loads later are pinned by the page's import map (`integrity`),
 * as the embed builder writes it. A chunk whose bytes are not the build's is refused by the
 * browser, and the widget says what it can no longer do rather than going blank.
 */
async function pinnedPage(
  host: 'cdn' | 'cdn-tampered-chunks' | 'cdn-missing-chunks' | 'cdn-missing-campaign' | 'cdn-slow-campaign' | 'cdn-flaky-spanish' | 'cdn-flaky-texts' | 'cdn-flaky-checks' | 'cdn-slower-checks',
  body: string,
  version = '0.1.0',
): Promise<{win: Window; element: CivicAction; errors: string[]; errorEvents: unknown[]}> {
  const {files} = (await (await fetch('/dist/integrity.json', {cache: 'no-store'})).json()) as {files: Record<string, string>};
  const base = `${location.origin}/${host}/civic-action/${version}/`;
  const integrity = Object.fromEntries(Object.entries(files).flatMap(([name, hash]) => (name.startsWith('chunks/') ? [[new URL(name, base).href, hash]] : [])));
  const iframe = document.createElement('iframe');
  iframe.style.width = '900px';
  iframe.style.height = '900px';
  document.body.append(iframe);
  const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
  iframe.srcdoc = `<!doctype html><html lang="en"><head><script>window.errors = []; const error = console.error; console.error = (...a) => (errors.push(a.join(' ')), error(...a));
window.errorEvents = []; addEventListener('civic-action-error', (event) => errorEvents.push(event.detail));</script>
<script type="importmap">${JSON.stringify({integrity})}</script>
<script type="module" src="${base}civic-action.js" integrity="${files['civic-action.js']}" crossorigin="anonymous"></script></head><body>${body}</body></html>`;
  await loaded;
  const win = iframe.contentWindow as Window & {errors: string[]; errorEvents: unknown[]};
  await until(() => Boolean(win.customElements.get('civic-action')), 'the element to be defined');
  const element = win.document.querySelector('civic-action') as CivicAction;
  await element.updateComplete;
  return {win, element, errors: win.errors, errorEvents: win.errorEvents};
}

/** A browser that prefers Spanish. */
const spanishBrowser = "<script>Object.defineProperty(navigator, 'languages', {get: () => ['es-MX', 'es']});</script>";

const bucket = () => `chunks${Math.random().toString(36).slice(2)}`;
const recorded = async (name: string) => ((await (await fetch(`/endpoint/recorded/${name}`)).json()) as unknown[]).length;

/** A reader picks one recommendation and fills in the form, ready to send. */
async function pickAndFill(element: CivicAction): Promise<void> {
  const root = element.shadowRoot!;
  root.querySelector<HTMLInputElement>('#recommendation-tps')!.click();
  await element.updateComplete;
  for (const [id, value] of [['#supporter-name', 'Ana'], ['#supporter-email', 'ana@example.org']] as const) {
    const input = root.querySelector<HTMLInputElement>(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await element.updateComplete;
}

const send = (element: CivicAction) => element.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();

async function pickAndSend(element: CivicAction): Promise<void> {
  await pickAndFill(element);
  send(element);
}

const alert = (element: CivicAction) => element.shadowRoot!.querySelector('[role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('chunks pinned by the import map', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('load and send when their bytes are the build’s', async () => {
    const name = bucket();
    const {element} = await pinnedPage('cdn', `<civic-action lang="es" endpoint="${location.origin}/endpoint/ok/${name}"></civic-action>`);
    expect(element.shadowRoot!.querySelector('legend')!.textContent).to.contain('Elija');
    // The built-in campaign's Spanish texts are a chunk too, there before the first render.
    expect(element.shadowRoot!.querySelector('[part=intro]')!.textContent).to.contain('Elija las que apoya');
    element.minFillTime = 0;
    await pickAndSend(element);
    await until(async () => (await recorded(name)) === 1, 'the submission');
  });

  it('on their way after a language switch, leave a send in the language on screen, not a message half in each', async () => {
    const name = bucket();
    // The built-in campaign's texts come 400 ms late: the reader sends before the Spanish ones are there.
    const {element} = await pinnedPage('cdn-slow-campaign', `<civic-action lang="en" endpoint="${location.origin}/endpoint/ok/${name}"></civic-action>`);
    try {
      element.minFillTime = 0;
      const root = element.shadowRoot!;
      await pickAndFill(element);
      root.querySelector<HTMLButtonElement>('.switcher button[lang=es]')!.click();
      // The switch's update has begun, and waits for the texts.
      await new Promise((r) => setTimeout(r, 50));
      send(element);
      await until(async () => (await recorded(name)) === 1, 'the submission');
      const [request] = (await (await fetch(`/endpoint/recorded/${name}`)).json()) as Array<{body: {locale: string; message: {locale: string; subject: string; body: string}}}>;
      const {body} = request!;
      expect(body.locale, 'the language on screen when the reader sent').to.equal('en');
      expect(body.message.locale).to.equal('en');
      expect(body.message.body).to.contain('Temporary Protected Status');
      // Then the switch goes on: the thank-you is in Spanish.
      await until(() => root.querySelector('[part=confirmation]')?.textContent?.includes('¡Gracias!') ?? false, 'the thank-you in Spanish');
    } finally {
      localStorage.removeItem('civic-action:locale');
    }
  });

  it('bring an English reader nothing Spanish: neither the interface strings nor the campaign’s texts', async () => {
    const {win, element} = await pinnedPage('cdn', '<civic-action lang="en"></civic-action>');
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.contain('Twelve recommendations');
    expect(element.shadowRoot!.querySelector('[part=intro]')!.textContent).to.contain('Pick the ones you support');
    await new Promise((r) => setTimeout(r, 300));
    const fetched = win.performance.getEntriesByType('resource').map((entry) => entry.name.replace(/^.*\//, ''));
    expect(fetched.filter((name) => /^(es|default-campaign-es)-/.test(name))).to.deep.equal([]);
  });

  it('bring a Spanish reader nothing English: the built-in campaign’s English texts stay on the server', async () => {
    // A Spanish browser: one that prefers English is offered English, whose texts are fetched on idle.
    const {win, element} = await pinnedPage('cdn', `${spanishBrowser}<civic-action lang="es"></civic-action>`);
    expect(element.shadowRoot!.querySelector('[part=intro]')!.textContent).to.contain('Elija las que apoya');
    await new Promise((r) => setTimeout(r, 300));
    const fetched = win.performance.getEntriesByType('resource').map((entry) => entry.name.replace(/^.*\//, ''));
    expect(fetched.filter((name) => name.startsWith('default-campaign-')).map((name) => name.replace(/-[\w-]{8}\.js$/, ''))).to.deep.equal(['default-campaign-es']);
  });

  for (const [how, tag] of [
    ['inline', '<civic-action><script type="application/json">{"id": "own", "title": {"en": "Our own campaign"}, "recommendations": [{"id": "one", "title": {"en": "One"}, "text": {"en": "Its text."}}]}</script></civic-action>'],
    ['from src', `<civic-action src="${location.origin}/test/fixtures/campaign-second.json"></civic-action>`],
    // Offered Spanish while the file loads: the built-in campaign's Spanish texts are not fetched for it.
    ['from src, for a reader whose browser prefers Spanish', `${spanishBrowser}<civic-action src="${location.origin}/test/fixtures/campaign-second.json"></civic-action>`],
  ] as const) {
    it(`that hold the built-in campaign’s texts are neither loaded nor missed by a widget with a campaign of its own (${how})`, async () => {
      const {win, element, errors, errorEvents} = await pinnedPage('cdn-missing-campaign', tag);
      await until(() => Boolean(element.shadowRoot!.querySelector('h2')), 'the organizer’s campaign');
      await new Promise((r) => setTimeout(r, 300));
      expect(element.shadowRoot!.querySelector('h2')!.textContent).to.match(/Our own campaign|A second campaign/);
      expect(element.shadowRoot!.querySelector('[part=notice]'), 'no notice').to.equal(null);
      expect(errorEvents, 'no error event').to.deep.equal([]);
      expect(errors.filter((line) => /campaign/.test(line)), 'no console error about a campaign').to.deep.equal([]);
      const fetched = win.performance.getEntriesByType('resource').map((entry) => entry.name.replace(/^.*\//, ''));
      expect(fetched.filter((name) => name.startsWith('default-campaign-'))).to.deep.equal([]);
    });
  }

  it('that hold the built-in campaign’s texts, missing, are told of once, by the widget that shows that campaign, not by its neighbour with a campaign of its own', async () => {
    const {win, errorEvents} = await pinnedPage('cdn-missing-campaign', `<civic-action id="built-in"></civic-action><civic-action id="own" src="${location.origin}/test/fixtures/campaign-second.json"></civic-action>`);
    const own = win.document.getElementById('own') as CivicAction;
    await until(() => own.shadowRoot?.querySelector('h2')?.textContent === 'A second campaign', 'the organizer’s campaign');
    await new Promise((r) => setTimeout(r, 300));
    expect(errorEvents).to.deep.equal([{campaign: 'root-causes-2021', kind: 'campaign', reason: 'could not load the built-in campaign’s texts'}]);
    expect(win.document.getElementById('built-in')!.shadowRoot!.querySelector('[part=notice]'), 'the built-in one’s notice').to.not.equal(null);
  });

  it('that cannot load at all leave a notice, not a blank box, the console says which texts are missing, and the page hears of it once', async () => {
    const {element, errors, errorEvents} = await pinnedPage('cdn-missing-chunks', '<civic-action lang="es"></civic-action>');
    expect(element.shadowRoot!.querySelector('[part=notice]')!.textContent).to.contain('This action could not be loaded');
    expect(element.shadowRoot!.querySelectorAll('input[data-recommendation]')).to.have.lengthOf(0);
    const said = errors.join('\n');
    expect(said).to.contain('could not load the campaign in es');
    expect(said).to.contain('could not load the campaign in en');
    await new Promise((r) => setTimeout(r, 300));
    expect(errorEvents).to.deep.equal([{campaign: element.campaign.id, kind: 'campaign', reason: 'could not load the built-in campaign’s texts'}]);
  });

  it('of a language that failed on a network blip are fetched again when the reader chooses that language again, and the message is then written in it', async () => {
    // The host fails each Spanish chunk once: the first choice of Spanish meets the blip.
    const {element, errors} = await pinnedPage('cdn-flaky-spanish', `<civic-action lang="en" endpoint="${location.origin}/endpoint/ok/${bucket()}"></civic-action>`, bucket());
    const root = element.shadowRoot!;
    const spanish = () => root.querySelector<HTMLButtonElement>('[part=language-switcher] button[lang=es]')!;
    await pickAndFill(element);
    spanish().click();
    await until(() => errors.join('\n').includes('could not load the interface in es'), 'the first try to fail');
    await until(() => errors.join('\n').includes('could not load the campaign in es'), 'the texts’ first try to fail');
    await element.updateComplete;
    // Still English, and said to be: a screen reader reads it as English, and the switcher shows English
    // chosen, so that choosing Spanish is the way to try again.
    expect([root.querySelector('legend')!.textContent!.trim(), root.querySelector('[part=base]')!.getAttribute('lang')]).to.deep.equal(['Pick the recommendations you support', 'en']);
    expect(root.querySelector('[part=language-switcher] [aria-pressed=true]')!.getAttribute('lang')).to.equal('en');
    expect(root.querySelector<HTMLTextAreaElement>('#message-body')!.getAttribute('lang')).to.equal('en');
    spanish().click();
    await until(() => root.querySelector('[part=base]')!.getAttribute('lang') === 'es', 'Spanish on the second choice');
    await element.updateComplete;
    expect(root.querySelector('legend')!.textContent).to.not.contain('Pick');
    expect(root.querySelector('[part=intro]')!.getAttribute('lang')).to.equal('es');
    // The message composed during the English spell is written again in Spanish.
    const message = root.querySelector<HTMLTextAreaElement>('#message-body')!.value;
    const {es} = await import('../../src/campaign/default-campaign-es.js');
    const {en} = await import('../../src/campaign/default-campaign-en.js');
    expect(message).to.contain(es.message!.greeting);
    expect(message).to.contain(es.recommendations.tps!.text.slice(0, 60));
    expect(message).to.not.contain(en.recommendations.tps!.text.slice(0, 60));
  });

  it('of a language whose prefetch failed (a pointer over its button on a network blip) are fetched again by the click that chooses it', async () => {
    const {element, errors} = await pinnedPage('cdn-flaky-spanish', '<civic-action lang="en"></civic-action>', bucket());
    const root = element.shadowRoot!;
    const spanish = root.querySelector<HTMLButtonElement>('[part=language-switcher] button[lang=es]')!;
    spanish.dispatchEvent(new PointerEvent('pointerenter'));
    await until(() => errors.join('\n').includes('could not load the interface in es') && errors.join('\n').includes('could not load the campaign in es'), 'the prefetch to fail');
    spanish.click();
    await until(() => root.querySelector('[part=base]')!.getAttribute('lang') === 'es', 'Spanish on the first click');
    expect(root.querySelector('[part=intro]')!.getAttribute('lang')).to.equal('es');
  });

  it('that hold the built-in campaign’s texts, lost on a blip in every language, are offered again, and a tap shows the campaign in the reader’s language', async () => {
    const {element, errors} = await pinnedPage('cdn-flaky-texts', `<civic-action lang="es" picked="tps" endpoint="${location.origin}/endpoint/ok/${bucket()}"></civic-action>`, bucket());
    const root = element.shadowRoot!;
    await until(() => root.querySelector('.try-again') !== null, 'the offer to try again');
    // Long enough for the idle warm-up to compose the message meanwhile, without the texts.
    await new Promise((r) => setTimeout(r, 500));
    expect(root.querySelector('[part=notice]')!.textContent).to.contain('Revise su conexión');
    expect(errors.join('\n')).to.contain('could not load the campaign in en');
    root.querySelector<HTMLButtonElement>('.try-again')!.click();
    await until(() => root.querySelector('[part=intro]') !== null, 'the campaign');
    expect([root.querySelector('[part=intro]')!.getAttribute('lang'), root.querySelector('[part=notice]') === null]).to.deep.equal(['es', true]);
    // The message is the campaign's, in Spanish: not one composed while its texts were missing.
    await until(() => Boolean(root.querySelector<HTMLTextAreaElement>('#message-body')), 'the message');
    expect(root.querySelector<HTMLTextAreaElement>('#message-body')!.value).to.contain((await import('../../src/campaign/default-campaign-es.js')).es.message!.greeting);
  });

  it('that hold the message form, lost on a blip, are offered again: a tap on Try again brings the form, with focus on the message', async () => {
    const name = bucket();
    const {element} = await pinnedPage('cdn-flaky-checks', `<civic-action lang="es" endpoint="${location.origin}/endpoint/ok/${name}"></civic-action>`, bucket());
    const root = element.shadowRoot!;
    await until(() => root.querySelector('.try-again') !== null, 'the offer to try again');
    expect(alert(element)).to.contain('Revise su conexión y vuelva a intentarlo');
    const button = root.querySelector<HTMLButtonElement>('.try-again')!;
    expect(button.textContent!.trim()).to.equal('Intentar de nuevo');
    // Not stretched across the form: its styles are the first script's, the form's did not come.
    expect(button.getBoundingClientRect().width).to.be.below(root.querySelector('form')!.getBoundingClientRect().width / 2);
    // (A pick would try the chunk again too: this reader taps the button first.)
    button.focus();
    button.click();
    await until(() => root.activeElement?.id === 'message-heading', 'focus on the message that came');
    expect([root.querySelector('#form-notice'), root.querySelector('.try-again')]).to.deep.equal([null, null]);
    expect(root.querySelector('#supporter-name')).to.not.equal(null);
  });

  it('that read a returning reader’s draft, very slow, hold the widget back at most DRAFT_WAIT_MS, and the draft comes back with them', async () => {
    const name = bucket();
    const body = `<civic-action id="slow-draft-${name}" endpoint="${location.origin}/endpoint/ok/${name}"></civic-action>`;
    const first = await pinnedPage('cdn', body, bucket());
    await pickAndFill(first.element);
    await until(() => Object.keys(localStorage).some((key) => key.includes(`slow-draft-${name}`)), 'the draft saved');
    // When the list was there, read in the page: `pinnedPage` itself waits for the whole widget, chunk included.
    const early = `<script type="module">customElements.whenDefined('civic-action').then(() => requestAnimationFrame(() => {
      window.listAt = performance.now();
      window.listRows = document.querySelector('civic-action').shadowRoot.querySelectorAll('input[data-recommendation]').length;
    }));</script>`;
    const {element, win} = await pinnedPage('cdn-slower-checks', body + early, bucket());
    const root = element.shadowRoot!;
    const page = win as Window & {listAt: number; listRows: number};
    const chunk = win.performance.getEntriesByType('resource').find((entry) => /chunks\/checks-/.test(entry.name)) as PerformanceResourceTiming;
    // The list, usable, well before the chunk (3.5 s late): not a blank box for as long as it takes.
    expect(page.listRows).to.equal(12);
    expect(chunk.responseEnd - page.listAt, 'the list shown over a second before the chunk came').to.be.above(1000);
    await until(() => root.querySelector<HTMLInputElement>('#recommendation-tps')!.checked, 'the draft’s pick, once the chunk came', 8000);
    await until(() => root.querySelector<HTMLInputElement>('#supporter-name')?.value === 'Ana', 'the draft’s name');
  });

  it('that hold the message form, slow, are not waited for by “Go to my message”: no jump seconds later, when the reader is elsewhere', async () => {
    const name = bucket();
    // The reader taps it at once, seconds before the form's chunk comes.
    const tap = `<script type="module">customElements.whenDefined('civic-action').then(() => requestAnimationFrame(() => {
      document.querySelector('civic-action').shadowRoot.querySelector('[part=picks-bar] button').click();
    }));</script>`;
    const {element} = await pinnedPage('cdn-slower-checks', `<civic-action endpoint="${location.origin}/endpoint/ok/${name}"></civic-action>${tap}`, bucket());
    const root = element.shadowRoot!;
    expect(root.querySelector('#message-heading'), 'the form came').to.not.equal(null);
    await new Promise((r) => setTimeout(r, 300));
    expect(root.activeElement?.id, 'no focus moved by a tap made seconds before').to.not.equal('message-heading');
  });

  it('are refused when their bytes differ, and the widget says so: English for a Spanish reader, no form to fill in vain, and the way to the message leads to the notice', async () => {
    const name = bucket();
    const {element, errors} = await pinnedPage('cdn-tampered-chunks', `<civic-action lang="es" endpoint="${location.origin}/endpoint/ok/${name}"></civic-action>`);
    // The Spanish strings were refused: the widget is there, in English, and the console says why.
    expect(element.shadowRoot!.querySelector('legend')!.textContent).to.contain('Pick');
    expect(errors.join('\n')).to.contain('could not load the interface in es');
    // So were the built-in campaign's Spanish texts: each says, with `lang`, that it is in English.
    const intro = element.shadowRoot!.querySelector('[part=intro]')!;
    expect([intro.textContent, intro.getAttribute('lang')]).to.deep.equal([(await import('../../src/campaign/default-campaign-en.js')).en.intro, 'en']);
    expect(errors.join('\n')).to.contain('could not load the campaign in es');
    // The form below the list comes with the refused checks: its place says so, before anyone types in vain.
    expect(alert(element)).to.contain('The message form could not be loaded');
    expect(element.shadowRoot!.querySelector('#supporter-name'), 'no form to fill').to.equal(null);
    expect(errors.join('\n')).to.contain('could not load the part of the widget that checks campaigns and sends messages');
    // A pick tries the chunk again (see ProgressiveView); refused again, it says so still, and the checkboxes keep working.
    const box = element.shadowRoot!.querySelector<HTMLInputElement>('#recommendation-tps')!;
    box.click();
    await element.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(alert(element)).to.contain('The message form could not be loaded');
    // The way to the message leads to what stands in its place.
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part=picks-bar] button')!.click();
    await until(() => element.shadowRoot!.activeElement?.id === 'form-notice', 'the notice to take focus');
    // Try again, refused again (no retry mends a changed file): the notice comes back, announced, and takes focus again.
    const again = element.shadowRoot!.querySelector<HTMLButtonElement>('.try-again')!;
    again.focus();
    again.click();
    await until(() => element.shadowRoot!.activeElement?.id === 'form-notice', 'the notice, back, to take focus');
    expect(alert(element)).to.contain('The message form could not be loaded');
    expect(await recorded(name), 'nothing reached the endpoint').to.equal(0);
  });
});
