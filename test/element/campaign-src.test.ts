import {expect} from '@open-wc/testing';
import {html} from 'lit';
import {$, endpointBucket, mount, until} from '../helpers.js';

const SECOND = '/test/fixtures/campaign-second.json';
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('a src campaign that changes while it loads', () => {
  it('shows the latest src: an earlier answer that arrives later does not replace it', async () => {
    const first = endpointBucket('campaign-hold');
    const element = await mount(html`<civic-action src=${first.url}></civic-action>`);
    element.src = SECOND;
    await until(() => element.campaign.id === 'second-campaign', 'the second campaign');
    await first.release();
    await settle();
    expect(element.campaign.id, 'the latest src wins').to.equal('second-campaign');
    await element.updateComplete;
    expect($(element, '[part=title]').textContent).to.equal('A second campaign');
  });

  it('keeps “Loading…” until the latest src has answered, when an earlier one answers first', async () => {
    const first = endpointBucket('campaign-hold');
    const second = endpointBucket('campaign-hold');
    const element = await mount(html`<civic-action src=${first.url}></civic-action>`);
    element.src = second.url;
    await until(async () => (await second.recorded()).length === 1, 'the second request');
    await first.release();
    await settle();
    await element.updateComplete;
    expect($(element, '.widget').textContent, 'the first load must not end the second’s loading').to.contain('Loading…');
    expect(element.shadowRoot!.querySelector('form')).to.equal(null);
    await second.release();
    await until(() => element.campaign.id === 'clean-water', 'the second campaign');
  });

  it('loads its src again when the page moves it while it was loading', async () => {
    const first = endpointBucket('campaign-hold');
    const element = await mount(html`<civic-action src=${first.url}></civic-action>`);
    const parent = element.parentElement!;
    element.remove();
    parent.append(element);
    await until(async () => (await first.recorded()).length === 2, 'a second request after the move');
    await first.release();
    await until(() => element.campaign.id === 'clean-water', 'the campaign after the move');
  });
});
