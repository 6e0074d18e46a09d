import {expect} from '@open-wc/testing';
import {frame, until} from './frames.js';

/**
 * Issue 13: the embed builder (demo/builder.html) writes the pre-rendered widget into its code,
 * made in the browser by the same pre-renderer as `civic-action-prerender`, and that code works
 * pasted into a plain page and behind a strict Content-Security-Policy.
 */

beforeEach(() => localStorage.clear());

async function openBuilder() {
  const iframe = await frame((f) => (f.src = '/demo/builder.html'));
  const doc = iframe.contentDocument!;
  const snippet = () => doc.querySelector<HTMLTextAreaElement>('#snippet')!.value;
  await until(() => snippet().includes('sha384-'), 'the snippet');
  return {
    doc,
    snippet,
    set(selector: string, value: string) {
      const input = doc.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
      // The builder's own realm: an instanceof check against this page's classes would fail.
      if (input.type === 'radio') (input as HTMLInputElement).checked = true;
      else input.value = value;
      input.dispatchEvent(new Event('input', {bubbles: true}));
    },
    text: (selector: string) => doc.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim(),
  };
}

/** The attributes of the snippet's element, in their order. */
function attributesOf(markup: string): Record<string, string> {
  const element = new DOMParser().parseFromString(markup, 'text/html').querySelector('civic-action')!;
  return Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]));
}

const commandMarkup = async (attributes: Record<string, string>) => (await fetch(`/prerendered/markup?${new URLSearchParams({attrs: JSON.stringify(attributes)})}`)).text();

