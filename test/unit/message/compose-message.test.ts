import {expect} from '@open-wc/testing';
import {defaultCampaign as campaign} from '../../../src/campaign/default-campaign.complete.js';
import {composeMessage, reconcileEditedBody, recommendationLine, signedBody} from '../../../src/message/compose-message.js';
import {loadInterfaceLocale} from '../../../src/i18n/localization.js';

const line = (id: string, locale = 'en') => recommendationLine(campaign, id, locale)!;

describe('composeMessage', () => {
  // The Spanish strings are a chunk of their own, which the element loads before it renders in Spanish.
  before(() => loadInterfaceLocale('es'));
  it('greets the recipients, lists the picks in campaign order, and ends with the closing call', () => {
    const {body, subject, to, signOff} = composeMessage({campaign, locale: 'en', picks: new Set(['end-title-42', 'tps'])});
    const lines = body.split('\n');
    expect(lines[0]).to.equal('Dear Vice President Harris,');
    expect(lines.indexOf(line('tps'))).to.be.greaterThan(0);
    expect(lines.indexOf(line('tps'))).to.be.lessThan(lines.indexOf(line('end-title-42')));
    expect(body).not.to.contain(line('climate'));
    expect(lines.at(-1)).to.equal(campaign.closing!.en);
    expect(subject).to.equal(campaign.message!.subject!.en);
    expect(to.map((r) => r.name)).to.deep.equal(['Kamala Harris, Vice President of the United States']);
    expect(signOff).to.equal('Sincerely,');
  });

  it('writes the whole message in Spanish, template words included', () => {
    const {body, signOff, subject} = composeMessage({campaign, locale: 'es', picks: new Set(['end-title-42'])});
    expect(body.split('\n')[0]).to.equal('Estimada vicepresidenta Harris:');
    expect(body).to.contain(campaign.recommendations.find((r) => r.id === 'end-title-42')!.text.es);
    expect(signOff).to.equal('Atentamente,');
    expect(subject).to.equal(campaign.message!.subject!.es);
  });

  it('greets recipients set by the organizer by name, joined as the language joins lists', () => {
    const recipients = [{name: 'Senator A'}, {name: 'Senator B'}];
    expect(composeMessage({campaign, locale: 'en', picks: new Set(), recipients}).body).to.match(/^Dear Senator A and Senator B,/);
    expect(composeMessage({campaign, locale: 'es', picks: new Set(), recipients}).body).to.match(
      /^A la atención de Senator A y Senator B:/,
    );
  });

  it('signs with the supporter’s name under the sign-off', () => {
    expect(signedBody('Body\n', 'Sincerely,', '  Ana  ')).to.equal('Body\n\nSincerely,\nAna');
  });
});

describe('reconcileEditedBody: picks change after the supporter edited', () => {
  const compose = (ids: string[]) => composeMessage({campaign, locale: 'en', picks: new Set(ids)}).body;

  it('adds a newly picked recommendation next to its neighbours and keeps the edit', () => {
    const edited = compose(['rule-of-law', 'end-title-42']).replace('Dear Vice President Harris,', 'Dear Madam Vice President,') + '\nP.S. My own words.';
    const {body} = reconcileEditedBody({
      campaign,
      locale: 'en',
      edited,
      before: new Set(['rule-of-law', 'end-title-42']),
      after: new Set(['rule-of-law', 'tps', 'end-title-42']),
    });
    const lines = body.split('\n');
    expect(lines[0]).to.equal('Dear Madam Vice President,');
    expect(lines.at(-1)).to.equal('P.S. My own words.');
    expect(lines.indexOf(line('tps'))).to.equal(lines.indexOf(line('rule-of-law')) + 1);
    expect(lines.indexOf(line('end-title-42'))).to.equal(lines.indexOf(line('tps')) + 1);
  });

  it('places a first pick after the lead when no other pick is left in the body', () => {
    const edited = compose([]) + '\nMy note.';
    const {body} = reconcileEditedBody({campaign, locale: 'en', edited, before: new Set(), after: new Set(['climate'])});
    const lines = body.split('\n');
    expect(lines[lines.indexOf(campaign.message!.lead!.en!) + 1]).to.equal(line('climate'));
    expect(lines.at(-1)).to.equal('My note.');
  });

  it('removes an unpicked recommendation’s line only when the supporter did not change it', () => {
    const edited = compose(['tps', 'climate']).replace(line('climate'), `${line('climate')} This matters to my family.`);
    const {body, keptEdited} = reconcileEditedBody({
      campaign,
      locale: 'en',
      edited,
      before: new Set(['tps', 'climate']),
      after: new Set(),
    });
    expect(body).not.to.contain(line('tps'));
    expect(body).to.contain('This matters to my family.');
    expect(keptEdited).to.deep.equal(['climate']);
  });

  it('does not add a line twice when the supporter already wrote it in', () => {
    const edited = compose(['tps']);
    const {body} = reconcileEditedBody({campaign, locale: 'en', edited, before: new Set(), after: new Set(['tps'])});
    expect(body.split(line('tps')).length).to.equal(2);
  });
});

describe('composeMessage in a language the interface is not translated into', () => {
  it('takes greeting, lead and sign-off from the campaign', () => {
    const french = {
      ...campaign,
      title: {...campaign.title, fr: 'Titre'},
      message: {
        greeting: {fr: 'Madame la Vice-Présidente,'},
        lead: {fr: 'Je soutiens ces recommandations :'},
        signOff: {fr: 'Cordialement,'},
      },
    };
    const {body, signOff} = composeMessage({campaign: french, locale: 'fr', picks: new Set(['tps'])});
    expect(body).to.match(/^Madame la Vice-Présidente,\n\nJe soutiens ces recommandations :/);
    expect(signOff).to.equal('Cordialement,');
  });
});
