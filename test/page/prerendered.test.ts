import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CivicAction} from '../../src/civic-action.component.js';
import {builtInCampaign} from '../built-in-campaign.js';
import {endpointBucket} from '../helpers.js';
import {frame, until} from './frames.js';

/**
 * Issue 13: the widget's first view pre-rendered as a declarative shadow root (made by the built
 * pre-renderer, served by test/server/prerendered-pages.mjs), in a page of its own, before and
 * after its script arrives.
 */

beforeEach(() => localStorage.clear());

interface Page {
  doc: Document;
  win: Window & typeof globalThis;
  host: CivicAction;
  root: ShadowRoot;
}

async function open(query: Record<string, string>, width = 390): Promise<Page> {
  // A phone's screen: the heights compared are a phone's.
  const iframe = await frame((f) => (f.src = `/prerendered/page?${new URLSearchParams(query)}`), width, 844);
  const doc = iframe.contentDocument!;
  const host = doc.querySelector('civic-action') as CivicAction;
  return {doc, win: iframe.contentWindow as Window & typeof globalThis, host, root: host.shadowRoot!};
}

/** The element's script arriving late, as a slow network or a deferred script brings it (from `src`). */
async function loadScript(page: Page, src = '/dist/civic-action.js'): Promise<void> {
  const script = page.doc.createElement('script');
  script.type = 'module';
  script.src = src;
  page.doc.body.append(script);
  await page.win.customElements.whenDefined('civic-action');
  await page.host.updateComplete;
}

const box = (page: Page, id: string) => page.host.shadowRoot!.querySelector<HTMLInputElement>(`input[data-recommendation="${id}"]`)!;
const text = (page: Page, selector: string) => page.host.shadowRoot!.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim();
const attrs = (value: Record<string, string>) => JSON.stringify(value);

