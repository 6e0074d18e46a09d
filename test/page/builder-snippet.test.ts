import {expect} from '@open-wc/testing';
import {defaultCampaign} from '../../src/campaign/default-campaign.complete.js';
import type {CivicAction} from '../../src/civic-action.component.js';
import {frame, until} from './frames.js';

/**
 * Issue 14's rough edges of the embed builder (demo/builder.html), in Chromium: the code loaded the
 * script from a folder the organizer never uploaded to (it added the version behind their back), it
 * offered only some attributes and no campaign of one's own, the page scrolled sideways on a phone,
 * and a script that failed to load left a blank 1,920 px gap on the partner's page.
 */

interface Builder {
  doc: Document;
  set(selector: string, value: string): void;
  snippet(): string;
  text(selector: string): string;
}

async function openBuilder(width = 900): Promise<Builder> {
  const iframe = await frame((f) => (f.src = '/demo/builder.html'), width);
  const doc = iframe.contentDocument!;
  await until(() => doc.querySelector<HTMLTextAreaElement>('#snippet')?.value.includes('sha384-') ?? false, 'the snippet');
  return {
    doc,
    set(selector, value) {
      const input = doc.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector)!;
      // The builder's own realm: an instanceof check against this page's classes would never match.
      if (input.type === 'radio') (input as HTMLInputElement).checked = true;
      else input.value = value;
      input.dispatchEvent(new Event('input', {bubbles: true}));
    },
    snippet: () => doc.querySelector<HTMLTextAreaElement>('#snippet')!.value,
    text: (selector) => doc.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim(),
  };
}

/** The snippet pasted into a page of its own, as a partner would. */
const pasted = (snippet: string, width = 900) =>
  frame((f) => (f.srcdoc = `<!doctype html><html lang="en"><body style="margin:0"><p>Before.</p>${snippet}<p id="after">After.</p></body></html>`), width);

const noSidewaysScroll = (doc: Document) => doc.documentElement.scrollWidth <= doc.documentElement.clientWidth;

