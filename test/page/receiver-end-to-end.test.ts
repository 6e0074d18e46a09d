import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';

/**
 * The whole path as an organization runs it: the built script (not the sources) on a page, a
 * supporter who picks, types and sends, and the reference receiver, which stores the row.
 * This file loads no test helper: they define the element from src/.
 */
const built = '/dist/civic-action.js';

interface Stored {
  id: string;
  campaign_id: string;
  status: string;
  locale: string;
  supporter_name: string;
  supporter_email: string;
  consent: number;
  message_body: string;
  recommendations: string[];
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function typeInto(root: ShadowRoot, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

/** Mounts the built widget posting to the receiver, waits `afterMs`, then picks, types and sends. */
async function sendFromBuiltWidget(afterMs: number): Promise<{id: string}> {
  localStorage.clear();
  sessionStorage.clear();
  await import(/* @vite-ignore */ built);
  const endpoint = (await executeServerCommand('receiver-endpoint')) as string;
  const element = document.createElement('civic-action') as HTMLElement & {minFillTime: number; updateComplete: Promise<unknown>};
  element.setAttribute('endpoint', endpoint);
  element.setAttribute('lang', 'es');
  document.body.append(element);
  await element.updateComplete;
  element.minFillTime = 0;
  await new Promise((r) => setTimeout(r, afterMs));
  const sent = new Promise<{id: string}>((resolve) => element.addEventListener('civic-action-sent', (e) => resolve((e as CustomEvent).detail)));
  const root = element.shadowRoot!;
  root.querySelector<HTMLInputElement>('#recommendation-tps')!.click();
  root.querySelector<HTMLInputElement>('#recommendation-end-title-42')!.click();
  await element.updateComplete;
  typeInto(root, '#supporter-name', 'Ana Pérez');
  typeInto(root, '#supporter-email', 'ana@example.org');
  root.querySelector<HTMLInputElement>('#supporter-consent')!.click();
  await element.updateComplete;
  root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  const {id} = await sent;
  await until(() => root.querySelector('[part=confirmation]') !== null, 'the thank-you');
  return {id};
}

describe('the built widget and the reference receiver', () => {
  afterEach(() => document.querySelectorAll('civic-action').forEach((e) => e.remove()));

  it('stores what a Spanish reader sends, once, in the receiver\'s database', async () => {
    // As fast as a person at the receiver's threshold: faster sends are held for review.
    const {id} = await sendFromBuiltWidget(1100);
    const row = (await executeServerCommand('receiver-stored', {id})) as Stored | null;
    expect(row, 'the row is in the database').to.not.equal(null);
    expect(row!).to.include({id, campaign_id: 'root-causes-2021', status: 'accepted', locale: 'es', supporter_name: 'Ana Pérez', supporter_email: 'ana@example.org', consent: 1});
    expect(row!.recommendations).to.deep.equal(['end-title-42', 'tps']);
    expect(row!.message_body).to.match(/Ana Pérez$/);
  });

  it('stores a send faster than a person too, held for an organizer to review, not dropped', async () => {
    const {id} = await sendFromBuiltWidget(0);
    const row = (await executeServerCommand('receiver-stored', {id})) as (Stored & {review_reason: string}) | null;
    expect(row, 'the row is in the database').to.not.equal(null);
    expect(row!.status).to.equal('held');
    expect(row!.review_reason).to.match(/^sent \d+ ms after the widget appeared$/);
  });
});
