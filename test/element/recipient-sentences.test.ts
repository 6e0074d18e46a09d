import {expect, html} from '@open-wc/testing';
import {defaultCampaign} from '../../src/campaign/default-campaign.complete.js';
import {composeMessage} from '../../src/message/compose-message.js';
import {$, endpointBucket, fillSupporter, mount, pick, until} from '../helpers.js';

/**
 * Every sentence that embeds a recipient's name, in both languages. A name with its title
 * before it needs an article in Spanish ("a la vicepresidenta…") that no sentence can supply
 * for every name, so recipients have two forms: `name` for lists and labels, name first
 * ("Kamala Harris, vicepresidenta de Estados Unidos"), and `inSentence` for after a preposition
 * ("la vicepresidenta Kamala Harris"). See also test/unit/message/recipient-grammar.test.ts.
 */
const CAMPAIGN_NAMES = {
  en: 'Kamala Harris, Vice President of the United States',
  es: 'Kamala Harris, vicepresidenta de Estados Unidos',
};

const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

describe('sentences that name a recipient', function () {
  this.timeout(20_000);

  it('name the built-in campaign’s recipient by name first, then title, in both languages', () => {
    const [recipient] = defaultCampaign.recipients!;
    expect(recipient!.name).to.deep.equal(CAMPAIGN_NAMES);
    // A person's name, not a title, opens every recipient's name.
    for (const name of Object.values(recipient!.name)) expect(name, name).to.match(/^\p{Lu}\p{Ll}+ \p{Lu}/u);
  });

  for (const [lang, expected] of [
    ['en', 'Your message is on its way to Vice President Kamala Harris.'],
    ['es', 'Su mensaje va en camino a la vicepresidenta Kamala Harris.'],
  ] as const) {
    it(`thanks the sender with the recipients in their form inside a sentence (${lang})`, async () => {
      const element = await mount(html`<civic-action lang=${lang} endpoint=${endpointBucket('ok').url}></civic-action>`);
      await pick(element, 'tps');
      expect(text($(element, '.envelope dd'))).to.equal(CAMPAIGN_NAMES[lang]);
      await fillSupporter(element);
      $(element, '[part=submit]').click();
      await until(() => Boolean(element.shadowRoot!.querySelector('[part=confirmation]')), 'the thank-you');
      expect(text($(element, '[part=confirmation] p'))).to.equal(expected);
    });
  }

  it('thanks the sender with an organizer’s recipients, in both languages', async () => {
    for (const [lang, expected] of [
      ['en', 'Your message is on its way to Ana Díaz and Bo Li.'],
      ['es', 'Su mensaje va en camino a Ana Díaz y Bo Li.'],
    ] as const) {
      localStorage.clear();
      const element = await mount(html`<civic-action lang=${lang} recipients="Ana Díaz <ana@example.org>, Bo Li" endpoint=${endpointBucket('ok').url}></civic-action>`);
      await pick(element, 'tps');
      await fillSupporter(element);
      $(element, '[part=submit]').click();
      await until(() => Boolean(element.shadowRoot!.querySelector('[part=confirmation]')), 'the thank-you');
      expect(text($(element, '[part=confirmation] p'))).to.equal(expected);
    }
  });

  it('greets the recipients by name in both languages, whoever sets them', () => {
    const campaign = {...defaultCampaign, message: {...defaultCampaign.message, greeting: undefined}};
    const greeting = (locale: string, recipients?: Array<{name: string}>) =>
      composeMessage({campaign, locale, picks: new Set(['tps']), recipients: recipients ?? null}).body.split('\n')[0];
    // In their form inside a sentence (test/unit/message/recipient-grammar.test.ts).
    expect(greeting('en')).to.equal('Dear Vice President Kamala Harris,');
    expect(greeting('es')).to.equal('A la atención de la vicepresidenta Kamala Harris:');
    const organizer = [{name: 'Ana Díaz'}, {name: 'Bo Li'}];
    expect(greeting('en', organizer)).to.equal('Dear Ana Díaz and Bo Li,');
    expect(greeting('es', organizer)).to.equal('A la atención de Ana Díaz y Bo Li:');
  });
});
