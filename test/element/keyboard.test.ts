import {expect, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {endpointBucket, mount, until} from '../helpers.js';
import type {CivicAction} from '../../src/civic-action.component.js';

/** Presses Tab until `matches` holds for the focused element inside the widget. */
async function tabTo(element: CivicAction, matches: (el: Element) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await sendKeys({press: 'Tab'});
    const active = element.shadowRoot!.activeElement;
    if (active && matches(active)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('<civic-action> by keyboard alone', () => {

  it('goes from the page before it to a sent message with Tab, Space, typing and Enter', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<button id="before">Before</button><civic-action endpoint=${endpoint.url}></civic-action>`);
    (element.parentElement!.querySelector('#before') as HTMLElement).focus();

    await tabTo(element, (el) => el.id === 'recommendation-tps', 'the TPS checkbox');
    await sendKeys({press: 'Space'});
    await tabTo(element, (el) => el.id === 'recommendation-end-title-42', 'the Title 42 checkbox');
    await sendKeys({press: 'Space'});
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.count')!.textContent).to.contain('Picked: 2 of 12');

    await tabTo(element, (el) => el.id === 'supporter-name', 'the name field');
    await sendKeys({type: 'Ana Pérez'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'ana@example.org'});
    await tabTo(element, (el) => el.id === 'supporter-consent', 'the consent checkbox');
    await sendKeys({press: 'Space'});
    await tabTo(element, (el) => el.getAttribute('part') === 'submit', 'the send button');
    await sendKeys({press: 'Enter'});

    await until(() => element.shadowRoot!.querySelector('[part=confirmation]') !== null, 'the thank-you');
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.id).to.equal('confirmation-heading');
    const [request] = await endpoint.recorded();
    expect(request!.body.recommendations).to.deep.equal(['tps', 'end-title-42']);
    expect(request!.body.consent).to.be.true;
    expect(request!.body.supporter.name).to.equal('Ana Pérez');
  });
});
