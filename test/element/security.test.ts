import {expect, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {CivicAction} from '../../src/civic-action.component.js';
import {$, consoleErrorsDuring, mount, readyInFrame, until} from '../helpers.js';

describe('security', () => {
  for (const value of ['javascript:alert(1)', 'data:text/plain,x', 'ftp://example.org/x', 'http://example.org/x']) {
    it(`refuses endpoint="${value}", naming it`, async () => {
      let element!: CivicAction;
      const errors = await consoleErrorsDuring(async () => {
        element = await mount(html`<civic-action endpoint=${value}></civic-action>`);
      });
      expect(errors.join('\n'), 'README: endpoint must be https: (http: only on loopback), with a console error naming it').to.contain(`endpoint="${value}"`);
      const button = element.shadowRoot!.querySelector('button[type=submit]');
      expect(button === null, 'README: with an unusable endpoint the widget offers the email fallback, never a send button').to.be.true;
    });
  }

  it('has no innerHTML, outerHTML, insertAdjacentHTML or unsafeHTML in src/', async () => {
    const hits = await executeServerCommand('find-in-src', ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'unsafeHTML', 'document.write']);
    expect(hits).to.deep.equal([]);
  });

  it('shows campaign text as text, never as markup', async () => {
    const element = await mount(html`<civic-action></civic-action>`);
    element.campaign = {
      id: 'markup',
      defaultLocale: 'en',
      title: {en: '<img src=x onerror="window.pwned=1">Title'},
      recommendations: [{id: 'a', title: {en: '<b>A</b>'}, text: {en: '<script>window.pwned=1</script>'}}],
    };
    await element.updateComplete;
    expect($(element, 'h2').textContent).to.equal('<img src=x onerror="window.pwned=1">Title');
    expect(element.shadowRoot!.querySelector('img, b, script')).to.be.null;
    expect((window as unknown as {pwned?: number}).pwned).to.be.undefined;
  });

  it('works and sends under a strict Content-Security-Policy with Trusted Types, without a violation', async () => {
    const bucket = `csp${Math.random().toString(36).slice(2)}`;
    const iframe = document.createElement('iframe');
    document.body.append(iframe);
    const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
    iframe.src = `/csp-page?bucket=${bucket}`;
    await loaded;
    const win = iframe.contentWindow as Window & {violations: string[]};
    await win.customElements.whenDefined('civic-action');
    const element = win.document.querySelector('civic-action') as CivicAction;
    await readyInFrame(element);
    const root = element.shadowRoot!;
    (root.querySelector('[part=submit]') as HTMLButtonElement).click();
    await until(() => root.querySelector('[part=confirmation]') !== null, 'the thank-you');
    expect(win.violations).to.deep.equal([]);
    const recorded = await (await fetch(`/endpoint/recorded/${bucket}`)).json();
    expect(recorded).to.have.length(1);
    iframe.remove();
  });
});
