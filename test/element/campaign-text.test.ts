import {expect, html} from '@open-wc/testing';
import {builtInCampaign} from '../built-in-campaign.js';
import {$$, mount, visibleText} from '../helpers.js';

// What the widget shows, in each language (the widget loads only the languages it shows).
const defaultCampaign = builtInCampaign();

describe('the built-in campaign in the widget', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`shows every recommendation word for word, and no ### marker, in ${lang}`, async () => {
      const element = await mount(html`<civic-action lang=${lang}></civic-action>`);
      const shown = $$(element, '.recommendation-text').map((p) => p.textContent?.trim());
      expect(shown).to.deep.equal(defaultCampaign.recommendations.map((r) => r.text[lang]));
      expect(visibleText(element.shadowRoot!)).not.to.contain('###');
    });
  }
});
