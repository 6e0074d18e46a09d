import {expect, html} from '@open-wc/testing';
import {$, consoleErrorsDuring, messageBody, mount, pick} from '../helpers.js';
import type {CivicAction} from '../../src/civic-action.component.js';

describe('<civic-action> invalid attributes', () => {

  it('refuses an endpoint that is not a URL, names it, and falls back to email', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action endpoint="ftp://files.example/submit"></civic-action>`);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('endpoint="ftp://files.example/submit"').and.to.contain('https:');
    expect(element.shadowRoot!.querySelector('button[type=submit]')).to.be.null;
    await pick(element, 'tps');
    expect($(element, '.actions').textContent).to.contain('Copy the message');
  });

  it('refuses plain http outside localhost', async () => {
    const errors = await consoleErrorsDuring(() => mount(html`<civic-action endpoint="http://example.org/x"></civic-action>`));
    expect(errors.join('\n')).to.contain('endpoint="http://example.org/x"');
  });

  it('accepts https and loopback http endpoints without a word', async () => {
    const errors = await consoleErrorsDuring(async () => {
      await mount(html`<civic-action endpoint="https://example.org/x"></civic-action>`);
      await mount(html`<civic-action endpoint="http://localhost:8080/x"></civic-action>`);
    });
    expect(errors).to.deep.equal([]);
  });

  it('names a recipients entry it cannot read, and keeps the campaign’s recipients', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action recipients="Ana <ana-at-example>"></civic-action>`);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('recipients="Ana <ana-at-example>"').and.to.contain('"ana-at-example"');
    await pick(element, 'tps');
    expect(messageBody(element).value).to.match(/^Dear Vice President Harris,/);
  });

  it('names a message-lang the campaign does not have, and writes in the reader’s language', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action lang="es" message-lang="fr"></civic-action>`);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('message-lang="fr"').and.to.contain('en, es');
    await pick(element, 'tps');
    expect(messageBody(element).getAttribute('lang')).to.equal('es');
  });

  it('names a lang the campaign does not have, and uses the page’s language', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<div lang="es"><civic-action lang="fr"></civic-action></div>`);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('lang="fr"');
    expect(element.locale).to.equal('es');
  });
});

describe('<civic-action> theme and campaign', () => {

  it('switches to dark colours with theme="dark"', async () => {
    const element = await mount(html`<civic-action theme="dark"></civic-action>`);
    expect(getComputedStyle($(element, '[part=base]')).backgroundColor).to.equal('rgb(17, 24, 39)');
    expect(getComputedStyle($(element, '[part=base]')).color).to.equal('rgb(243, 244, 246)');
  });

  it('names a theme it does not know, and stays light', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action theme="purple"></civic-action>`);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('theme="purple"').and.to.contain('light, dark or auto');
    expect(getComputedStyle($(element, '[part=base]')).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('names the exact place of a problem in a campaign, and keeps the current one', async () => {
    const element = await mount(html`<civic-action></civic-action>`);
    const errors = await consoleErrorsDuring(async () => {
      element.campaign = {
        id: 'broken',
        defaultLocale: 'en',
        title: {en: 'Broken'},
        recommendations: [
          {id: 'a', title: {en: 'A'}, text: {en: 'A.'}},
          {id: 'b', title: {en: 'B'}},
        ],
      };
      await element.updateComplete;
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('recommendations[1].text: required');
    expect(element.campaign.id).to.equal('root-causes-2021');
    expect($(element, 'h2').textContent).to.contain('Vice President Harris');
  });
});
