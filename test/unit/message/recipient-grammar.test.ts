import {expect} from '@open-wc/testing';
import type {Campaign} from '../../../src/campaign/campaign-schema.js';
import {defaultCampaign} from '../../../src/campaign/default-campaign.complete.js';
import {composeMessage} from '../../../src/message/compose-message.js';
import {campaignRecipients, contractArticles, onItsWayText} from '../../../src/message/recipient-sentences.js';
import {parseRecipients} from '../../../src/message/recipients.js';
import {loadInterfaceLocale} from '../../../src/i18n/localization.js';

/**
 * Every sentence that names a recipient, in both languages (issue 14: "Su mensaje a vicepresidenta
 * Kamala Harris va en camino" lacked its article). A recipient has a form per use: `name` for a
 * label or a list ("To:", the submission's `message.to`), `inSentence` after a preposition, with the
 * article Spanish needs before a title. The sentences that embed one are the thank-you's "on its way
 * to …" and the greeting written when the campaign has none ("Dear …" / "A la atención de …").
 */
const greetingOf = (campaign: Campaign, locale: string, recipients?: Array<{name: string}>) =>
  composeMessage({campaign, locale, picks: new Set(['tps']), recipients: recipients ?? null}).body.split('\n')[0];
const withoutGreeting: Campaign = {...defaultCampaign, message: {...defaultCampaign.message, greeting: undefined}};

describe('recipients in sentences', () => {
  // The Spanish strings are a chunk of their own, which the element loads before it renders in Spanish.
  before(() => loadInterfaceLocale('es'));
  it('names the built-in campaign’s recipient in a list by name, then title, in both languages', () => {
    expect(campaignRecipients(defaultCampaign, 'en')[0]!.name).to.equal('Kamala Harris, Vice President of the United States');
    expect(campaignRecipients(defaultCampaign, 'es')[0]!.name).to.equal('Kamala Harris, vicepresidenta de Estados Unidos');
    // What the submission's `message.to` carries, and the receiver checks: unchanged.
    expect(composeMessage({campaign: defaultCampaign, locale: 'es', picks: new Set()}).to.map((r) => r.name)).to.deep.equal([
      'Kamala Harris, vicepresidenta de Estados Unidos',
    ]);
  });

  it('says where the message went with the article Spanish needs after "a"', () => {
    expect(onItsWayText(campaignRecipients(defaultCampaign, 'en'), 'en')).to.equal('Your message is on its way to Vice President Kamala Harris.');
    expect(onItsWayText(campaignRecipients(defaultCampaign, 'es'), 'es')).to.equal('Su mensaje va en camino a la vicepresidenta Kamala Harris.');
  });

  it('says where the message went for an organizer’s recipients, joined as each language joins a list', () => {
    const recipients = parseRecipients('Ana Díaz <ana@example.org>, Bo Li');
    expect(onItsWayText(recipients, 'en')).to.equal('Your message is on its way to Ana Díaz and Bo Li.');
    expect(onItsWayText(recipients, 'es')).to.equal('Su mensaje va en camino a Ana Díaz y Bo Li.');
    expect(onItsWayText([], 'es')).to.equal('');
  });

  it('greets the campaign’s recipient in its form inside a sentence when the campaign has no greeting', () => {
    expect(greetingOf(withoutGreeting, 'en')).to.equal('Dear Vice President Kamala Harris,');
    expect(greetingOf(withoutGreeting, 'es')).to.equal('A la atención de la vicepresidenta Kamala Harris:');
    const organizer = [{name: 'Ana Díaz'}, {name: 'Bo Li'}];
    expect(greetingOf(withoutGreeting, 'en', organizer)).to.equal('Dear Ana Díaz and Bo Li,');
    expect(greetingOf(withoutGreeting, 'es', organizer)).to.equal('A la atención de Ana Díaz y Bo Li:');
  });

  it('writes "al" and "del" where a recipient’s article follows "a" or "de"', () => {
    const senator: Campaign = {
      ...withoutGreeting,
      recipients: [
        {name: {en: 'Alex Padilla, Senator', es: 'Alex Padilla, senador'}, inSentence: {en: 'Senator Alex Padilla', es: 'el senador Alex Padilla'}},
      ],
    };
    expect(onItsWayText(campaignRecipients(senator, 'es'), 'es')).to.equal('Su mensaje va en camino al senador Alex Padilla.');
    expect(greetingOf(senator, 'es')).to.equal('A la atención del senador Alex Padilla:');
    expect(onItsWayText(campaignRecipients(senator, 'en'), 'en')).to.equal('Your message is on its way to Senator Alex Padilla.');
    // A capital "El" belongs to a name, and Spanish keeps it apart; other languages are left alone.
    expect(contractArticles('Va en camino a El Salvador.', 'es')).to.equal('Va en camino a El Salvador.');
    expect(contractArticles('A el senador, de el día', 'es-MX')).to.equal('Al senador, del día');
    expect(contractArticles('Para el senador, día el lunes', 'es')).to.equal('Para el senador, día el lunes');
    expect(contractArticles('a el', 'en')).to.equal('a el');
  });

  it('uses the plain name where the sentence form is missing in the name’s language', () => {
    const campaign: Campaign = {
      ...withoutGreeting,
      title: {...withoutGreeting.title, fr: 'Douze recommandations'},
      recipients: [{name: {en: 'City Council', fr: 'Conseil municipal'}, inSentence: {en: 'the City Council'}}],
    };
    const forms = (locale: string) => campaignRecipients(campaign, locale).map(({name, inSentence}) => [name, inSentence]);
    expect(forms('fr')).to.deep.equal([['Conseil municipal', undefined]]);
    expect(forms('en')).to.deep.equal([['City Council', 'the City Council']]);
    // Spanish falls back to the default language's name, and takes the sentence form of that same language.
    expect(forms('es')).to.deep.equal([['City Council', 'the City Council']]);
    // A language the interface is not translated into gets English sentences, joined in English.
    expect(onItsWayText([{name: 'Conseil municipal'}, {name: 'Maire'}], 'fr')).to.equal('Your message is on its way to Conseil municipal and Maire.');
  });

  it('puts no colon between a preposition and the names in either language', () => {
    for (const locale of ['en', 'es']) {
      const sentence = onItsWayText(campaignRecipients(defaultCampaign, locale), locale);
      expect(sentence, sentence).not.to.match(/\b(to|a|de):/);
    }
  });
});
