import {expect} from '@open-wc/testing';
import '../../../src/civic-action.js';
import type {CivicAction} from '../../../src/civic-action.component.js';
import {parseCampaign} from '../../../src/campaign/parse-campaign.js';
import {describeIssues} from '../../../src/campaign/describe-issues.js';
import {Campaign} from '../../../src/schema.js';

/**
 * Issue 14: organizers write campaigns by hand, and one without `defaultLocale` was refused
 * ("defaultLocale: required"), costing them the whole action. It is inferred: the page's language
 * if the campaign has it, else English if it has it, else the first language of the title.
 */
const recommendations = [{id: 'fountains', title: {fr: 'Fontaines', es: 'Bebederos'}, text: {fr: 'Une fontaine par étage.', es: 'Un bebedero por piso.'}}];
const handWritten = (title: Record<string, string>) => ({id: 'clean-water', title, recommendations});

describe('a campaign without defaultLocale', () => {
  it('takes the page’s language when the campaign has it, else English, else the title’s first language', () => {
    const defaultOf = (title: Record<string, string>, pageLang?: string | null) => parseCampaign(handWritten(title), pageLang).data!.defaultLocale;
    const title = {fr: 'Eau', en: 'Water', es: 'Agua'};
    expect(defaultOf(title, 'es-MX')).to.equal('es');
    expect(defaultOf(title, 'de')).to.equal('en');
    expect(defaultOf(title)).to.equal('en');
    expect(defaultOf({fr: 'Eau', es: 'Agua'}, null)).to.equal('fr');
    expect(defaultOf({'pt-BR': 'Água', es: 'Agua'}, 'pt')).to.equal('pt-BR');
  });

  it('is accepted by the published schema and by parseCampaign', () => {
    const fromSchema = Campaign.safeParse(handWritten({fr: 'Eau', es: 'Agua'}));
    expect(fromSchema.success, fromSchema.success ? '' : describeIssues(fromSchema.error.issues)).to.be.true;
    expect(fromSchema.data!.defaultLocale).to.equal('fr');
    const onSpanishPage = parseCampaign(handWritten({fr: 'Eau', es: 'Agua'}), 'es-US');
    expect(onSpanishPage.success).to.be.true;
    expect(onSpanishPage.data!.defaultLocale).to.equal('es');
  });

  it('keeps a defaultLocale that is written, and refuses one the title lacks', () => {
    expect(parseCampaign({...handWritten({fr: 'Eau', es: 'Agua'}), defaultLocale: 'es'}, 'fr').data!.defaultLocale).to.equal('es');
    const wrong = parseCampaign({...handWritten({fr: 'Eau'}), defaultLocale: 'en'});
    expect(wrong.success).to.be.false;
    expect(describeIssues(wrong.error!.issues)).to.equal('title: the title must exist in the default language');
  });

  it('names only the real problems, never the missing default language', () => {
    const noTitle = parseCampaign({id: 'clean-water', recommendations});
    expect(describeIssues(noTitle.error!.issues)).to.equal('title: required');
    const broken = parseCampaign({...handWritten({es: 'Agua'}), recommendations: [{id: 'Fountains!', title: {es: 'B'}, text: {es: 'T'}}]});
    expect(describeIssues(broken.error!.issues)).to.equal('recommendations[0].id: expected lowercase letters, digits and dashes');
    expect(parseCampaign('not a campaign').success).to.be.false;
    expect(parseCampaign(null).success).to.be.false;
  });

  it('does not require defaultLocale in schema/campaign.schema.json', async () => {
    const schema = await (await fetch('/schema/campaign.schema.json')).json();
    expect(schema.required).to.deep.equal(['id', 'title', 'recommendations']);
    expect(schema.properties.defaultLocale.description).to.contain('Optional');
  });

  it('takes the language of the page the widget is on as the default, for an inline campaign and the property', async () => {
    const container = document.createElement('div');
    container.lang = 'es-MX';
    try {
      const element = document.createElement('civic-action') as CivicAction;
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(handWritten({fr: 'De l’eau propre', en: 'Clean water', es: 'Agua limpia'}));
      element.append(script);
      container.append(element);
      document.body.append(container);
      await element.updateComplete;
      expect(element.campaign.defaultLocale).to.equal('es');
      element.campaign = handWritten({en: 'Water', es: 'Agua'});
      expect(element.campaign.defaultLocale).to.equal('es');
      element.campaign = {...handWritten({en: 'Water', es: 'Agua'}), defaultLocale: 'en'};
      expect(element.campaign.defaultLocale).to.equal('en');
    } finally {
      container.remove();
    }
  });

  it('shows an inline hand-written campaign, with nothing in the console', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    const container = document.createElement('div');
    try {
      const element = document.createElement('civic-action') as CivicAction;
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(handWritten({fr: 'De l’eau propre', es: 'Agua limpia'}));
      element.setAttribute('lang', 'es');
      element.append(script);
      container.append(element);
      document.body.append(container);
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('Agua limpia');
      expect(element.campaign.defaultLocale).to.equal('fr');
      // The property takes one too.
      element.campaign = handWritten({en: 'Water', es: 'Agua'});
      await element.updateComplete;
      expect(element.campaign.defaultLocale).to.equal('en');
      expect(errors).to.deep.equal([]);
    } finally {
      console.error = original;
      container.remove();
    }
  });
});
