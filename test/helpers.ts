import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {html, render, type TemplateResult} from 'lit';
import '../src/civic-action.js';
import type {CivicAction} from '../src/civic-action.component.js';
import type {Submission} from '../src/send/submission-schema.js';

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((container) => container.remove()));
// Drafts and the remembered language would otherwise carry from one test into the next.
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

/**
 * Renders `template` into the page and waits for every <civic-action> in it to finish
 * rendering; returns the first. It waits on the elements themselves, not on animation
 * frames, which a test page in a background tab does not get.
 */
export async function mount(template: TemplateResult): Promise<CivicAction> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  const elements = [...container.querySelectorAll('civic-action')];
  // Tests pick and send faster than any person: the spam test sets this back itself.
  for (const element of elements) element.minFillTime = 0;
  await Promise.all(elements.map((e) => e.updateComplete));
  return elements[0]!;
}

export const mountDefault = () => mount(html`<civic-action></civic-action>`);

export function $<T extends Element = HTMLElement>(element: CivicAction, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function $$<T extends Element = HTMLElement>(element: CivicAction, selector: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(selector)];
}

/** The text a reader sees, whitespace folded. */
export function visibleText(node: Element | ShadowRoot): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function pick(element: CivicAction, ...ids: string[]): Promise<void> {
  for (const id of ids) $<HTMLInputElement>(element, `#recommendation-${id}`).click();
  await element.updateComplete;
}

/** Types into a field through the browser's real keyboard input. */
export async function type(element: CivicAction, selector: string, text: string): Promise<void> {
  $(element, selector).focus();
  await sendKeys({type: text});
  await element.updateComplete;
}

export async function fillSupporter(element: CivicAction, name = 'Ana Pérez', email = 'ana@example.org'): Promise<void> {
  await type(element, '#supporter-name', name);
  await type(element, '#supporter-email', email);
}

/** Whether the widget shows its thank-you. */
export const sent = (element: CivicAction) => element.shadowRoot!.querySelector('[part=confirmation]') !== null;
/** The assertive live region's text (failures, refusals), whitespace folded. */
export const alertText = (element: CivicAction) => (element.shadowRoot!.querySelector('[role=alert]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The polite progress region's text (sending, waiting, offline), whitespace folded. */
export const statusText = (element: CivicAction) => (element.shadowRoot!.querySelector('#send-status')?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A widget with two picks and the supporter's fields filled, ready to send, retrying after 50 ms. */
export async function ready(template: TemplateResult): Promise<CivicAction> {
  const element = await mount(template);
  element.retryBaseDelay = 50;
  await pick(element, 'tps', 'climate');
  await fillSupporter(element);
  return element;
}

/** Presses the send button, as a reader clicks it. */
export const send = (element: CivicAction) => $(element, '[part=submit]').click();

export function messageBody(element: CivicAction): HTMLTextAreaElement {
  return $<HTMLTextAreaElement>(element, '#message-body');
}

/** A bucket of the test server's recording endpoint, private to one test. */
export function endpointBucket(behaviour: string = 'ok') {
  const bucket = `b${Math.random().toString(36).slice(2)}`;
  return {
    url: `/endpoint/${behaviour}/${bucket}`,
    async recorded(): Promise<Recorded[]> {
      return (await fetch(`/endpoint/recorded/${bucket}`)).json();
    },
    release: () => fetch(`/endpoint/release/${bucket}`),
  };
}

/** A request the recording endpoint received. */
export interface Recorded {
  method?: string;
  headers: Record<string, string>;
  body: Submission;
  at: number;
}

/**
 * README: every try of one submission carries the same `Idempotency-Key`, equal to the body's
 * `id`. Checks each request for it, so that a missing header cannot pass as "all the same".
 */
export function expectOneSubmission(requests: readonly Recorded[], promise: string): void {
  expect(requests.length, `${promise}: no request reached the endpoint`).to.be.greaterThan(0);
  const id = requests[0]!.body.id;
  expect(id, `${promise}: the submission has an id`).to.be.a('string').that.is.not.empty;
  requests.forEach((request, i) => {
    expect(request.body.id, `${promise}: try ${i + 1} has the same id`).to.equal(id);
    expect(request.headers['idempotency-key'], `${promise}: try ${i + 1} carries an Idempotency-Key header equal to the id`).to.equal(id);
  });
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Collects what is written to console.error while `run` runs: organizers read those. */
export async function consoleErrorsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return errors;
}

/**
 * Readies a widget that lives in another frame (a pasted snippet, a page under CSP) to send:
 * one pick, a name and an email. Values are set directly, since the keyboard commands reach
 * only the test page itself.
 */
export async function readyInFrame(element: CivicAction): Promise<void> {
  await element.updateComplete;
  element.minFillTime = 0;
  const root = element.shadowRoot!;
  (root.querySelector('#recommendation-tps') as HTMLInputElement).click();
  for (const [id, value] of [['#supporter-name', 'Ana'], ['#supporter-email', 'ana@example.org']] as const) {
    const input = root.querySelector(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await element.updateComplete;
}

/**
 * The built widget alone in a frame, as a partner page has it (for what the test page cannot do
 * itself, such as being navigated away by `success-url`), readied to send by `readyInFrame`.
 */
export async function builtWidgetInFrame(attributes: string): Promise<{iframe: HTMLIFrameElement; element: CivicAction}> {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  const loaded = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
  iframe.srcdoc = `<!doctype html><html lang="en"><body>
    <civic-action ${attributes}></civic-action>
    <script type="module" src="/dist/civic-action.js"></script></body></html>`;
  await loaded;
  const win = iframe.contentWindow!;
  await win.customElements.whenDefined('civic-action');
  const element = win.document.querySelector('civic-action') as CivicAction;
  await readyInFrame(element);
  return {iframe, element};
}
