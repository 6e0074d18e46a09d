import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {jsonSchemas} from '../../schema/json-schemas.js';
import {defaultCampaign} from '../../src/campaign/default-campaign.complete.js';

describe('generated files', () => {
  it('custom-elements.json is what the analyzer writes today (run npm run analyze)', async function () {
    // The analyzer runs in a child process: on a busy 2-core machine it took over the default 10 s.
    this.timeout(60_000);
    const {current} = (await executeServerCommand('manifest-is-current')) as {current: boolean};
    expect(current, 'custom-elements.json is stale: run npm run analyze').to.be.true;
  });

  it('README.md’s API reference and the VS Code data match custom-elements.json (run npm run docs)', async () => {
    const current = (await executeServerCommand('docs-are-current')) as {readme: boolean; vscode: boolean};
    expect(current).to.deep.equal({readme: true, vscode: true});
  });

  for (const [name, schema] of Object.entries(jsonSchemas())) {
    it(`schema/${name} matches the zod schema (run npm run schemas)`, async () => {
      const committed = await (await fetch(`/schema/${name}`)).json();
      expect(committed).to.deep.equal(JSON.parse(JSON.stringify(schema)));
    });
  }

  it('scripts/ imports nothing from test/, and test/ takes from scripts/ only scripts/lib/', async () => {
    expect(await executeServerCommand('cross-imports')).to.deep.equal([]);
  });

  it('every interface string has a Spanish translation in locales/es.xlf', async () => {
    const xliff = new DOMParser().parseFromString(await (await fetch('/locales/es.xlf')).text(), 'application/xml');
    const units = [...xliff.querySelectorAll('trans-unit')];
    expect(units.length).to.be.greaterThan(40);
    const untranslated = units.filter((u) => !u.querySelector('target')?.textContent?.trim()).map((u) => u.querySelector('source')?.textContent);
    expect(untranslated, 'trans-units without a <target>').to.deep.equal([]);
  });
});

describe('the built files', () => {
  /** Loads a page in an iframe and waits for it; returns its window. */
  async function frame(body: string): Promise<Window> {
    const iframe = document.createElement('iframe');
    iframe.style.width = '600px';
    document.body.append(iframe);
    const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
    iframe.srcdoc = `<!doctype html><html lang="en"><body>${body}</body></html>`;
    await loaded;
    return iframe.contentWindow!;
  }

  async function upgraded(win: Window, selector: string): Promise<HTMLElement> {
    const element = win.document.querySelector<HTMLElement & {updateComplete: Promise<unknown>}>(selector)!;
    await win.customElements.whenDefined('civic-action');
    await element.updateComplete;
    return element;
  }

  it('dist/civic-action.js alone shows the built-in campaign in both languages', async () => {
    const win = await frame(`<civic-action id="en"></civic-action><civic-action id="es" lang="es"></civic-action>
      <script type="module" src="/dist/civic-action.js"></script>`);
    const en = await upgraded(win, '#en');
    const es = await upgraded(win, '#es');
    expect(en.shadowRoot!.querySelector('h2')!.textContent).to.equal(defaultCampaign.title.en);
    expect(es.shadowRoot!.querySelector('h2')!.textContent).to.equal(defaultCampaign.title.es);
    expect(es.shadowRoot!.querySelector('legend')!.textContent).to.contain('Elija las recomendaciones');
    expect(en.shadowRoot!.querySelectorAll('input[data-recommendation]')).to.have.length(12);
  });

  it('dist/civic-action.iife.js works as a classic script, included twice without an error', async () => {
    const win = await frame(`<script>window.errors = []; addEventListener('error', (e) => errors.push(e.message));</script>
      <script src="/dist/civic-action.iife.js"></script>
      <script src="/dist/civic-action.iife.js"></script>
      <civic-action lang="es"></civic-action>`);
    const element = await upgraded(win, 'civic-action');
    expect((win as unknown as {errors: string[]}).errors).to.deep.equal([]);
    expect(element.shadowRoot!.querySelector('h2')!.textContent).to.equal(defaultCampaign.title.es);
  });

  it('dist/civic-action.js imported twice under two URLs defines the element once, without an error', async () => {
    const win = await frame(`<script>window.errors = []; addEventListener('error', (e) => errors.push(e.message));</script>
      <script type="module" src="/dist/civic-action.js"></script>
      <script type="module" src="/dist/civic-action.js?again"></script>
      <civic-action></civic-action>`);
    const element = await upgraded(win, 'civic-action');
    await new Promise((r) => setTimeout(r, 100));
    expect((win as unknown as {errors: string[]}).errors).to.deep.equal([]);
    expect(element.shadowRoot!.querySelectorAll('input[data-recommendation]')).to.have.length(12);
  });

  it('name the bundled packages’ licenses, which are shipped beside them', async () => {
    const read = (name: string) => executeServerCommand('read-built-file', {name}) as Promise<string>;
    const notices = await read('THIRD-PARTY-LICENSES.txt');
    for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/localize', 'zod']) {
      expect(notices, name).to.match(new RegExp(`^${name} \\d`, 'm'));
    }
    for (const file of ['civic-action.js', 'civic-action.iife.js']) {
      expect((await read(file)).split('\n')[0], file).to.contain('THIRD-PARTY-LICENSES.txt');
    }
  });

  it('stay within the size budget, gzipped (sizeBudget in package.json)', async () => {
    type Figure = 'firstScript' | 'spanishSend' | 'classicScript';
    type Budget = {targetBytes: number; limitBytes: number};
    const sizes = (await executeServerCommand('built-sizes')) as {module: Record<string, number>} & Record<Figure, number> & Record<`${Figure}Budget`, Budget>;
    // Chunks only where the module build loads them on purpose: zod and the sending client, each translated language's strings, and the built-in campaign's text in each language.
    expect(Object.keys(sizes.module).map((name) => name.replace(/-[\w-]{8}\.js$/, '.js'))).to.have.members(['civic-action.js', 'chunks/checks.js', 'chunks/es.js', 'chunks/default-campaign-en.js', 'chunks/default-campaign-es.js']);
    for (const figure of ['firstScript', 'spanishSend', 'classicScript'] as const) {
      const {targetBytes, limitBytes} = sizes[`${figure}Budget`];
      expect(sizes[figure], `${figure}: ${sizes[figure]} bytes, over the limit of ${limitBytes} (target ${targetBytes})`).to.be.at.most(limitBytes);
    }
  });
});
