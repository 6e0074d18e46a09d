import {expect, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {builtInCampaign} from '../built-in-campaign.js';
import {$, messageBody, mount, pick, type, until} from '../helpers.js';

// What the widget shows, in each language (the widget loads only the languages it shows).
const defaultCampaign = builtInCampaign();

describe('<civic-action> without an endpoint', () => {

  it('offers the reader’s own email app, with recipients, subject and the signed body', async () => {
    const element = await mount(
      html`<civic-action recipients="Rep. Ana Díaz <ana@house.example>, Senator Bo <bo@senate.example>"></civic-action>`,
    );
    expect(element.shadowRoot!.querySelector('#supporter-email')).to.be.null;
    await pick(element, 'end-title-42');
    await type(element, '#supporter-name', 'Ana Pérez');
    const href = $<HTMLAnchorElement>(element, 'a[part=submit]').getAttribute('href')!;
    const url = new URL(href);
    expect(url.protocol).to.equal('mailto:');
    expect(url.pathname).to.equal('ana@house.example,bo@senate.example');
    const body = url.searchParams.get('body')!;
    expect(body).to.contain(defaultCampaign.recommendations.find((r) => r.id === 'end-title-42')!.text.en);
    expect(body).to.match(/^Dear Rep\. Ana Díaz and Senator Bo,/);
    expect(body).to.match(/Sincerely,\r\nAna Pérez$/);
    expect(url.searchParams.get('subject')).to.equal(defaultCampaign.message!.subject!.en);
  });

  it('tells the organizer, once, and the reader, when none of the recipients has an address to write to', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      // A campaign of its own: the warning is once a page for each campaign.
      const campaign = {id: `no-address-${Math.random().toString(36).slice(2)}`, title: {en: 'Ours'}, recipients: [{name: {en: 'The Mayor'}}], recommendations: [{id: 'one', title: {en: 'One'}, text: {en: 'Its text.'}}]};
      const element = await mount(html`<civic-action .campaign=${campaign}></civic-action>`);
      await pick(element, 'one');
      const second = await mount(html`<civic-action .campaign=${campaign}></civic-action>`);
      await second.updateComplete;
      expect(warnings.filter((w) => w.includes('has an email address')), 'README: one console warning a page').to.have.length(1);
      expect(warnings[0]).to.contain('recipients="Name <address>"');
      expect($(element, '.actions .help').textContent!.trim()).to.equal('Copy this message and send it to its recipients your way, or open it in your email app and add their address.');
    } finally {
      console.warn = original;
    }
    const addressed = await mount(html`<civic-action recipients="The Mayor <mayor@city.example>"></civic-action>`);
    expect($(addressed, '.actions .help').textContent!.trim()).to.equal('Send this message from your own email, or copy it and send it your way.');
  });

  it('offers neither the email app nor copying before a pick, and both after it', async () => {
    const element = await mount(html`<civic-action></civic-action>`);
    const actions = () => $(element, '.actions');
    expect(actions().querySelector('a[part=submit]'), 'no email link before a pick').to.be.null;
    expect([...actions().querySelectorAll('button')].map((b) => b.textContent!.trim()), 'no copy button before a pick').not.to.include('Copy the message');
    expect($(element, '[part=message]').textContent).to.contain('Pick at least one recommendation to write your message.');
    await pick(element, 'tps');
    expect(actions().querySelector('a[part=submit]')).not.to.be.null;
    expect([...actions().querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include('Copy the message');
  });

  it('shows, next to each name, the address the reader’s mail will go to', async () => {
    const element = await mount(html`<civic-action></civic-action>`);
    element.campaign = {
      ...defaultCampaign,
      recipients: [{name: {en: 'Vice President Kamala Harris'}, email: 'collector@evil.example'}, {name: {en: 'Senator Bo'}}],
    };
    await element.updateComplete;
    await pick(element, 'tps');
    const to = $(element, '.envelope dd').textContent!.replace(/\s+/g, ' ').trim();
    expect(to, 'README: the email fallback shows each recipient’s address next to their name').to.equal('Vice President Kamala Harris <collector@evil.example> and Senator Bo');
    expect(new URL($<HTMLAnchorElement>(element, 'a[part=submit]').href).pathname).to.equal('collector@evil.example');
  });

  it('copies the subject and the signed message to the clipboard', async () => {
    await executeServerCommand('grant-clipboard');
    const element = await mount(html`<civic-action></civic-action>`);
    await pick(element, 'tps');
    await type(element, '#supporter-name', 'Ana Pérez');
    $(element, '.actions button').click();
    await until(() => $(element, '.actions [role=status]').textContent!.trim() !== '', 'the copy status');
    expect($(element, '.actions [role=status]').textContent).to.contain('Copied');
    const copied = await navigator.clipboard.readText();
    expect(copied).to.contain(defaultCampaign.message!.subject!.en);
    expect(copied).to.contain(messageBody(element).value.trimEnd());
    expect(copied).to.match(/Sincerely,\nAna Pérez$/);
  });
});
