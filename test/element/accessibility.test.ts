import {expect, html} from '@open-wc/testing';
import {emulateMedia, executeServerCommand, setViewport} from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type {AxeResults, RunOptions} from 'axe-core';
import {nothing, type TemplateResult} from 'lit';
import type {CivicAction} from '../../src/civic-action.component.js';
import {$, $$, endpointBucket, fillSupporter, mount, pick, until} from '../helpers.js';

const axe = (window as unknown as {axe: {run(context: Element, options: RunOptions): Promise<AxeResults>}}).axe;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoAxeViolations(element: CivicAction, label: string, mustRun = ['color-contrast', 'label', 'button-name', 'aria-valid-attr-value', 'target-size']): Promise<void> {
  // axe judges one scroll position. The bar with the count stays at the top of the screen while
  // the list scrolls under it, as any sticky header does, and covers whatever is beneath it at
  // that moment; the check is made where a reader arrives: the widget's top at the screen's top.
  element.scrollIntoView({block: 'start'});
  const results = await axe.run(element.parentElement!, {runOnly: {type: 'tag', values: WCAG_TAGS}});
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('\n    ')}`,
  );
  expect(found, `axe violations in ${label}`).to.deep.equal([]);
  // A run that checked nothing would pass too: make sure the rules that matter did run.
  const ran = new Set([...results.passes, ...results.incomplete].map((r) => r.id));
  for (const rule of mustRun) {
    expect(ran.has(rule), `axe ran ${rule} in ${label}`).to.be.true;
  }
}

/** The thank-you has no form left, so no field labels to check. */
const rulesFor = (state: State) =>
  state === 'sent' || state === 'awaiting confirmation' ? ['color-contrast', 'button-name', 'target-size'] : ['color-contrast', 'label', 'button-name', 'aria-valid-attr-value', 'target-size'];

type State = 'first view' | 'counted' | 'some picked' | 'full text open' | 'invalid form' | 'sending' | 'sent' | 'awaiting confirmation' | 'failed';
/** `counted`: the first view with the live counter shown; `awaiting confirmation`: the receiver wants an email click. */
const STATES: State[] = ['first view', 'counted', 'some picked', 'full text open', 'invalid form', 'sending', 'sent', 'awaiting confirmation', 'failed'];

/** Puts a fresh widget in `state`; returns it with a function that lets a held request go. */
async function widgetIn(state: State, attributes: {lang: string; theme: string}): Promise<{element: CivicAction; done: () => unknown}> {
  // Each state starts fresh: the previous widget's draft would otherwise be restored.
  localStorage.clear();
  sessionStorage.clear();
  const behaviour = state === 'sending' ? 'hold' : state === 'failed' ? 'status-500' : state === 'awaiting confirmation' ? 'confirm' : 'ok';
  const endpoint = endpointBucket(behaviour);
  const tally = endpointBucket('tally');
  const template: TemplateResult = html`<civic-action
    endpoint=${endpoint.url}
    lang=${attributes.lang}
    theme=${attributes.theme}
    retries="0"
    tally-src=${state === 'counted' ? tally.url : nothing}
  ></civic-action>`;
  const element = await mount(template);
  const done = () => endpoint.release();
  if (state === 'first view') return {element, done};
  if (state === 'counted') {
    await until(() => element.shadowRoot!.querySelector('[part=tally]') !== null, 'the counter');
    return {element, done};
  }
  if (state === 'invalid form') {
    $(element, '[part=submit]').click();
    await until(() => element.shadowRoot!.querySelector('#picks-problem') !== null, 'the problems');
    return {element, done};
  }
  await pick(element, 'tps', 'end-title-42');
  if (state === 'some picked') return {element, done};
  if (state === 'full text open') {
    $(element, '[data-more="tps"]').click();
    await element.updateComplete;
    return {element, done};
  }
  await fillSupporter(element);
  $(element, '[part=submit]').click();
  const reached: Record<string, () => boolean> = {
    sending: () => $(element, '#send-status').textContent!.trim() !== '',
    sent: () => element.shadowRoot!.querySelector('[part=confirmation]') !== null,
    'awaiting confirmation': () => element.shadowRoot!.querySelector('[part=confirmation]') !== null,
    failed: () => $(element, '[role=alert]').textContent!.trim() !== '',
  };
  await until(reached[state]!, state);
  await element.updateComplete;
  return {element, done};
}

describe('accessibility (axe, WCAG 2.2 AA tags)', function () {
  this.timeout(60_000);
  after(() => setViewport({width: 800, height: 600}));

  for (const width of [320, 1280]) {
    for (const lang of ['en', 'es']) {
      it(`has no violation in any state, ${lang}, ${width} px, light theme`, async () => {
        await setViewport({width, height: 800});
        for (const state of STATES) {
          const {element, done} = await widgetIn(state, {lang, theme: 'light'});
          await expectNoAxeViolations(element, `${state} (${lang}, ${width} px, light)`, rulesFor(state));
          await done();
          element.parentElement!.remove();
        }
      });
    }
  }

  for (const lang of ['en', 'es']) {
    it(`has no violation in any state, ${lang}, dark theme`, async () => {
      await setViewport({width: 1280, height: 800});
      for (const state of STATES) {
        const {element, done} = await widgetIn(state, {lang, theme: 'dark'});
        await expectNoAxeViolations(element, `${state} (${lang}, dark)`, rulesFor(state));
        await done();
        element.parentElement!.remove();
      }
    });
  }

  it('has no violation with a message in another language and the email fallback', async () => {
    const element = await mount(html`<civic-action lang="es" message-lang="en" recipients="Rep. A <a@b.example>"></civic-action>`);
    await pick(element, 'tps');
    $(element, '.reader-version summary').click();
    await element.updateComplete;
    await expectNoAxeViolations(element, 'message-lang and email fallback');
  });
});

describe('accessibility beyond axe', function () {
  this.timeout(30_000);
  afterEach(async () => {
    document.documentElement.style.fontSize = '';
    await setViewport({width: 800, height: 600});
    await emulateMedia({reducedMotion: 'no-preference'});
    await executeServerCommand('emulate-media-features', []);
  });

  /** Nothing in the widget reaches past its right edge, and the page does not scroll sideways. */
  function expectReflow(element: CivicAction, label: string): void {
    const edge = element.getBoundingClientRect().right + 0.5;
    const overflowing = $$(element, '*')
      .filter((node) => node.getClientRects().length > 0 && node.getBoundingClientRect().right > edge)
      .map((node) => node.localName + (node.id ? `#${node.id}` : '') + (node.className ? `.${node.className}` : ''));
    expect(overflowing, `${label}: past the right edge`).to.deep.equal([]);
    expect(document.documentElement.scrollWidth, `${label}: page scrolls sideways`).to.be.at.most(window.innerWidth);
  }

  it('reflows at 320 px without sideways scrolling, in every state', async () => {
    await setViewport({width: 320, height: 640});
    for (const state of STATES) {
      const {element, done} = await widgetIn(state, {lang: 'es', theme: 'light'});
      expectReflow(element, state);
      await done();
      element.parentElement!.remove();
    }
  });

  it('keeps its text growing with the page’s text size to 200 %, and still reflows', async () => {
    await setViewport({width: 640, height: 800});
    const {element, done} = await widgetIn('invalid form', {lang: 'es', theme: 'light'});
    const before = parseFloat(getComputedStyle($(element, 'legend')).fontSize);
    document.documentElement.style.fontSize = '200%';
    await element.updateComplete;
    const after = parseFloat(getComputedStyle($(element, 'legend')).fontSize);
    expect(after / before).to.be.closeTo(2, 0.01);
    expectReflow(element, 'text at 200 %');
    await done();
  });

  it('never shrinks its text below 16 px, even under a 62.5 % root font size', async () => {
    document.documentElement.style.fontSize = '62.5%';
    const element = await mount(html`<civic-action></civic-action>`);
    expect(parseFloat(getComputedStyle($(element, '.recommendation label')).fontSize)).to.be.at.least(16);
  });

  it('gives every control a target of at least 24 by 24 px', async () => {
    await setViewport({width: 320, height: 640});
    const element = await mount(html`<civic-action endpoint="/endpoint/ok/targets" lang="es"></civic-action>`);
    await pick(element, 'tps');
    $(element, '[part=submit]').click();
    await element.updateComplete;
    const small = $$(element, 'button, input, textarea, a[href], summary')
      .map((node) => ({node, rect: node.getBoundingClientRect()}))
      .filter(({rect}) => rect.width < 24 || rect.height < 24)
      .map(({node, rect}) => `${node.localName}#${node.id} ${rect.width}x${rect.height}`);
    expect(small).to.deep.equal([]);
  });

  it('shows keyboard focus with an outline of at least 2 px', async () => {
    const element = await mount(html`<civic-action></civic-action>`);
    const checkbox = $(element, '#recommendation-tps');
    checkbox.focus({focusVisible: true} as FocusOptions);
    const style = getComputedStyle(checkbox);
    expect(checkbox.matches(':focus-visible')).to.be.true;
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('keeps states visible in forced-colors mode', async () => {
    await executeServerCommand('emulate-media-features', [{name: 'forced-colors', value: 'active'}]);
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
    const element = await mount(html`<civic-action></civic-action>`);
    const probe = document.createElement('div');
    probe.style.background = 'Highlight';
    document.body.append(probe);
    const highlight = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const pressed = $(element, '.switcher button[aria-pressed=true]');
    expect(getComputedStyle(pressed).backgroundColor).to.equal(highlight);
    for (const button of $$(element, 'button')) expect(getComputedStyle(button).borderStyle, button.textContent!).not.to.equal('none');
  });

  it('stops the progress animation when the reader asks for reduced motion', async () => {
    await emulateMedia({reducedMotion: 'reduce'});
    const {element, done} = await widgetIn('sending', {lang: 'en', theme: 'light'});
    expect(getComputedStyle($(element, '.spinner')).animationName).to.equal('none');
    await done();
  });

  it('has its live regions in place before they speak: polite for counts and progress, assertive for errors', async () => {
    const element = await mount(html`<civic-action endpoint="/endpoint/ok/regions"></civic-action>`);
    expect($(element, '.count').getAttribute('role')).to.equal('status');
    expect($(element, '#send-status').getAttribute('role')).to.equal('status');
    expect($(element, '.failure').getAttribute('role')).to.equal('alert');
  });

  it('marks each piece with its language: interface, message preview, and text that fell back', async () => {
    const element = await mount(html`<civic-action lang="es" message-lang="en"></civic-action>`);
    element.campaign = {
      id: 'fallback',
      defaultLocale: 'en',
      title: {en: 'Title', es: 'Título'},
      recommendations: [
        {id: 'one', title: {en: 'One', es: 'Una'}, text: {en: 'Only in English.'}},
        {id: 'two', title: {en: 'Two', es: 'Dos'}, text: {en: 'Two.', es: 'Dos.'}},
      ],
    };
    await element.updateComplete;
    await pick(element, 'one');
    expect($(element, '[part=base]').getAttribute('lang')).to.equal('es');
    // The language that applies is the nearest lang: text in the interface's language inherits it.
    const langOf = (selector: string) => $(element, selector).closest('[lang]')!.getAttribute('lang');
    expect($(element, '#recommendation-one-text').getAttribute('lang')).to.equal('en');
    expect(langOf('#recommendation-two-text')).to.equal('es');
    expect(langOf('label[for=recommendation-one]')).to.equal('es');
    expect($(element, '#message-body').getAttribute('lang')).to.equal('en');
    // The reader's own version sits in the Spanish interface: it inherits lang="es".
    expect($(element, '.reader-version').closest('[lang]')!.getAttribute('lang')).to.equal('es');
  });
});
