import {expect} from '@open-wc/testing';
import type {Campaign} from '../../../src/campaign/campaign-schema.js';
import {defaultCampaign} from '../../../src/campaign/default-campaign.complete.js';
import {composeMessage, signedBody, signerOf} from '../../../src/message/compose-message.js';
import {loadInterfaceLocale} from '../../../src/i18n/localization.js';

/**
 * Issue 14: with `fields` not asking for the name, the signature showed "(your name)" and there was
 * nowhere to type it. A message signs with the name where the form asks for it; else with the
 * campaign's `message.unnamedSignature`, else with nothing; never with a placeholder.
 */
const signed: Campaign = {
  ...defaultCampaign,
  message: {...defaultCampaign.message, unnamedSignature: {en: 'A supporter of Casa Comunitaria', es: 'Una persona que apoya a Casa Comunitaria'}},
};

describe('the signature', () => {
  // The Spanish strings are a chunk of their own, which the element loads before it renders in Spanish.
  before(() => loadInterfaceLocale('es'));
  it('is the name typed, where the form asks for it', () => {
    expect(signerOf({}, '  Ana Pérez ', true)).to.deep.equal({text: 'Ana Pérez', awaitingName: false});
  });

  it('waits for the name only where there is a field to type it in', () => {
    expect(signerOf({}, '', true)).to.deep.equal({text: '', awaitingName: true});
    expect(signerOf({}, '', false)).to.deep.equal({text: '', awaitingName: false});
  });

  it('never uses a name the form does not ask for, even one stored from an earlier visit', () => {
    expect(signerOf({}, 'Ana Pérez', false)).to.deep.equal({text: '', awaitingName: false});
  });

  it('is the campaign’s wording, in the message’s language, when no name is given', () => {
    const en = composeMessage({campaign: signed, locale: 'en', picks: new Set(['tps'])});
    const es = composeMessage({campaign: signed, locale: 'es', picks: new Set(['tps'])});
    expect(signerOf(en, 'Ana', false)).to.deep.equal({text: 'A supporter of Casa Comunitaria', awaitingName: false});
    expect(signerOf(es, '', false).text).to.equal('Una persona que apoya a Casa Comunitaria');
    // An optional name left empty: the preview shows where it goes, the message signs with the wording.
    expect(signerOf(es, ' ', true)).to.deep.equal({text: 'Una persona que apoya a Casa Comunitaria', awaitingName: true});
    expect(signerOf(es, 'Ana', true).text).to.equal('Ana');
    expect(signedBody(es.body, es.signOff, signerOf(es, '', false).text).endsWith('Atentamente,\nUna persona que apoya a Casa Comunitaria')).to.be.true;
  });

  it('is nothing, the message ending with its sign-off, when neither is given', () => {
    const composed = composeMessage({campaign: defaultCampaign, locale: 'es', picks: new Set(['tps'])});
    expect(composed.unnamedSignature).to.be.undefined;
    const text = signedBody(composed.body, composed.signOff, signerOf(composed, '', false).text);
    expect(text.endsWith(`${defaultCampaign.closing!.es}\n\nAtentamente,`)).to.be.true;
    expect(text).not.to.contain('(your name)');
  });
});
