import {expect, html} from '@open-wc/testing';
import {a11ySnapshot} from '@web/test-runner-commands';
import type {CivicAction} from '../../src/civic-action.component.js';
import {FIRST_ROWS} from '../../src/view/progressive-view.js';
import {$, $$, mount, until} from '../helpers.js';

/** An organizer's campaign of `count` recommendations. */
function longCampaign(count: number) {
  return {
    id: 'long',
    defaultLocale: 'en',
    title: {en: 'A long campaign'},
    recommendations: Array.from({length: count}, (_, i) => ({id: `r${i}`, title: {en: `Headline ${i}`}, text: {en: `Text ${i}`}})),
  };
}

/**
 * A widget showing a campaign of `count` recommendations, given when the checks of an organizer's
 * campaign have loaded (with a first campaign of one), so that it is taken at once and the next
 * update is its first.
 */
async function showing(count: number): Promise<CivicAction> {
  const element = await mount(html`<civic-action></civic-action>`);
  element.campaign = {...longCampaign(1), id: 'warm'};
  await until(() => element.campaign.id === 'warm', 'the checks of an organizer\'s campaign loaded');
  await element.updateComplete;
  element.campaign = longCampaign(count);
  expect(element.campaign.id, 'the campaign taken at once').to.equal('long');
  return element;
}

/** Lit's own update promise: the element's `updateComplete` waits for the last row. */
const firstUpdate = (element: CivicAction) => Object.getPrototypeOf(Object.getPrototypeOf(element)).getUpdateComplete.call(element) as Promise<boolean>;
const rows = (element: CivicAction) => $$<HTMLInputElement>(element, 'input[data-recommendation]');

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}

/** The names of the checkboxes in the page's accessibility tree. */
const checkboxesIn = (node: AxNode): string[] => [...(node.role === 'checkbox' ? [node.name ?? ''] : []), ...(node.children ?? []).flatMap(checkboxesIn)];

describe('<civic-action> with a long list of recommendations', () => {
  it('shows the first screen of a 500-row list in its first update, and every row by updateComplete', async () => {
    const element = await showing(500);
    await firstUpdate(element);
    expect(rows(element).length, 'rows in the first update').to.equal(FIRST_ROWS);
    await element.updateComplete;
    expect(rows(element).map((box) => box.dataset['recommendation'])).to.deep.equal(longCampaign(500).recommendations.map((r) => r.id));
  });

  it('keeps all 500 checkboxes in the accessibility tree, each named by its headline', async () => {
    const element = await showing(500);
    await element.updateComplete;
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    expect(checkboxesIn(snapshot)).to.deep.equal(longCampaign(500).recommendations.map((r) => r.title.en));
  });

  it('picks all 500 with "Pick all" before the last rows are there, and shows them picked when they come', async () => {
    const element = await showing(500);
    await firstUpdate(element);
    expect(rows(element).length).to.be.lessThan(500);
    [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Pick all')!.click();
    await element.updateComplete;
    expect(rows(element).filter((box) => box.checked).length).to.equal(500);
    expect($(element, '.count').textContent?.trim()).to.equal('Picked: 500 of 500');
  });

  it('renders a list of up to the first screen in its first update, and the form below it in the next step', async () => {
    const element = await showing(FIRST_ROWS);
    await firstUpdate(element);
    expect(rows(element).length, 'rows in the first update').to.equal(FIRST_ROWS);
    // The form was shown with the first campaign, and stays: a reader typing in it keeps their fields.
    expect(element.shadowRoot!.querySelector('[part~=message]'), 'the form, shown before').to.exist;
    // One row more, and the list is no longer whole in its first update.
    element.campaign = longCampaign(FIRST_ROWS + 1);
    await firstUpdate(element);
    expect(rows(element).length).to.equal(FIRST_ROWS);
    await element.updateComplete;
    expect(rows(element).length).to.equal(FIRST_ROWS + 1);
  });

  it('shows the form below the list a step after the list in its first view, and updateComplete waits for it', async () => {
    const element = document.createElement('civic-action');
    document.body.append(element);
    await firstUpdate(element);
    expect(rows(element).length, 'the checkboxes, in the first update').to.equal(12);
    expect(element.shadowRoot!.querySelector('[part~=message]'), 'the message, in the first update').to.equal(null);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part~=message]'), 'the message, by updateComplete').to.exist;
    expect(element.shadowRoot!.querySelector('[part~=supporter]'), 'the supporter fields, by updateComplete').to.exist;
    element.remove();
  });

  it('brings the form below a long list with its last rows, not before', async () => {
    await showing(1); // the checks' chunk is there: the next element takes its campaign at once
    const element = document.createElement('civic-action');
    element.campaign = longCampaign(500);
    document.body.append(element);
    await firstUpdate(element);
    const form = () => element.shadowRoot!.querySelector('[part~=supporter]');
    expect([rows(element).length, form()], 'the first update').to.deep.equal([FIRST_ROWS, null]);
    // Steps come a frame apart; `until` looks every 20 ms, so it sees one of the eight before the last.
    await until(() => rows(element).length > FIRST_ROWS, 'a later step');
    expect(rows(element).length, 'a step before the last').to.be.lessThan(500);
    expect(form(), 'the form, before the last rows').to.equal(null);
    await element.updateComplete;
    expect([rows(element).length, form() !== null]).to.deep.equal([500, true]);
    element.remove();
  });

  it('keeps the form on screen while a new long list comes a step at a time', async () => {
    const element = await showing(500);
    const form = () => element.shadowRoot!.querySelector('[part~=supporter]');
    await firstUpdate(element);
    expect(form(), 'the form, in the new list\'s first update').to.not.equal(null);
    await until(() => rows(element).length > FIRST_ROWS, 'a later step');
    expect(rows(element).length, 'a step before the last').to.be.lessThan(500);
    expect(form(), 'the form, in a step before the last').to.not.equal(null);
  });

  it('renders the rest at once when the element leaves the page midway', async () => {
    const element = await showing(300);
    await firstUpdate(element);
    element.remove();
    await element.updateComplete;
    expect(rows(element).length).to.equal(300);
  });
});