describe('the embed builder’s pre-rendered code', function () {
  this.timeout(60_000);

  it('is the command’s markup for the same attributes, then the import map pinning the script and its chunks, then the module importing them', async () => {
    const builder = await openBuilder();
    await until(() => builder.snippet().includes('shadowrootmode'), 'the pre-rendered code');
    const {files} = (await (await fetch('/dist/integrity.json', {cache: 'no-store'})).json()) as {files: Record<string, string>};
    const builtChunks = Object.keys(files).filter((name) => name.startsWith('chunks/')).sort();
    const configurations: Array<Record<string, string>> = [
      {},
      {'#lang': 'es', '#endpoint': 'https://forms.example/act', '#endpoint-format': 'form', '#org': 'Casa <Comunitaria> & "amigos"'},
      {'#picked': 'tps, climate', '#theme': 'dark', '#accent': '#aa0000'},
    ];
    for (const settings of configurations) {
      for (const [selector, value] of Object.entries(settings)) builder.set(selector, value);
      const before = builder.snippet();
      await until(() => builder.snippet() !== before || Object.keys(settings).length === 0, 'the code to follow');
      await until(() => builder.snippet().includes('shadowrootmode'), 'the pre-rendered code');
      const code = builder.snippet();
      // The markup, then the import map, then the module importing the script, what the first view
      // waits for in the widget's language and what the take-over does: no <script src> and no
      // preload, which a browser fetches while it parses the markup.
      const lines = code.split('\n');
      const loader = lines.pop()!;
      const importMap = lines.pop()!;
      const markup = lines.join('\n');
      expect(code).to.not.contain('<script type="module" src=');
      expect(code).to.not.contain('modulepreload');
      const pins = JSON.parse(/^<script type="importmap">(.*)<\/script>$/.exec(importMap)![1]!).integrity as Record<string, string>;
      const imported = [...loader.matchAll(/import "([^"]+)";/g)].map((m) => m[1]!);
      expect(loader).to.match(/^<script type="module">(import "[^"]+"; ?)+<\/script>$/);
      expect(imported[0]).to.match(/\/civic-action\.js$/);
      expect(pins[imported[0]!], 'the script pinned').to.match(/^sha384-/);
      expect(Object.keys(pins).map((url) => url.replace(/^.*\/(chunks\/)/, '$1')).filter((name) => name.startsWith('chunks/')).sort(), 'every chunk pinned').to.deep.equal(builtChunks);
      for (const url of imported) expect(pins[url], url).to.match(/^sha384-/);
      // The settings add up: Spanish from the second on.
      const spanish = builder.doc.querySelector<HTMLSelectElement>('#lang')!.value === 'es';
      const chunks = imported.slice(1).map((url) => /chunks\/([a-z-]+?)-[\w-]{8}\.js$/.exec(url)![1]);
      // And the checks' chunk, which the take-over waits for.
      expect(chunks.sort(), JSON.stringify(settings)).to.deep.equal(spanish ? ['checks', 'default-campaign-es', 'es'] : ['checks', 'default-campaign-en']);
      expect(markup, JSON.stringify(settings)).to.equal(await commandMarkup(attributesOf(markup)));
    }
    expect(builder.text('#csp-hash')).to.match(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it('is script only when chosen, or when the campaign is written into the code, saying why', async () => {
    const builder = await openBuilder();
    builder.set('#embed-script', '');
    expect(builder.snippet()).to.not.contain('shadowrootmode');
    expect(builder.snippet()).to.contain('civic-action:not(:defined)');
    // A strict policy needs the hash of the rule that keeps the widget's place, and of the import map.
    const sha256 = async (text: string) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))))}'`;
    const styleText = /<style>([\s\S]*?)<\/style>/.exec(builder.snippet())![1]!;
    const mapText = /<script type="importmap">([\s\S]*?)<\/script>/.exec(builder.snippet())![1]!;
    await until(async () => builder.text('#csp-hash') === (await sha256(styleText)), 'the style’s hash');
    expect(builder.text('#csp-map-hash')).to.equal(await sha256(mapText));
    expect(builder.text('#csp-map-does')).to.contain('pins the chunks');
    expect(builder.doc.querySelector<HTMLElement>('#csp-loader')!.hidden, 'no module to hash').to.equal(true);
    expect(builder.text('#csp-style-does')).to.contain('keeps the widget’s place');
    builder.set('#embed-prerendered', '');
    await until(() => builder.snippet().includes('shadowrootmode'), 'the pre-rendered code');
    builder.set('#campaign-inline', '');
    await until(() => !builder.snippet().includes('shadowrootmode'), 'script-only code');
    expect(builder.text('#embed-check')).to.contain('A campaign written into the code comes with the script only');
  });

  it('pre-renders a campaign from a src file it can read, with the src in the code for the script', async () => {
    const builder = await openBuilder();
    builder.set('#campaign-file', '');
    const src = `${location.origin}/endpoint/campaign/builder-prerender-${Math.random().toString(36).slice(2)}`;
    builder.set('#src', src);
    await until(() => builder.text('#campaign-check').startsWith('It answered'), 'the campaign check');
    builder.set('#lang', 'fr');
    await until(() => builder.snippet().includes(' lang="fr"><template shadowrootmode="open">'), 'the pre-rendered code in French');
    // The markup, without the import map and the module after it.
    const markup = builder.snippet().split('\n').slice(0, -2).join('\n');
    expect(attributesOf(markup)).to.deep.equal({src, lang: 'fr'});
    const campaign = await (await fetch(src)).json();
    expect(new DOMParser().parseFromString(markup, 'text/html').querySelector('civic-action')!.innerHTML).to.contain(`>${campaign.title.fr}</h2>`);
  });

  it('works pasted into a plain page, and behind a strict Content-Security-Policy with the hashes it prints', async () => {
    const builder = await openBuilder();
    // The built file as it is on disk (test/server/recording-endpoint.mjs): the dev server rewrites what it serves, which the integrity hash refuses.
    builder.set('#base', `${location.origin}/cdn/civic-action/0.1.0/`);
    await until(() => builder.snippet().includes('shadowrootmode') && builder.snippet().includes(`${location.origin}/cdn/civic-action/0.1.0/civic-action.js`), 'the code');
    await until(() => builder.text('#csp-hash') !== '', 'the hash');
    const code = builder.snippet();
    const markup = code.split('\n').slice(0, -2).join('\n');
    expect(markup).to.match(/<\/civic-action>$/);
    const hash = builder.text('#csp-hash');
    const strict = (extra: string) => `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'${extra}">`;
    const page = (head: string, body: string) => `<!doctype html><html lang="en"><head>${head}</head><body><p>Before.</p>${body}<p>After.</p></body></html>`;

    // Before the script (here: without it), the view is there and styled: behind the strict policy, only with the hash.
    for (const [head, styled] of [['', true], [strict(` ${hash}`), true], [strict(''), false]] as const) {
      const doc = (await frame((f) => (f.srcdoc = page(head, markup)))).contentDocument!;
      const root = doc.querySelector('civic-action')!.shadowRoot!;
      expect(root.querySelectorAll('input[type=checkbox]').length, head).to.be.greaterThan(11);
      expect(doc.defaultView!.getComputedStyle(root.querySelector('.widget')!).display === 'flex', `styled: ${head}`).to.equal(styled);
    }
    // With the script, which takes over, in both pages. Behind the strict policy, with the hashes
    // of the import map and of the module importing the script: no violation at all (csp-listener.js
    // records them), so the map pins the script and its chunks.
    const mapHash = builder.text('#csp-map-hash');
    const loaderHash = builder.text('#csp-loader-hash');
    for (const source of [mapHash, loaderHash]) expect(source).to.match(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(builder.text('#csp-map-does')).to.contain('pins the script and its chunks');
    expect(builder.doc.querySelector<HTMLElement>('#csp-loader')!.hidden).to.equal(false);
    const scriptHash = `${mapHash} ${loaderHash}`;
    const listener = '<script src="/test/fixtures/csp-listener.js"></script>';
    const strictWithScript = (scriptExtra: string) =>
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'${scriptExtra}; style-src 'self' ${hash}">${listener}`;
    for (const head of ['', strictWithScript(` ${scriptHash}`)]) {
      // The first page's draft would otherwise come back in the second.
      localStorage.clear();
      const iframe = await frame((f) => (f.srcdoc = page(head, code)));
      const win = iframe.contentWindow as Window & typeof globalThis & {violations?: string[]};
      await until(() => win.customElements.get('civic-action') !== undefined, `the script to run: ${head}`);
      const host = iframe.contentDocument!.querySelector('civic-action') as HTMLElement & {updateComplete: Promise<boolean>};
      await host.updateComplete;
      const root = host.shadowRoot!;
      expect(root.querySelector('style'), `taken over: ${head}`).to.equal(null);
      expect(root.adoptedStyleSheets.length).to.be.greaterThan(0);
      root.querySelector<HTMLInputElement>('input[data-recommendation="tps"]')!.click();
      await host.updateComplete;
      expect(root.querySelector('[part=count]')!.textContent!.trim()).to.equal('Picked: 1 of 12');
      if (head) expect(win.violations, 'no policy violation').to.deep.equal([]);
    }
    // Without the module's hash the policy refuses it, and says so: why the builder prints it. The
    // script never runs; the view stays as it is without script, its checkboxes in use.
    localStorage.clear();
    const refused = (await frame((f) => (f.srcdoc = page(strictWithScript(` ${mapHash}`), code)))).contentWindow as Window & typeof globalThis & {violations: string[]};
    await until(() => refused.violations.some((v) => v.startsWith('script-src-elem inline')), 'the module refused');
    expect(refused.violations, 'the map allowed').to.have.length(1);
    expect(refused.customElements.get('civic-action')).to.equal(undefined);
    const stays = refused.document.querySelector('civic-action')!.shadowRoot!;
    expect(stays.querySelectorAll('input[data-recommendation]').length).to.equal(12);
    // Without the map's hash the policy refuses the map, and says so; the module still imports the
    // script, which then runs unchecked.
    localStorage.clear();
    const unpinned = (await frame((f) => (f.srcdoc = page(strictWithScript(` ${loaderHash}`), code)))).contentWindow as Window & typeof globalThis & {violations: string[]};
    await until(() => unpinned.customElements.get('civic-action') !== undefined, 'the script to run without the map');
    expect(unpinned.violations.filter((v) => v.startsWith('script-src-elem inline')), unpinned.violations.join('; ')).to.have.length(1);
  });

  it('prints a whole policy under which the code runs, takes over and shows its accent colour, with no violation', async () => {
    const builder = await openBuilder();
    builder.set('#base', `${location.origin}/cdn/civic-action/0.1.0/`);
    builder.set('#endpoint', '/endpoint/ok/builder-policy');
    builder.set('#endpoint-format', 'form');
    builder.set('#accent', '#aa0044');
    const ready = () =>
      ['shadowrootmode', '--civic-action-accent: #aa0044', 'endpoint-format="form"', `${location.origin}/cdn/civic-action/0.1.0/civic-action.js`].every((part) => builder.snippet().includes(part));
    await until(ready, 'the code');
    await until(() => builder.text('#csp-policy').includes('form-action'), 'the policy');
    const policy = builder.text('#csp-policy');
    expect(policy).to.match(new RegExp(`^default-src 'none'; script-src 'sha256-[^;]+ ${location.origin}; style-src 'sha256-[^']+' 'unsafe-hashes' 'sha256-[^;]+; connect-src 'self'; form-action 'self'$`));
    expect(builder.text('#csp-connect-does')).to.equal('the sends');
    const listener = '<script src="/test/fixtures/csp-listener.js"></script>';
    const iframe = await frame((f) => (f.srcdoc = `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${policy}">${listener}</head><body>${builder.snippet()}</body></html>`));
    const win = iframe.contentWindow as Window & typeof globalThis & {violations: string[]};
    await until(() => win.customElements.get('civic-action') !== undefined, 'the script to run');
    const host = iframe.contentDocument!.querySelector('civic-action') as HTMLElement & {updateComplete: Promise<boolean>};
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('style'), 'taken over').to.equal(null);
    expect(win.getComputedStyle(host).getPropertyValue('--civic-action-accent').trim(), 'the accent colour').to.equal('#aa0044');
    expect(win.violations, 'no policy violation').to.deep.equal([]);
  });

  it('says which language the pre-rendered view is in, and why, without a language chosen', async () => {
    const builder = await openBuilder();
    await until(() => builder.text('#embed-check').startsWith('The code holds'), 'the pre-rendered code');
    expect(builder.text('#embed-check')).to.contain('first view in English, the campaign’s first language: code made beforehand cannot know the page’s language or the reader’s');
    builder.set('#lang', 'es');
    await until(() => builder.text('#embed-check') === 'The code holds the widget’s first view, in Spanish.', 'the Spanish view');
  });

  it('says when the accent colour chosen would leave the widget’s buttons unreadable (WCAG AA, 4.5:1), in the theme chosen', async () => {
    const builder = await openBuilder();
    builder.set('#accent', '#f59e0b');
    await until(() => builder.text('#accent-check') !== '', 'the warning');
    expect(builder.text('#accent-check')).to.contain('On the light theme this colour reads at 2.1:1').and.to.contain('choose a darker colour');
    builder.set('#accent', '#aa0044');
    await until(() => builder.text('#accent-check') === '', 'no warning for a colour that reads at 7.5:1');
    // A dark navy reads well on white, not on the dark theme's surface.
    builder.set('#theme', 'dark');
    builder.set('#accent', '#1e3a8a');
    await until(() => builder.text('#accent-check') !== '', 'the warning for the dark theme');
    expect(builder.text('#accent-check')).to.contain('On the dark theme this colour reads at 1.7:1').and.to.contain('choose a lighter colour');
  });

  it('offers no copy of the code for the settings before while it makes the code for new ones, and does not chatter while an organizer types', async () => {
    const builder = await openBuilder();
    await until(() => builder.snippet().includes('shadowrootmode'), 'the pre-rendered code');
    const copy = builder.doc.querySelector<HTMLButtonElement>('#copy')!;
    expect(copy.disabled).to.equal(false);
    // The check is a live region: every change to it is read out.
    const said: string[] = [];
    new MutationObserver(() => said.push(builder.text('#embed-check'))).observe(builder.doc.querySelector('#embed-check')!, {childList: true, characterData: true, subtree: true});
    for (const typed of ['L', 'Lo', 'Los', 'Los A', 'Los Am', 'Los Amigos']) builder.set('#org', typed);
    expect(copy.disabled, 'while the new code is made').to.equal(true);
    await until(() => builder.snippet().includes('org="Los Amigos"'), 'the new code');
    expect(copy.disabled, 'once it is there').to.equal(false);
    // Quick to make: the result, the same sentence as before, is not said again.
    expect(said).to.deep.equal([]);
  });

  it('pins the script itself: a file its hash does not match is refused, and the view stays as it is', async () => {
    const builder = await openBuilder();
    builder.set('#base', `${location.origin}/cdn/civic-action/0.1.0/`);
    await until(() => builder.snippet().includes('shadowrootmode') && builder.snippet().includes(`${location.origin}/cdn/civic-action/0.1.0/civic-action.js`), 'the code');
    const code = builder.snippet();
    const script = `${location.origin}/cdn/civic-action/0.1.0/civic-action.js`;
    const pins = JSON.parse(/<script type="importmap">(.*)<\/script>/.exec(code)![1]!).integrity as Record<string, string>;
    // The hash of another file of the build, as a changed script would have.
    const other = Object.entries(pins).find(([url]) => url !== script)![1];
    const tampered = code.replace(JSON.stringify(pins[script]), JSON.stringify(other));
    expect(tampered).to.not.equal(code);
    const iframe = await frame((f) => (f.srcdoc = `<!doctype html><html lang="en"><head><script>
      window.failed = [];
      addEventListener('error', (event) => window.failed.push(event.target instanceof HTMLScriptElement ? 'script' : String(event.message)), true);
    </script></head><body>${tampered}</body></html>`));
    const win = iframe.contentWindow as Window & typeof globalThis & {failed: string[]};
    await until(() => win.failed.length > 0, 'the script refused');
    expect(win.customElements.get('civic-action')).to.equal(undefined);
    expect(win.document.querySelector('civic-action')!.shadowRoot!.querySelectorAll('input[data-recommendation]').length).to.equal(12);
  });

  it('keeps a folder address with markup in it inside its two scripts, and refuses one that is no web address', async () => {
    const builder = await openBuilder();
    builder.set('#base', 'https://host.example/a"</script><script>alert(1)</script><!--/');
    await until(() => builder.snippet().includes('shadowrootmode') && builder.snippet().includes('host.example'), 'the code');
    const doc = new DOMParser().parseFromString(builder.snippet(), 'text/html');
    const scripts = [...doc.querySelectorAll('script')];
    // The import map and the module, nothing else; the address percent-encoded inside them.
    expect(scripts.map((script) => script.type)).to.deep.equal(['importmap', 'module']);
    const map = JSON.parse(scripts[0]!.textContent!).integrity as Record<string, string>;
    const script = 'https://host.example/a%22%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E%3C!--/civic-action.js';
    expect(map[script]).to.match(/^sha384-/);
    expect(scripts[1]!.textContent).to.match(new RegExp(`^import "${script.replace(/[.?()/]/g, '\\$&')}";`));
    builder.set('#base', 'data:text/javascript,alert(1)//x.js');
    await until(() => builder.text('#script-check').includes('not a full address'), 'the address refused');
  });
});
