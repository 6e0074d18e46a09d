import {expect} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import type {Campaign} from '../../src/campaign/campaign-schema.js';
import type {CivicAction} from '../../src/civic-action.component.js';

/**
 * Places where the widget shows campaign content, what the reader typed, or (the offer of the
 * browser's language) text that is in another language on purpose.
 */
const CONTENT = [
  '.offer',
  '.signer',
  '[part=title]',
  '[part=intro]',
  '.recommendation label',
  '.recommendation-text',
  '.envelope dd',
  '.switcher button',
].join(', ');

/** Every interface text node that did not go through the pseudo-locale, with where it is. */
function untranslated(element: CivicAction): string[] {
  const walker = document.createTreeWalker(element.shadowRoot!, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    // Symbols (the required-field star, list bullets) carry no language.
    if (!/[a-zA-Z]/.test(text) || node.parentElement!.closest(CONTENT)) continue;
    if (!text.includes('⟦')) found.push(`${node.parentElement!.localName}.${node.parentElement!.className}: ${text}`);
  }
  for (const labelled of element.shadowRoot!.querySelectorAll('[aria-label]')) {
    if (!labelled.getAttribute('aria-label')!.includes('⟦')) found.push(`aria-label: ${labelled.getAttribute('aria-label')}`);
  }
  return found;
}

describe('adding a language', function () {
  this.timeout(60_000);

  it('is files only, and leaves no interface string outside msg()', async () => {
    const {module, locale} = (await executeServerCommand('build-with-pseudo-locale')) as {module: string; locale: string};
    const iframe = document.createElement('iframe');
    iframe.style.width = '800px';
    document.body.append(iframe);
    const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
    iframe.srcdoc = `<!doctype html><html lang="en"><body>
      <civic-action lang="${locale}" endpoint="/endpoint/status-500/pseudo"></civic-action>
      <script type="module" src="${module}"></script></body></html>`;
    await loaded;
    const win = iframe.contentWindow!;
    await win.customElements.whenDefined('civic-action');
    const element = win.document.querySelector('civic-action') as CivicAction;
    const campaign: Campaign = {
      id: 'pseudo',
      defaultLocale: 'en',
      title: {en: 'Title', [locale]: 'Ŧíŧĺé'},
      recommendations: [
        {id: 'one', title: {en: 'One', [locale]: 'Óñé'}, text: {en: 'One.', [locale]: 'Óñé.'}},
        {id: 'two', title: {en: 'Two', [locale]: 'Ŧŵó'}, text: {en: 'Two.', [locale]: 'Ŧŵó.'}},
      ],
    };
    element.campaign = campaign;
    element.minFillTime = 0;
    element.setAttribute('retries', '0');
    await element.updateComplete;
    const root = element.shadowRoot!;
    const problems: string[] = [];
    const check = async (state: string) => {
      await element.updateComplete;
      problems.push(...untranslated(element).map((p) => `${state}: ${p}`));
    };

    await check('first view');
    expect(root.querySelector('legend')!.textContent).to.contain('⟦');
    (root.querySelector('#recommendation-one') as HTMLInputElement).click();
    await check('one picked');
    (root.querySelector('[part=submit]') as HTMLButtonElement).click();
    await check('invalid form');
    (root.querySelector('#recommendation-two') as HTMLInputElement).click();
    const textarea = root.querySelector('#message-body') as HTMLTextAreaElement;
    textarea.focus();
    await sendKeys({type: 'x'});
    await check('edited');
    (root.querySelector('#recommendation-one') as HTMLInputElement).click();
    (root.querySelector('.notice button') as HTMLButtonElement).click();
    await check('rebuilt');
    const name = root.querySelector('#supporter-name') as HTMLInputElement;
    name.focus();
    await sendKeys({type: 'Ana'});
    (root.querySelector('#supporter-email') as HTMLInputElement).focus();
    await sendKeys({type: 'a@b.example'});
    (root.querySelector('[part=submit]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 300));
    await check('failed');
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('⟦');
    expect(problems).to.deep.equal([]);
    iframe.remove();
  });
});
