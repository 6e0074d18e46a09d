import {expect, html} from '@open-wc/testing';
import {$, mount} from '../helpers.js';

describe('theming', () => {
  it('takes the organizer’s colours through custom properties and styles parts', async () => {
    const style = document.createElement('style');
    style.textContent = `civic-action.themed { --civic-action-accent: rgb(1, 2, 3); }
      civic-action.themed::part(submit) { border-radius: 0px; }`;
    document.head.append(style);
    try {
      const element = await mount(html`<civic-action class="themed" endpoint="/endpoint/ok/t"></civic-action>`);
      const submit = getComputedStyle($(element, '[part=submit]'));
      expect(submit.backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(submit.borderRadius).to.equal('0px');
    } finally {
      style.remove();
    }
  });

  it('uses the page’s font family by default', async () => {
    const element = await mount(html`<div style="font-family: Georgia, serif"><civic-action></civic-action></div>`);
    expect(getComputedStyle($(element, '[part=base]')).fontFamily).to.equal('Georgia, serif');
  });
});