describe('the embed builder’s code', function () {
  this.timeout(40_000);

  it('loads the script from exactly the folder given, says which address, and whether it answered', async () => {
    const builder = await openBuilder();
    const cases = [
      [`${location.origin}/cdn/civic-action/0.1.0/`, `${location.origin}/cdn/civic-action/0.1.0/civic-action.js`, 'It answered: the file there is this build (civic-action 0.1.0), and so are its chunks.'],
      // The script alone, as a folder uploaded without its chunks/ has it; or chunks of another build.
      [`${location.origin}/cdn-missing-chunks/civic-action/0.1.0/`, `${location.origin}/cdn-missing-chunks/civic-action/0.1.0/civic-action.js`, 'answered 404: the widget would show the list but not the message form'],
      [`${location.origin}/cdn-tampered-chunks/civic-action/0.1.0/`, `${location.origin}/cdn-tampered-chunks/civic-action/0.1.0/civic-action.js`, "there is not this build's"],
      // The address of the file itself, as some hosts show it.
      [`${location.origin}/cdn/civic-action/0.1.0/civic-action.js`, `${location.origin}/cdn/civic-action/0.1.0/civic-action.js`, 'this build'],
      // Nothing is added: a folder without a version is used as it is, and its 404 is said.
      [`${location.origin}/cdn/civic-action`, `${location.origin}/cdn/civic-action/civic-action.js`, 'It answered 404'],
      [`${location.origin}/cdn-tampered/civic-action/0.1.0/`, `${location.origin}/cdn-tampered/civic-action/0.1.0/civic-action.js`, 'not this build'],
      ['http://127.0.0.1:9/civic-action/', 'http://127.0.0.1:9/civic-action/civic-action.js', 'It did not answer'],
      // The placeholder, not asked at all (it could only fail, in the console too).
      ['https://your-host.example/civic-action/0.1.0/', 'https://your-host.example/civic-action/0.1.0/civic-action.js', 'That is an example address'],
    ] as const;
    for (const [base, loaded, verdict] of cases) {
      builder.set('#base', base);
      await until(() => builder.text('#script-check').includes(verdict), `"${verdict}" for ${base}; got "${builder.text('#script-check')}"`);
      expect(builder.text('#script-check')).to.contain(`The code loads ${loaded}.`);
      // The pre-rendered code (the builder's default) imports it, and its import map pins it.
      expect(builder.snippet()).to.contain(`<script type="module">import "${loaded}";`);
      expect(builder.snippet()).to.contain(`"${loaded}":"sha384-`);
    }
    builder.set('#base', 'civic-action/');
    expect(builder.text('#script-check')).to.contain('not a full address');
  });

  it('offers every attribute of the element, and writes each into the code', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const attributes: string[] = manifest.modules
      .flatMap((m: {declarations?: Array<{tagName?: string; attributes?: Array<{name: string}>}>}) => m.declarations ?? [])
      .find((d: {tagName?: string}) => d.tagName === 'civic-action')
      .attributes.map((a: {name: string}) => a.name);
    expect(attributes).to.include.members(['endpoint', 'src', 'tally-src', 'picked', 'timeout']);

    const builder = await openBuilder();
    const values: Record<string, string> = {
      endpoint: 'https://forms.example/civic-action',
      'endpoint-format': 'form',
      recipients: 'Ana Díaz <ana@example.org>',
      subject: 'Water now',
      retries: '2',
      timeout: '30',
      lang: 'es',
      'message-lang': 'en',
      'min-picks': '2',
      'max-picks': '5',
      picked: 'tps, climate',
      org: 'Casa Comunitaria',
      'privacy-url': 'https://casa.example/privacy',
      ref: 'newsletter',
      'success-url': 'https://casa.example/thanks',
      'share-url': 'https://casa.example/act',
      'share-text': 'Join me',
      'tally-src': 'https://receiver.example/campaigns/root-causes-2021/tally',
      theme: 'dark',
      src: 'https://casa.example/campaign.json',
    };
    for (const attribute of attributes) {
      const control = builder.doc.querySelector(`#settings [name="${attribute}"], #settings [data-attribute="${attribute}"]`);
      expect(control, `a control for ${attribute}`).not.to.be.null;
    }
    builder.set('#campaign-file', '');
    for (const [attribute, value] of Object.entries(values)) builder.set(`[name="${attribute}"]`, value);
    builder.set('#field-postal-code', 'off');
    await until(() => builder.snippet().includes('theme="dark"'), 'the code');
    for (const attribute of attributes) {
      const expected = attribute === 'fields' ? 'name*, email*' : values[attribute]!.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(builder.snippet(), attribute).to.contain(` ${attribute}="${expected}"`);
    }
  });

  it('writes a hand-written inline campaign into the code, which shows when pasted, markup and all as text', async () => {
    const builder = await openBuilder();
    builder.set('#base', `${location.origin}/cdn/civic-action/0.1.0/`);
    builder.set('#campaign-inline', '');
    const campaign = {
      id: 'clean-water',
      title: {en: 'Clean water </script><b>now</b>', es: 'Agua limpia'},
      recommendations: [{id: 'fountains', title: {en: 'Fountains', es: 'Bebederos'}, text: {en: 'One a floor.', es: 'Uno por piso.'}}],
    };
    builder.set('#campaign-json', JSON.stringify(campaign));
    await until(() => builder.text('#campaign-check').startsWith('A campaign of 1 recommendation'), 'the campaign check');
    expect(builder.text('#campaign-check')).to.contain('default en');
    const code = builder.snippet();
    expect(code).to.contain('<script type="application/json">');
    expect(code).not.to.contain('</script><b>');
    // The languages offered follow the campaign's.
    expect([...builder.doc.querySelectorAll<HTMLOptionElement>('#lang option')].map((o) => o.value)).to.deep.equal(['', 'en', 'es']);
    const preview = builder.doc.querySelector('#preview civic-action') as CivicAction;
    await preview.updateComplete;
    expect(preview.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal(campaign.title.en);

    const page = await pasted(code);
    const win = page.contentWindow!;
    await until(() => Boolean(win.customElements.get('civic-action')), 'the element to be defined');
    const element = win.document.querySelector('civic-action') as CivicAction;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal(campaign.title.en);
    expect(element.campaign.id).to.equal('clean-water');

    builder.set('#campaign-json', '{"id": "x"');
    expect(builder.text('#campaign-check')).to.match(/^This is not JSON/);
    builder.set('#campaign-json', '{"id": "x", "title": {"en": "X"}}');
    expect(builder.text('#campaign-check')).to.equal('The widget would refuse it: recommendations: required.');
  });

  it('checks a src campaign as the widget will fetch it, and offers its languages', async () => {
    const builder = await openBuilder();
    // The script-only code (the pre-rendered one: builder-prerender.test.ts).
    builder.set('#embed-script', '');
    builder.set('#campaign-file', '');
    const src = `${location.origin}/endpoint/campaign/builder${Math.random().toString(36).slice(2)}`;
    builder.set('#src', src);
    await until(() => builder.text('#campaign-check').startsWith('It answered'), 'the campaign check');
    expect(builder.text('#campaign-check')).to.equal('It answered: a campaign of 2 recommendations, in en, es, fr (default en).');
    expect([...builder.doc.querySelectorAll<HTMLOptionElement>('#lang option')].map((o) => o.value)).to.deep.equal(['', 'en', 'es', 'fr']);
    expect(builder.snippet()).to.contain(`<civic-action src="${src}">`);
    expect(builder.snippet()).to.contain('<strong>Fountains</strong>: Install a fountain on every floor.');
    builder.set('#src', `${location.origin}/nothing-here.json`);
    await until(() => builder.text('#campaign-check').startsWith('It answered 404'), 'the 404');
  });

  it('fits a 390 px phone without sideways scrolling, whichever campaign is chosen', async () => {
    const builder = await openBuilder(390);
    expect(builder.doc.documentElement.clientWidth).to.equal(390);
    builder.set('#base', `${location.origin}/a/very/long/path/that/an/organizer/might/well/have/on/their/host/civic-action/0.1.0/`);
    builder.set('#recipients', 'Office of Representative Example <office-of-representative-example@example.org>');
    await new Promise((r) => setTimeout(r, 300));
    expect(noSidewaysScroll(builder.doc), `scrollWidth ${builder.doc.documentElement.scrollWidth}`).to.be.true;
    for (const kind of ['#campaign-inline', '#campaign-file', '#campaign-builtin']) {
      builder.set(kind, '');
      await new Promise((r) => setTimeout(r, 100));
      expect(noSidewaysScroll(builder.doc), `${kind}: scrollWidth ${builder.doc.documentElement.scrollWidth}`).to.be.true;
    }
  });

  it('shows the recommendations as plain text where the script fails to load, not a blank gap', async () => {
    const builder = await openBuilder();
    // The script-only code (the pre-rendered one: builder-prerender.test.ts).
    builder.set('#embed-script', '');
    builder.set('#base', `${location.origin}/not-uploaded/civic-action/`);
    builder.set('#lang', 'es');
    await until(() => builder.text('#script-check').includes('404'), 'the 404');
    const page = await pasted(builder.snippet(), 390);
    const doc = page.contentDocument!;
    const element = doc.querySelector('civic-action')!;
    const fallback = element.querySelector<HTMLElement>(':scope > div')!;
    // While the script may still come, the text keeps the place without showing.
    expect(page.contentWindow!.getComputedStyle(element).visibility).to.equal('hidden');
    await new Promise((r) => setTimeout(r, 2300));
    expect(page.contentWindow!.customElements.get('civic-action')).to.be.undefined;
    expect(page.contentWindow!.getComputedStyle(element).visibility).to.equal('visible');
    const shown = fallback.innerText;
    expect(shown).to.contain(defaultCampaign.title.es);
    for (const r of defaultCampaign.recommendations) expect(shown).to.contain(r.title.es!);
    expect(fallback.getAttribute('lang')).to.equal('es');
    expect(shown, 'how to act: sending needs the script').to.contain('Para enviar el mensaje hace falta JavaScript, que aún no se ha cargado.');
    // No blank room: the element is as tall as what it shows, and the page goes on right under it.
    const box = element.getBoundingClientRect();
    const content = fallback.getBoundingClientRect();
    expect(box.bottom - content.bottom, 'blank space under the recommendations').to.be.lessThan(40);
    expect(doc.querySelector('#after')!.getBoundingClientRect().top - content.bottom).to.be.lessThan(60);
    expect(noSidewaysScroll(doc)).to.be.true;
  });

  it('hides the plain text once the script defines the element', async () => {
    const builder = await openBuilder();
    // The script-only code (the pre-rendered one: builder-prerender.test.ts).
    builder.set('#embed-script', '');
    builder.set('#base', `${location.origin}/cdn/civic-action/0.1.0/`);
    await until(() => builder.text('#script-check').includes('this build'), 'the check');
    const page = await pasted(builder.snippet());
    const win = page.contentWindow!;
    await until(() => Boolean(win.customElements.get('civic-action')), 'the element to be defined');
    const element = win.document.querySelector('civic-action') as CivicAction;
    await element.updateComplete;
    await new Promise((r) => setTimeout(r, 2300));
    expect(element.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal(defaultCampaign.title.en);
    const fallback = element.querySelector('div')!;
    expect(fallback.getClientRects().length, 'the plain text has no box').to.equal(0);
  });
});
