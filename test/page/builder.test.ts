import {expect} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {readyInFrame, until} from '../helpers.js';

async function frame(load: (iframe: HTMLIFrameElement) => void): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.style.width = '900px';
  iframe.style.height = '900px';
  document.body.append(iframe);
  const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
  load(iframe);
  await loaded;
  return iframe;
}

/** Fills the builder's form as an organizer would, and returns the code it writes: pre-rendered (its default), or script only. */
async function snippetFromBuilder(base: string, bucket: string, embed: 'prerendered' | 'script' = 'prerendered'): Promise<string> {
  const builder = await frame((f) => (f.src = '/demo/builder.html'));
  const doc = builder.contentDocument!;
  await until(() => doc.querySelector<HTMLTextAreaElement>('#snippet')?.value.includes('sha384-') ?? false, 'README: the embed builder writes a snippet with its integrity hash (sha384-…)');
  const set = (selector: string, value: string) => {
    const input = doc.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', {bubbles: true}));
  };
  if (embed === 'script') {
    doc.querySelector<HTMLInputElement>('#embed-script')!.checked = true;
    doc.querySelector('#embed-script')!.dispatchEvent(new Event('input', {bubbles: true}));
  }
  set('#base', base);
  set('#endpoint', `${location.origin}/endpoint/ok/${bucket}`);
  set('#lang', 'es');
  set('#max-picks', '3');
  set('#field-postal-code', 'off');
  set('#org', 'Casa Comunitaria');
  set('#accent', '#7a1f2b');
  await until(() => doc.querySelector<HTMLTextAreaElement>('#snippet')!.value.includes('Casa Comunitaria'), 'the new snippet');
  await until(() => doc.querySelector<HTMLTextAreaElement>('#snippet')!.value.includes(base), 'the new host');
  expect(doc.querySelector<HTMLTextAreaElement>('#snippet')!.value.includes('shadowrootmode'), embed).to.equal(embed === 'prerendered');
  const preview = doc.querySelector('#preview civic-action') as CivicAction;
  expect(preview.getAttribute('max-picks')).to.equal('3');
  const snippet = doc.querySelector<HTMLTextAreaElement>('#snippet')!.value;
  builder.remove();
  return snippet;
}

describe('the embed builder', function () {
  this.timeout(30_000);

  it('writes a snippet that works when pasted into a page, pinned and integrity-checked', async () => {
    const bucket = `builder${Math.random().toString(36).slice(2)}`;
    const snippet = await snippetFromBuilder(`${location.origin}/cdn/civic-action/0.1.0/`, bucket);
    // Pre-rendered code imports the script, which its import map pins.
    expect(snippet).to.match(/"[^"]+\/cdn\/civic-action\/\d+\.\d+\.\d+\/civic-action\.js":"sha384-[A-Za-z0-9+/]+=*"/);
    expect(snippet).to.match(/import "[^"]+\/cdn\/civic-action\/\d+\.\d+\.\d+\/civic-action\.js";/);
    expect(snippet).to.contain('fields="name*, email*"');

    const page = await frame((f) => (f.srcdoc = `<!doctype html><html lang="en"><body>${snippet}</body></html>`));
    const win = page.contentWindow!;
    await until(() => Boolean(win.customElements.get('civic-action')), 'the element to be defined');
    const element = win.document.querySelector('civic-action') as CivicAction;
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(root.querySelector('legend')!.textContent).to.contain('Elija');
    expect(root.querySelector('#supporter-postal-code')).to.be.null;
    expect(root.querySelector('[part=consent] label')!.textContent).to.contain('Casa Comunitaria');
    expect(win.getComputedStyle(root.querySelector('[part=submit]')!).backgroundColor).to.equal('rgb(122, 31, 43)');

    await readyInFrame(element);
    (root.querySelector('[part=submit]') as HTMLButtonElement).click();
    await until(async () => (await (await fetch(`/endpoint/recorded/${bucket}`)).json()).length === 1, 'the submission');
    page.remove();
  });

  it('writes a snippet that refuses to run a file that was changed on the host', async () => {
    /** The snippet on a page that notes every script that fails to load, and whether the element gets defined. */
    const load = async (code: string) => {
      const page = await frame(
        (f) =>
          (f.srcdoc = `<!doctype html><html lang="en"><head><script>
            window.failed = [];
            addEventListener('error', (e) => e.target instanceof HTMLScriptElement && failed.push(e.target.src || 'the inline module'), true);
          </script></head><body>${code}</body></html>`),
      );
      const win = page.contentWindow as Window & {failed: string[]};
      const outcome = await Promise.race([
        win.customElements.whenDefined('civic-action').then(() => 'defined'),
        until(() => win.failed.length > 0, 'a failed script', 10_000).then(() => 'refused'),
      ]);
      page.remove();
      return {outcome, failed: win.failed};
    };
    const src = `${location.origin}/cdn-tampered/civic-action/0.1.0/civic-action.js`;
    // The changed file is there and served: only its integrity hash can stop it.
    const served = await fetch(src);
    expect(served.status, 'the changed file is served').to.equal(200);
    expect(await served.text()).to.contain("console.log('changed')");

    // Script only: the script tag's integrity attribute. (The same file without it is asked for at
    // another address: the browser remembers the failed load of the first one.)
    const scriptOnly = await snippetFromBuilder(`${location.origin}/cdn-tampered/civic-action/0.1.0/`, 'tampered', 'script');
    expect(await load(scriptOnly), 'README: the integrity hash stops a changed or hijacked file from running').to.deep.equal({outcome: 'refused', failed: [src]});
    const withoutAttribute = scriptOnly.replace(/(<script type="module"[^>]*?)\s*integrity="[^"]+"/, '$1').replace(src, `${src}?unpinned`);
    expect((await load(withoutAttribute)).outcome, 'the changed file runs without the integrity attribute').to.equal('defined');

    // Pre-rendered: the import map's pin. Without it first: a module graph refused earlier leaves
    // its other files refused in the next page too (the chunks it imports beside the script).
    const prerendered = await snippetFromBuilder(`${location.origin}/cdn-tampered/civic-action/0.1.0/`, 'tampered');
    const pin = new RegExp(`"${src.replace(/[.?/]/g, '\\$&')}":"sha384-[^"]+",?`);
    expect(prerendered).to.match(pin);
    const withoutPin = prerendered.replace(pin, '').replace(`import "${src}"`, `import "${src}?unpinned-map"`);
    expect((await load(withoutPin)).outcome, 'the changed file runs without the pin').to.equal('defined');
    expect(await load(prerendered), 'the import map’s hash stops it').to.deep.equal({outcome: 'refused', failed: ['the inline module']});
  });
});