describe('pre-rendered widget', () => {
  it('shows the campaign before any script, styled, with no box ticked', async () => {
    const page = await open({});
    expect(page.win.customElements.get('civic-action')).to.equal(undefined);
    expect(page.root.querySelectorAll('input[type=checkbox][data-recommendation]')).to.have.length(12);
    expect(page.root.querySelectorAll('input:checked')).to.have.length(0);
    expect(text(page, 'h2')).to.contain('Twelve recommendations');
    expect(page.win.getComputedStyle(page.root.querySelector('.widget')!).display).to.equal('flex');
  });

  it('keeps boxes ticked and text typed before the script arrives, in the form and the draft, and the field typed in where it was on screen', async () => {
    const page = await open({});
    box(page, 'rule-of-law').click();
    box(page, 'civil-society').click();
    const name = page.root.getElementById('supporter-name') as HTMLInputElement;
    name.focus();
    name.value = 'Ada';
    // The reader has scrolled on: the field near the top of the window.
    page.win.scrollBy(0, name.getBoundingClientRect().top - 100);
    const top = name.getBoundingClientRect().top;
    await loadScript(page);
    expect(page.root.querySelector('style'), 'the pre-rendered nodes are replaced').to.equal(null);
    // The message box now stands above the fields (the picks carried over): the page is scrolled so that the field stays where it was on screen.
    expect(Math.abs(page.root.getElementById('supporter-name')!.getBoundingClientRect().top - top), 'the field where the reader was typing stays put').to.be.below(2);
    expect(box(page, 'rule-of-law').checked).to.equal(true);
    expect(box(page, 'civil-society').checked).to.equal(true);
    expect(box(page, 'economic-policy').checked).to.equal(false);
    expect(text(page, '[part=count]')).to.equal('Picked: 2 of 12');
    expect((page.root.getElementById('supporter-name') as HTMLInputElement).value).to.equal('Ada');
    expect(page.root.activeElement?.id, 'focus stays where the reader was typing').to.equal('supporter-name');
    expect(page.root.querySelector('#message-body'), 'the message is written from the early picks').to.not.equal(null);
    const draft = JSON.parse(page.win.localStorage.getItem('civic-action:draft:root-causes-2021')!);
    expect(draft.picks).to.have.members(['rule-of-law', 'civil-society']);
  });

  it('shows a returning reader’s message in the language they edited it in, from the take-over on', async () => {
    // A Spanish reader who wrote their message in English, the last time.
    localStorage.setItem('civic-action:draft:root-causes-2021', JSON.stringify({savedAt: Date.now(), picks: ['tps'], edited: {text: 'In my own words.', locale: 'en'}, consent: false}));
    const page = await open({lang: 'es', 'page-lang': 'es'});
    // The subject in the first frame the script renders (its render replaces the markup, with its <style>).
    let subject: string | undefined;
    const watch = () => {
      if (page.root.querySelector('style')) page.win.requestAnimationFrame(watch);
      else subject = page.root.querySelector('.envelope div:nth-child(2) dd')?.textContent ?? '';
    };
    page.win.requestAnimationFrame(watch);
    // The built-in campaign's texts come 400 ms late: the English ones are not there before the render asks for them.
    await loadScript(page, '/cdn-slow-campaign/civic-action/0.1.0/civic-action.js');
    await until(() => subject !== undefined, 'the take-over');
    expect(subject).to.equal(builtInCampaign().message!.subject!.en);
    expect((page.root.querySelector('#message-body') as HTMLTextAreaElement).value).to.contain('In my own words.');
  });

  it('ends in the language of a reader whose page is Spanish, with their early ticks', async () => {
    const page = await open({lang: 'en', 'page-lang': 'es'});
    expect(page.root.querySelector('.widget')!.getAttribute('lang')).to.equal('en');
    box(page, 'rule-of-law').click();
    await loadScript(page);
    expect(page.root.querySelector('.widget')!.getAttribute('lang')).to.equal('es');
    expect(text(page, 'legend h3')).to.equal('Elija las recomendaciones que apoya');
    expect(box(page, 'rule-of-law').checked).to.equal(true);
    expect(text(page, '[part=count]')).to.contain('1 de 12');
  });

  it('stays on screen, in use, while the script waits for a Spanish reader’s strings, and keeps a tick made then', async () => {
    const page = await open({lang: 'es', 'page-lang': 'es'});
    page.doc.body.append(Object.assign(page.doc.createElement('script'), {type: 'module', src: '/dist/civic-action.js'}));
    await page.win.customElements.whenDefined('civic-action');
    // Defined, its first render held until the Spanish strings' chunk comes: the markup is what the reader has.
    expect(page.root.querySelectorAll('input[type=checkbox][data-recommendation]'), 'the markup, while the strings load').to.have.length(12);
    box(page, 'climate').click();
    await page.host.updateComplete;
    expect(page.root.querySelector('style'), 'then replaced by the script’s render').to.equal(null);
    expect(text(page, 'legend h3')).to.equal('Elija las recomendaciones que apoya');
    expect(box(page, 'climate').checked, 'the tick made while waiting').to.equal(true);
  });

  it('stays on screen, in use, while the script loads a campaign from src, and keeps a tick made then', async () => {
    const page = await open({attrs: attrs({src: '/test/fixtures/campaign-second.json'})});
    expect(text(page, 'h2'), 'pre-rendered from the file').to.equal('A second campaign');
    page.doc.body.append(Object.assign(page.doc.createElement('script'), {type: 'module', src: '/dist/civic-action.js'}));
    await page.win.customElements.whenDefined('civic-action');
    await page.host.updateComplete;
    // Defined and updated, the campaign still on its way: the markup is what the reader has, not a "Loading…".
    expect(page.root.querySelector('style'), 'the markup, while the campaign loads').to.not.equal(null);
    expect(page.root.querySelector('[role=status]')?.textContent ?? '').to.not.contain('Loading');
    box(page, 'only').click();
    await until(() => page.root.querySelector('style') === null, 'the script’s render, once the campaign came');
    expect(text(page, 'h2')).to.equal('A second campaign');
    expect(box(page, 'only').checked, 'the tick made while it loaded').to.equal(true);
    expect(text(page, '[part=count]')).to.equal('Picked: 1 of 1');
  });

  it('stays on screen, in use, until the page sets the campaign it shows as the property, and keeps a tick made then', async () => {
    const page = await open({campaign: 'test/fixtures/campaign-second.json'});
    expect(text(page, 'h2'), 'pre-rendered from the campaign given').to.equal('A second campaign');
    const warnings: string[] = [];
    const warn = page.win.console.warn;
    page.win.console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    box(page, 'only').click();
    await loadScript(page);
    await until(() => page.win.performance.getEntriesByType('resource').some((entry) => /\/chunks\/checks-/.test(entry.name)), 'the form’s chunk');
    await new Promise((r) => setTimeout(r, 300));
    await page.host.updateComplete;
    expect(page.root.querySelector('style'), 'the markup, not the built-in campaign').to.not.equal(null);
    expect(warnings.join('\n')).to.contain('the pre-rendered markup shows the campaign "second-campaign", and the element has "root-causes-2021"');
    page.win.console.warn = warn;
    // The page's own fetch comes back.
    page.host.campaign = await (await fetch('/test/fixtures/campaign-second.json')).json();
    await until(() => page.root.querySelector('style') === null, 'the take-over');
    expect(text(page, 'h2')).to.equal('A second campaign');
    expect(box(page, 'only').checked, 'the tick made before').to.equal(true);
    expect(text(page, '[part=count]')).to.equal('Picked: 1 of 1');
  });

  it('ends in the language the reader chose before, with their early ticks', async () => {
    localStorage.setItem('civic-action:locale', 'es');
    const page = await open({lang: 'en'});
    box(page, 'tps').click();
    await loadScript(page);
    expect(page.root.querySelector('.widget')!.getAttribute('lang')).to.equal('es');
    expect(box(page, 'tps').checked).to.equal(true);
  });

  it('keeps a full text the reader opened before the script arrives open, with focus on its button, and moves nothing', async () => {
    const page = await open({lang: 'es', 'page-lang': 'es'});
    page.root.querySelector<HTMLLabelElement>('label[for="more-tps"]')!.click();
    page.root.getElementById('more-tps')!.focus();
    const before = page.host.getBoundingClientRect().height;
    await loadScript(page);
    expect(page.root.querySelector('style'), 'the pre-rendered nodes are replaced').to.equal(null);
    const button = page.root.querySelector<HTMLButtonElement>('button[data-more="tps"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(page.root.getElementById('recommendation-tps-text')!.hidden).to.equal(false);
    expect(page.root.activeElement, 'focus on the full-text button').to.equal(button);
    page.root.querySelector('[part=offer]')?.remove();
    expect(page.host.getBoundingClientRect().height, 'height after the take-over').to.equal(before);
  });

  it('counts a send’s fill time from the page’s start: a reader who filled in the markup while the script loaded is not held as a bot', async () => {
    const endpoint = endpointBucket('ok');
    const page = await open({attrs: attrs({endpoint: endpoint.url})});
    box(page, 'rule-of-law').click();
    for (const [id, value] of [['supporter-name', 'Ada'], ['supporter-email', 'ada@example.org']] as const) {
      (page.root.getElementById(id) as HTMLInputElement).value = value;
    }
    // The reader fills in the markup for a while; the script comes late.
    await new Promise((r) => setTimeout(r, 1200));
    await loadScript(page);
    page.host.minFillTime = 1000;
    page.root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(async () => (await endpoint.recorded()).length > 0, 'the delivery');
    const [request] = await endpoint.recorded();
    expect(request!.body.supporter.name).to.equal('Ada');
    // Counted from the take-over it was a few milliseconds: held, and a receiver would hold it for review.
    expect(request!.body.signals!.fillMs, 'fillMs counts the time the reader had the markup').to.be.at.least(1200);
  });

  it('does not move the page when the script takes over: the same height as the script renders alone', async () => {
    for (const [lang, width] of [['en', 390], ['es', 390], ['en', 768], ['es', 768]] as const) {
      const page = await open({lang, 'page-lang': lang}, width);
      const before = page.host.getBoundingClientRect().height;
      const below = page.doc.querySelectorAll('p')[1]!.getBoundingClientRect().top;
      await loadScript(page);
      expect(page.root.querySelector('style')).to.equal(null);
      const after = page.host.getBoundingClientRect().height;
      // Only the reader's browser can say which language to offer (this one prefers English): the
      // markup cannot know it. Without that offer, the view is the pre-rendered one.
      const offer = page.root.querySelector('[part=offer]');
      expect(Boolean(offer), `${lang}: an offer of English`).to.equal(lang === 'es');
      offer?.remove();
      expect(page.host.getBoundingClientRect().height, `${lang}, ${width} px: height after the take-over`).to.equal(before);
      if (!offer) expect(page.doc.querySelectorAll('p')[1]!.getBoundingClientRect().top, `${lang}: the text below`).to.equal(below);

      // The script alone, in a page without markup: the same box.
      const alone = await open({lang, 'page-lang': lang}, width);
      alone.host.shadowRoot!.replaceChildren();
      const fresh = alone.doc.createElement('civic-action');
      alone.host.replaceWith(fresh);
      await loadScript({...alone, host: fresh as CivicAction});
      expect(fresh.getBoundingClientRect().height, `${lang}: the script alone`).to.equal(after);
    }
  });
});

describe('pre-rendered widget without its script', () => {
  it('says in its language that sending needs JavaScript when the endpoint takes JSON, and offers no send', async () => {
    const page = await open({attrs: attrs({endpoint: '/endpoint/ok/never'}), lang: 'es', 'page-lang': 'es'});
    expect(text(page, '#send-status')).to.equal('Para enviar el mensaje hace falta JavaScript, que aún no se ha cargado.');
    expect(page.root.querySelector<HTMLButtonElement>('[part=submit]')!.disabled).to.equal(true);
    expect(page.root.querySelector('form')!.hasAttribute('action')).to.equal(false);
  });

  it('opens and closes a recommendation’s full text, with a tap or with the keyboard, named as the script names it', async () => {
    const page = await open({lang: 'es', 'page-lang': 'es'});
    const shown = () => page.root.getElementById('recommendation-tps-text')!.getBoundingClientRect().height > 0;
    const toggle = page.root.getElementById('more-tps') as HTMLInputElement;
    expect(toggle.getAttribute('aria-label')).to.equal('Texto completo: Un nuevo TPS para Honduras, Guatemala, El Salvador y Nicaragua');
    expect(toggle.disabled).to.equal(false);
    expect(shown()).to.equal(false);
    page.root.querySelector<HTMLLabelElement>('label[for="more-tps"]')!.click();
    expect(shown(), 'after a tap on the chevron').to.equal(true);
    expect(page.root.querySelectorAll('.recommendation-text').length).to.equal(12);
    toggle.focus();
    await sendKeys({press: 'Space'});
    expect(shown(), 'after Space').to.equal(false);
    expect(page.win.getComputedStyle(page.root.querySelector('label[for="more-tps"]')!).outlineStyle, 'a focus ring').to.equal('solid');
    // Not a pick: the recommendation's own box stays unticked, and its row unmarked.
    page.root.querySelector<HTMLLabelElement>('label[for="more-tps"]')!.click();
    expect(shown(), 'opened again').to.equal(true);
    expect(box(page, 'tps').checked).to.equal(false);
    expect(page.win.getComputedStyle(box(page, 'tps').closest('li')!).boxShadow, 'no picked mark').to.equal('none');
  });

  it('picks a recommendation at a tap on its box: the full text’s toggle does not lie over it', async () => {
    for (const width of [390, 768]) {
      const page = await open({}, width);
      for (const input of page.root.querySelectorAll<HTMLInputElement>('input[data-recommendation]')) {
        input.scrollIntoView({block: 'center'});
        const {left, top, width: w, height: h} = input.getBoundingClientRect();
        const hit = page.root.elementFromPoint(left + w / 2, top + h / 2);
        expect(hit === input, `${width} px: the middle of ${input.dataset['recommendation']}’s box is <${hit?.localName} id="${hit?.id}">`).to.equal(true);
      }
    }
  });

  it('shows no stale count or "pick at least one" once the reader ticks, and says what the message will hold', async () => {
    const page = await open({lang: 'es', 'page-lang': 'es'});
    const visible = (selector: string) => {
      const element = page.root.querySelector(selector)!;
      const style = page.win.getComputedStyle(element);
      return style.display !== 'none' && style.visibility !== 'hidden';
    };
    const bar = page.root.querySelector('[part=picks-bar]')!.getBoundingClientRect().height;
    expect(visible('[part=count]'), 'the count, before a tick').to.equal(true);
    expect(visible('.message .help:not(.picked-note)')).to.equal(true);
    expect(visible('.picked-note')).to.equal(false);
    box(page, 'tps').click();
    expect(visible('[part=count]'), 'no "Elegidas: 0 de 12" over a tick').to.equal(false);
    expect(page.root.querySelector('[part=picks-bar]')!.getBoundingClientRect().height, 'the bar keeps its height').to.equal(bar);
    expect(visible('.message .help:not(.picked-note)'), 'no "Elija al menos una…" over a tick').to.equal(false);
    expect(text(page, '.picked-note')).to.equal('Su mensaje se escribirá con las recomendaciones que eligió.');
    expect(visible('.picked-note')).to.equal(true);
    // The script, when it comes, counts the tick and writes the message: none of this stays.
    await loadScript(page);
    expect(visible('[part=count]'), 'the script’s count').to.equal(true);
    expect(text(page, '[part=count]')).to.contain('1');
    expect(page.root.querySelector('.picked-note'), 'the script’s view has no such line').to.equal(null);
  });

  it('keeps the count of boxes the markup ticks itself (picked=) until the reader changes one', async () => {
    const page = await open({attrs: attrs({picked: 'tps'})});
    const hidden = () => page.win.getComputedStyle(page.root.querySelector('[part=count]')!).visibility === 'hidden';
    expect(hidden(), 'the markup’s own count is right').to.equal(false);
    box(page, 'tps').click();
    expect(hidden(), 'unticked: the count is stale').to.equal(true);
  });

  it('says so without an endpoint too, where the script offers the reader’s own email', async () => {
    const page = await open({});
    expect(text(page, '.actions .help')).to.equal('To send this message, this page needs JavaScript, which has not loaded yet.');
  });

  it('posts a plain form to an endpoint that takes form posts, with the fields the receiver reads', async () => {
    const bucket = `noscript-${Date.now()}`;
    const page = await open({attrs: attrs({endpoint: `/endpoint/ok/${bucket}`, 'endpoint-format': 'form', fields: 'name*, email*'}), lang: 'es', 'page-lang': 'es'});
    box(page, 'rule-of-law').click();
    box(page, 'tps').click();
    (page.root.getElementById('supporter-name') as HTMLInputElement).value = 'Ada';
    (page.root.getElementById('supporter-email') as HTMLInputElement).value = 'ada@example.org';
    (page.root.getElementById('supporter-consent') as HTMLInputElement).click();
    page.root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    let recorded: Array<{body: string; headers: Record<string, string>}> = [];
    await until(() => {
      void fetch(`/endpoint/recorded/${bucket}`).then(async (r) => (recorded = await r.json()));
      return recorded.length > 0;
    }, 'the form post');
    expect(recorded[0]!.headers['content-type']).to.equal('application/x-www-form-urlencoded');
    const fields = [...new URLSearchParams(recorded[0]!.body)];
    expect(fields).to.deep.equal([
      ['noscript', '1'],
      ['version', '1'],
      ['campaign', 'root-causes-2021'],
      ['locale', 'es'],
      ['recommendations', 'rule-of-law'],
      ['recommendations', 'tps'],
      ['supporter.name', 'Ada'],
      ['supporter.email', 'ada@example.org'],
      ['consent', 'true'],
      ['website', ''],
    ]);
  });
});

describe('pre-rendered widget behind a strict Content-Security-Policy', () => {
  it('is styled with the hash of its style, and the script takes over', async () => {
    const page = await open({csp: '1'});
    expect(page.win.getComputedStyle(page.root.querySelector('.widget')!).display).to.equal('flex');
    box(page, 'tps').click();
    await loadScript(page);
    expect(box(page, 'tps').checked).to.equal(true);
    expect(page.root.adoptedStyleSheets.length).to.be.greaterThan(0);
  });

  it('is unstyled until the script comes without that hash: a strict style-src blocks the markup’s <style>', async () => {
    const page = await open({csp: 'no-hash'});
    expect(page.win.getComputedStyle(page.root.querySelector('.widget')!).display).to.equal('block');
    await loadScript(page);
    expect(page.win.getComputedStyle(page.root.querySelector('.widget')!).display, 'constructed style sheets are not blocked').to.equal('flex');
  });

  it('stays as it is, its plain form post working, when the script comes but the form’s chunk cannot', async () => {
    const bucket = `chunkless-${Date.now()}`;
    const page = await open({attrs: attrs({endpoint: `/endpoint/ok/${bucket}`, 'endpoint-format': 'form', fields: 'name*, email*'}), lang: 'en'});
    await loadScript(page, '/cdn-missing-chunks/civic-action/0.1.0/civic-action.js');
    expect(page.root.querySelector('style'), 'the markup, not replaced').to.not.equal(null);
    box(page, 'tps').click();
    (page.root.getElementById('supporter-name') as HTMLInputElement).value = 'Ada';
    (page.root.getElementById('supporter-email') as HTMLInputElement).value = 'ada@example.org';
    (page.root.getElementById('supporter-consent') as HTMLInputElement).click();
    page.root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    let recorded: Array<{body: string}> = [];
    await until(() => {
      void fetch(`/endpoint/recorded/${bucket}`).then(async (r) => (recorded = await r.json()));
      return recorded.length > 0;
    }, 'the form post');
    expect(new URLSearchParams(recorded[0]!.body).getAll('recommendations')).to.deep.equal(['tps']);
  });
  it('stays as it is, in use, when the campaign at src cannot load: its plain form post still sends', async () => {
    const page = await open({attrs: attrs({src: '/test/fixtures/campaign-second.json', endpoint: '/endpoint/ok/srcless', 'endpoint-format': 'form'})});
    box(page, 'only').click();
    // The file is gone by the time the script asks for it.
    page.host.setAttribute('src', '/test/fixtures/no-such-campaign.json');
    const errors: string[] = [];
    page.host.addEventListener('civic-action-error', (event) => errors.push((event as CustomEvent<{reason: string}>).detail.reason));
    await loadScript(page);
    await until(() => errors.length > 0, 'the error event for the organizer');
    await new Promise((r) => setTimeout(r, 300));
    expect(page.root.querySelector('style'), 'the markup, not replaced by a notice').to.not.equal(null);
    expect(text(page, 'h2')).to.equal('A second campaign');
    expect(box(page, 'only').checked, 'the tick').to.equal(true);
    expect(page.root.querySelector('form')!.getAttribute('method')).to.equal('post');
  });

  it('stays as it is, not a notice in its place, when the script and the form’s chunk come but the built-in campaign’s texts cannot', async () => {
    const page = await open({attrs: attrs({endpoint: '/endpoint/ok/textless', 'endpoint-format': 'form'}), lang: 'en'});
    box(page, 'tps').click();
    await loadScript(page, '/cdn-missing-campaign/civic-action/0.1.0/civic-action.js');
    // The form's chunk comes a step after the first update: the take-over would happen then.
    await until(() => page.win.performance.getEntriesByType('resource').some((entry) => /\/chunks\/checks-/.test(entry.name)), 'the form’s chunk');
    await new Promise((r) => setTimeout(r, 300));
    await page.host.updateComplete;
    expect(page.root.querySelector('style'), 'the markup, not replaced').to.not.equal(null);
    expect(page.root.querySelector('.notice'), 'no notice over a view that works').to.equal(null);
    expect(page.root.querySelectorAll('input[data-recommendation]')).to.have.lengthOf(12);
    expect(box(page, 'tps').checked).to.equal(true);
  });
});
