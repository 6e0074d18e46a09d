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

/**
 * Every interface text node that did not go through the pseudo-locale, with where it is.
 * `alsoContent`: more places that show others' words in this state (the receiver's own).
 */
function untranslated(element: CivicAction, alsoContent = ''): string[] {
  const content = alsoContent ? `${CONTENT}, ${alsoContent}` : CONTENT;
  const walker = document.createTreeWalker(element.shadowRoot!, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    // Symbols (the required-field star, list bullets) carry no language.
    if (!/[a-zA-Z]/.test(text) || node.parentElement!.closest(content)) continue;
    if (!text.includes('⟦')) found.push(`${node.parentElement!.localName}.${node.parentElement!.className}: ${text}`);
  }
  for (const labelled of element.shadowRoot!.querySelectorAll('[aria-label]')) {
    if (!labelled.getAttribute('aria-label')!.includes('⟦')) found.push(`aria-label: ${labelled.getAttribute('aria-label')}`);
  }
  return found;
}

const bucket = (behaviour: string) => `/endpoint/${behaviour}/pseudo${Math.random().toString(36).slice(2)}`;

async function until(condition: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('adding a language', function () {
  this.timeout(120_000);

  it('is files only, and leaves no interface string outside msg(), in any state', async () => {
    let built: {module: string; locale: string} | {pending: true};
    do built = (await executeServerCommand('build-with-pseudo-locale')) as typeof built;
    while ('pending' in built);
    const {module, locale} = built;
    const iframe = document.createElement('iframe');
    iframe.style.width = '800px';
    document.body.append(iframe);
    const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
    iframe.srcdoc = `<!doctype html><html lang="en"><body>
      <civic-action lang="${locale}" endpoint="/endpoint/status-500/pseudo"></civic-action>
      <script type="module" src="${module}"></script></body></html>`;
    await loaded;
    const win = iframe.contentWindow! as Window & typeof globalThis;
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
    const states: string[] = [];
    const check = async (state: string, widget: CivicAction = element, alsoContent = '') => {
      await widget.updateComplete;
      states.push(state);
      problems.push(...untranslated(widget, alsoContent).map((p) => `${state}: ${p}`));
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
    element.remove();

    /** Another widget in the frame, in the pseudo-locale, with the same campaign. */
    const widget = async (attributes: Record<string, string> = {}, {keepDrafts = false} = {}) => {
      if (!keepDrafts) {
        win.localStorage.clear();
        win.sessionStorage.clear();
      }
      const made = win.document.createElement('civic-action') as CivicAction;
      made.setAttribute('lang', locale);
      for (const [attribute, value] of Object.entries(attributes)) made.setAttribute(attribute, value);
      made.campaign = campaign;
      made.minFillTime = 0;
      made.retryBaseDelay = 60_000;
      win.document.body.append(made);
      await made.updateComplete;
      return made;
    };
    /** Picks one, fills the fields, and presses send. */
    const send = async (widget: CivicAction) => {
      const shadow = widget.shadowRoot!;
      (shadow.querySelector('#recommendation-one') as HTMLInputElement).click();
      for (const [id, value] of [['#supporter-name', 'Ana'], ['#supporter-email', 'a@b.example']] as const) {
        const input = shadow.querySelector(id) as HTMLInputElement | null;
        if (!input) continue;
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      await widget.updateComplete;
      (shadow.querySelector('[part=submit]') as HTMLElement).click();
    };
    /** Whether `selector` shows some text: the check that follows says whether it went through msg(). */
    const has = (widget: CivicAction, selector: string) => (widget.shadowRoot!.querySelector(selector)?.textContent ?? '').trim() !== '';

    for (const [state, behaviour] of [
      ['sent, and the ways to share', 'ok'],
      ['sent, waiting for the email confirmation', 'confirm'],
    ]) {
      const sent = await widget({endpoint: bucket(behaviour!)});
      await send(sent);
      await until(() => has(sent, '[part=share]'), state!);
      await check(state!, sent);
      (sent.shadowRoot!.querySelector('[part=share] button.secondary') as HTMLButtonElement).click();
      await until(() => has(sent, '[part=share] [role=status]'), 'the copy status');
      await check(`${state}: link copied (or not)`, sent);
      sent.remove();
    }

    const waiting = await widget({endpoint: bucket('seq-503ra120-201')});
    await send(waiting);
    await until(() => has(waiting, '#send-status'), 'the wait');
    await check('waiting for the time the server asked', waiting);
    waiting.remove();

    const retrying = await widget({endpoint: bucket('status-503'), retries: '1'});
    await send(retrying);
    await until(() => has(retrying, '#send-status'), 'the retry');
    await check('waiting to retry', retrying);
    retrying.remove();

    // The frame's browser says it is offline.
    Object.defineProperty(win.navigator, 'onLine', {configurable: true, get: () => false});
    try {
      const offline = await widget({endpoint: bucket('ok')});
      await send(offline);
      await until(() => has(offline, '#send-status'), 'the offline notice');
      await check('offline', offline);
      offline.remove();
    } finally {
      delete (win.navigator as unknown as Record<string, unknown>)['onLine'];
    }

    const refused = await widget({endpoint: bucket('refuse-fields')});
    await send(refused);
    await until(() => has(refused, '[role=alert]'), 'the refusal');
    // The receiver's own words ("We could not use this email.") are its, not ours.
    await check('refused', refused, '[lang=""], #supporter-email-problem');
    refused.remove();

    const invalid = await widget({endpoint: bucket('ok')});
    // The message box appears with the first pick (send() picks the other).
    (invalid.shadowRoot!.querySelector('#recommendation-two') as HTMLInputElement).click();
    await invalid.updateComplete;
    const body = invalid.shadowRoot!.querySelector('#message-body') as HTMLTextAreaElement;
    body.value = 'x'.repeat(20_400);
    body.dispatchEvent(new Event('input'));
    await send(invalid);
    await until(() => has(invalid, '[role=alert]'), 'the schema failure');
    await check('not sent: the submission fails its schema', invalid);
    invalid.remove();

    const held = bucket('hold');
    const closing = await widget({endpoint: held});
    await send(closing);
    await until(() => has(closing, '#send-status'), 'sending');
    await check('sending', closing);
    closing.remove();
    const reopened = await widget({endpoint: held}, {keepDrafts: true});
    expect(reopened.shadowRoot!.querySelector('.interrupted'), 'the offer of the interrupted send').to.exist;
    await check('the offer of an interrupted send', reopened);
    reopened.remove();
    await fetch(held.replace(/\/endpoint\/hold\//, '/endpoint/release/'));

    const fallback = await widget();
    await check('email fallback, nothing picked', fallback);
    (fallback.shadowRoot!.querySelector('#recommendation-one') as HTMLInputElement).click();
    await check('email fallback', fallback);
    (fallback.shadowRoot!.querySelector('.actions button') as HTMLButtonElement).click();
    await until(() => has(fallback, '.actions [role=status]'), 'the copy status');
    await check('email fallback: message copied (or selected)', fallback);
    fallback.remove();

    const counted = await widget({'tally-src': bucket('tally')});
    await until(() => has(counted, '[part=tally]'), 'the counts');
    await check('with the live counts', counted);
    counted.remove();

    const loading = bucket('campaign-hold');
    const waitingForCampaign = await widget({src: loading});
    await check('loading the campaign', waitingForCampaign);
    waitingForCampaign.remove();
    await fetch(loading.replace(/\/endpoint\/campaign-hold\//, '/endpoint/release/'));

    const missing = await widget({src: '/test/fixtures/missing.json'});
    await until(() => has(missing, '[part=notice]'), 'the notice');
    await check('the campaign could not be loaded', missing);
    missing.remove();

    expect(problems, `README: any state (${states.length} checked) shows no interface text outside msg()`).to.deep.equal([]);
    iframe.remove();
  });
});
