import {expect, html} from '@open-wc/testing';
import {a11ySnapshot, findAccessibilityNode} from '@web/test-runner-commands';
import {builtInCampaign} from '../built-in-campaign.js';
import {$, $$, messageBody, mount, mountDefault, pick, type, until} from '../helpers.js';

// What the widget shows, in each language (the widget loads only the languages it shows).
const defaultCampaign = builtInCampaign();

const text = (id: string, lang: 'en' | 'es' = 'en') => defaultCampaign.recommendations.find((r) => r.id === id)!.text[lang]!;

interface AxNode {
  role: string;
  name: string;
  children?: AxNode[];
}

describe('<civic-action> picking and composing', () => {

  it('names each checkbox by its headline and describes it with the full text', async () => {
    const element = await mountDefault();
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    for (const recommendation of defaultCampaign.recommendations) {
      const node = findAccessibilityNode(
        snapshot as never,
        (n: AxNode) => n.role === 'checkbox' && n.name === recommendation.title.en,
      );
      expect(node, recommendation.title.en).to.exist;
      const input = $<HTMLInputElement>(element, `#recommendation-${recommendation.id}`);
      const description = element.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!);
      expect(description?.textContent).to.equal(recommendation.text.en);
    }
  });

  it('groups the recommendations in a fieldset with a legend', async () => {
    const element = await mountDefault();
    const fieldset = $(element, 'fieldset[part=recommendations]');
    expect(fieldset.querySelector('legend')?.textContent?.trim()).to.equal('Pick the recommendations you support');
    expect(fieldset.querySelectorAll('input[type=checkbox]')).to.have.length(12);
  });

  it('counts picks with plural rules, in a polite live region, in both languages', async () => {
    const element = await mountDefault();
    const count = () => $(element, '.count').textContent?.trim();
    expect($(element, '.count').getAttribute('role')).to.equal('status');
    expect(count()).to.equal('Picked: 0 of 12');
    await pick(element, 'tps');
    expect(count()).to.equal('Picked: 1 of 12');
    await pick(element, 'climate');
    expect(count()).to.equal('Picked: 2 of 12');
    element.setAttribute('lang', 'es');
    await element.updateComplete;
    expect(count()).to.equal('Elegidas: 2 de 12');
    await pick(element, 'climate');
    expect(count()).to.equal('Elegidas: 1 de 12');
  });

  it('picks all and clears all', async () => {
    const element = await mountDefault();
    $$(element, '.bulk button')[0]!.click();
    await element.updateComplete;
    expect($$<HTMLInputElement>(element, 'input[data-recommendation]').every((i) => i.checked)).to.be.true;
    expect($(element, '.count').textContent).to.contain('Picked: 12 of 12');
    for (const r of defaultCampaign.recommendations) expect(messageBody(element).value).to.contain(r.text.en);
    $$(element, '.bulk button')[1]!.click();
    await element.updateComplete;
    expect($$<HTMLInputElement>(element, 'input[data-recommendation]').some((i) => i.checked)).to.be.false;
    // With no pick left, the message waits for one instead of showing a letter with nothing in it.
    expect(element.shadowRoot!.querySelector('#message-body'), 'no message box without a pick').to.be.null;
    expect($(element, '[part=message]').textContent).to.contain('Pick at least one recommendation to write your message.');
  });

  it('composes the message from greeting, picks in campaign order, closing and signature', async () => {
    const element = await mountDefault();
    await pick(element, 'end-title-42', 'rule-of-law');
    const body = messageBody(element).value;
    expect(body.startsWith('Dear Vice President Harris,')).to.be.true;
    expect(body.indexOf(text('rule-of-law'))).to.be.lessThan(body.indexOf(text('end-title-42')));
    expect(body.trimEnd().endsWith(defaultCampaign.closing!.en!)).to.be.true;
    await type(element, '#supporter-name', 'Ana Pérez');
    expect($(element, '.signature').textContent?.replace(/\s+/g, ' ').trim()).to.equal('Sincerely, Ana Pérez');
  });

  it('keeps the supporter’s edits when they pick and unpick afterwards', async () => {
    const element = await mountDefault();
    await pick(element, 'tps');
    const textarea = messageBody(element);
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    await type(element, '#message-body', '\nP.S. Please act now.');
    await pick(element, 'climate', 'rule-of-law');
    let body = messageBody(element).value;
    expect(body, 'README: after an edit, the supporter’s text is never replaced').to.contain('P.S. Please act now.');
    expect(body.indexOf(text('rule-of-law')), 'README: picking inserts its line next to its neighbours, in campaign order').to.be.lessThan(body.indexOf(text('tps')));
    expect(body.indexOf(text('tps'))).to.be.lessThan(body.indexOf(text('climate')));
    await pick(element, 'tps');
    body = messageBody(element).value;
    expect(body).not.to.contain(text('tps'));
    expect(body).to.contain('P.S. Please act now.');
  });

  it('rebuilds the message from the picks only when asked, and can undo that, focus going from each button to the other', async () => {
    const element = await mountDefault();
    await pick(element, 'tps');
    await type(element, '#message-body', 'X');
    const edited = messageBody(element).value;
    const focused = () => element.shadowRoot!.activeElement?.id;
    $(element, '.notice button').focus();
    $(element, '.notice button').click();
    await element.updateComplete;
    expect(messageBody(element).value).not.to.equal(edited);
    expect(messageBody(element).value).to.contain(text('tps'));
    // Each button goes with its notice: focus moves to the one that took its place, not to the page's body.
    await until(() => focused() === 'undo-rebuild', 'focus on Undo');
    $(element, '.notice button').click();
    await element.updateComplete;
    expect(messageBody(element).value).to.equal(edited);
    await until(() => focused() === 'rebuild-message', 'focus on Rebuild');
  });

  it('writes the message in message-lang and shows the reader a version in their own language', async () => {
    const element = await mount(html`<civic-action lang="en" message-lang="es"></civic-action>`);
    await pick(element, 'end-title-42');
    expect(messageBody(element).getAttribute('lang')).to.equal('es');
    expect(messageBody(element).value).to.contain(text('end-title-42', 'es'));
    expect($(element, 'legend').textContent).to.contain('Pick the recommendations');
    const version = $(element, '.reader-version');
    expect(version.querySelector('summary')?.textContent).to.contain('The message in English, for reference');
    expect(version.querySelector('.preview')?.textContent).to.contain(text('end-title-42', 'en'));
  });
});
