import {expect} from '@open-wc/testing';
import {html} from 'lit';
import {builtInCampaign} from '../built-in-campaign.js';
import type {CivicAction} from '../../src/civic-action.component.js';
import {$, endpointBucket, mount, pick, type, until} from '../helpers.js';

// What the widget shows, in each language (the widget loads only the languages it shows).
const defaultCampaign = builtInCampaign();

/**
 * Issue 14: with `fields` not asking for the name, the signature showed "(your name)" and there
 * was nowhere to type it. It signs with the campaign's `message.unnamedSignature`, or with
 * nothing under the sign-off; the placeholder stays only where there is a name field to fill.
 */
const signature = (element: CivicAction) => $(element, '.signature').textContent!.trim();

describe('the signature when the name is not asked', function () {
  this.timeout(20_000);

  it('is nothing under the sign-off, in the preview and in what is sent', async () => {
    const bucket = endpointBucket('ok');
    const element = await mount(html`<civic-action fields="email*" endpoint=${bucket.url}></civic-action>`);
    await pick(element, 'tps');
    expect(element.shadowRoot!.querySelector('#supporter-name')).to.be.null;
    expect(element.shadowRoot!.querySelector('.signature .placeholder')).to.be.null;
    expect(signature(element)).to.equal('Sincerely,');
    await type(element, '#supporter-email', 'ana@example.org');
    $(element, '[part=submit]').click();
    await until(async () => (await bucket.recorded()).length === 1, 'the submission');
    const [sent] = await bucket.recorded();
    expect(sent!.body.message.body.endsWith(`${defaultCampaign.closing!.en}\n\nSincerely,`)).to.be.true;
  });

  it('does not send a name kept from an earlier visit, where the page no longer asks for it', async () => {
    sessionStorage.setItem(`civic-action:draft:${defaultCampaign.id}`, JSON.stringify({name: 'Ana Pérez', email: 'ana@example.org', postalCode: '60601'}));
    const bucket = endpointBucket('ok');
    const element = await mount(html`<civic-action fields="email*" endpoint=${bucket.url}></civic-action>`);
    await pick(element, 'tps');
    $(element, '[part=submit]').click();
    await until(async () => (await bucket.recorded()).length === 1, 'the submission');
    const [sent] = await bucket.recorded();
    expect(sent!.body.supporter, 'only the fields the form asks go out').to.deep.equal({email: 'ana@example.org'});
  });

  it('is the campaign’s wording, in the message’s language', async () => {
    const campaign = {
      ...defaultCampaign,
      message: {...defaultCampaign.message, unnamedSignature: {en: 'A supporter of Casa Comunitaria', es: 'Una persona que apoya a Casa Comunitaria'}},
    };
    const element = await mount(html`<civic-action lang="es" fields="email*" endpoint=${endpointBucket('ok').url} .campaign=${campaign}></civic-action>`);
    await pick(element, 'tps');
    expect(signature(element)).to.equal('Atentamente,\nUna persona que apoya a Casa Comunitaria');
  });

  it('keeps the placeholder where the name is asked and not typed yet', async () => {
    const element = await mount(html`<civic-action endpoint=${endpointBucket('ok').url}></civic-action>`);
    await pick(element, 'tps');
    expect($(element, '.signature .placeholder').textContent).to.equal('(your name)');
    await type(element, '#supporter-name', 'Ana Pérez');
    expect(signature(element)).to.equal('Sincerely,\nAna Pérez');
  });
});
