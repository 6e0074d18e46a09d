import {expect, html} from '@open-wc/testing';
import {builtInCampaign} from '../built-in-campaign.js';
import {matchLocale} from '../../src/i18n/resolve-locale.js';
import {$, $$, messageBody, mount, mountDefault, pick, type} from '../helpers.js';

// What the widget shows, in each language (the widget loads only the languages it shows).
const defaultCampaign = builtInCampaign();

const title = (lang: 'en' | 'es') => defaultCampaign.title[lang];

describe('<civic-action> language', () => {

  it('follows its own lang attribute, and marks what it renders with it', async () => {
    const element = await mount(html`<div lang="en"><civic-action lang="es"></civic-action></div>`);
    expect($(element, 'h2').textContent).to.equal(title('es'));
    expect($(element, 'legend').textContent).to.contain('Elija las recomendaciones que apoya');
    expect($(element, '[part=base]').getAttribute('lang')).to.equal('es');
    await pick(element, 'tps');
    expect(messageBody(element).getAttribute('lang')).to.equal('es');
  });

  it('follows the page’s lang when the campaign has it (es-MX gives es)', async () => {
    const element = await mount(html`<div lang="es-MX"><section><civic-action></civic-action></section></div>`);
    expect(element.locale).to.equal('es');
    expect($(element, 'h2').textContent).to.equal(title('es'));
  });

  it('uses the browser’s languages when the page’s language is not in the campaign', async () => {
    // This browser prefers English; a campaign whose default is Spanish tells the two rules apart.
    expect(matchLocale(navigator.languages[0], ['en', 'es'])).to.equal('en');
    const element = await mount(html`<div lang="fr"><civic-action></civic-action></div>`);
    element.campaign = {
      id: 'spanish-first',
      defaultLocale: 'es',
      title: {es: 'Título', en: 'Title'},
      recommendations: [{id: 'a', title: {es: 'A', en: 'A'}, text: {es: 'A.', en: 'A.'}}],
    };
    await element.updateComplete;
    expect(element.locale).to.equal('en');
    expect($(element, 'h2').textContent).to.equal('Title');
  });

  it('offers the browser’s preferred language one click away, written in that language', async () => {
    // This browser prefers English (navigator.languages), and the page is in Spanish.
    expect(matchLocale(navigator.languages[0], ['en', 'es'])).to.equal('en');
    const element = await mount(html`<div lang="es"><civic-action></civic-action></div>`);
    expect(element.locale).to.equal('es');
    const offer = $(element, '.offer');
    expect(offer.getAttribute('lang')).to.equal('en');
    expect(offer.textContent?.trim()).to.equal('Read this in English');
    $(element, '.offer button').click();
    await element.updateComplete;
    expect(element.locale).to.equal('en');
    expect($(element, 'h2').textContent).to.equal(title('en'));
    expect(element.shadowRoot!.querySelector('.offer')).to.be.null;
  });

  it('switches content, interface and message at once, keeping picks', async () => {
    const element = await mountDefault();
    await pick(element, 'tps', 'end-title-42');
    $(element, '.switcher button[lang=es]').click();
    await element.updateComplete;
    expect($(element, 'h2').textContent).to.equal(title('es'));
    expect($(element, '.count').textContent).to.contain('Elegidas: 2 de 12');
    expect(messageBody(element).value).to.contain(defaultCampaign.recommendations.find((r) => r.id === 'tps')!.text.es);
    expect(messageBody(element).value).to.match(/^Estimada vicepresidenta Harris:/);
    const checked = $$<HTMLInputElement>(element, 'input[data-recommendation]').filter((i) => i.checked);
    expect(checked.map((i) => i.dataset.recommendation)).to.deep.equal(['tps', 'end-title-42']);
    expect($(element, '.switcher button[lang=es]').getAttribute('aria-pressed')).to.equal('true');
  });

  it('keeps an edited message, in the language it was written in, when the reader switches', async () => {
    const element = await mountDefault();
    await pick(element, 'tps');
    await type(element, '#message-body', ' My own words.');
    const edited = messageBody(element).value;
    $(element, '.switcher button[lang=es]').click();
    await element.updateComplete;
    expect(messageBody(element).value).to.equal(edited);
    expect(messageBody(element).getAttribute('lang')).to.equal('en');
    expect($(element, '.notice').textContent).to.contain('Su mensaje editado se queda en inglés.');
    // The reader can still read what they send, in their language.
    expect($(element, '.reader-version .preview').textContent).to.contain('Estimada vicepresidenta Harris:');
    $(element, '.switcher button[lang=en]').click();
    await element.updateComplete;
    expect(messageBody(element).value).to.equal(edited);
  });

  it('remembers the reader’s choice for the next widget they see', async () => {
    const first = await mountDefault();
    $(first, '.switcher button[lang=es]').click();
    await first.updateComplete;
    const next = await mount(html`<div lang="en"><civic-action></civic-action></div>`);
    expect(next.locale).to.equal('es');
    expect($(next, 'h2').textContent).to.equal(title('es'));
  });

  it('lets two widgets on one page speak different languages', async () => {
    const root = await mount(html`<div>
      <civic-action lang="en"></civic-action>
      <civic-action lang="es"></civic-action>
    </div>`);
    const [en, es] = [...root.parentElement!.querySelectorAll('civic-action')];
    await es!.updateComplete;
    expect($(en!, 'legend').textContent).to.contain('Pick the recommendations you support');
    expect($(es!, 'legend').textContent).to.contain('Elija las recomendaciones que apoya');
  });

  it('follows a change of the page’s language after load', async () => {
    const element = await mount(html`<div lang="en"><civic-action></civic-action></div>`);
    element.parentElement!.setAttribute('lang', 'es');
    await new Promise((r) => setTimeout(r));
    await element.updateComplete;
    expect(element.locale).to.equal('es');
  });
});
