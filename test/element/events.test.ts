import {expect, html} from '@open-wc/testing';
import {$, fillSupporter, mount, pick, send, sent, until} from '../helpers.js';

describe('events', () => {
  it('tell the page about picks, the send and its arrival, bubbling out of the shadow root, without personal data', async () => {
    const seen: Array<[string, Record<string, unknown>]> = [];
    const listen = (e: Event) => seen.push([e.type, (e as CustomEvent).detail]);
    const types = ['civic-action-pick', 'civic-action-submit', 'civic-action-sent', 'civic-action-error'];
    types.forEach((t) => document.addEventListener(t, listen));
    try {
      const element = await mount(html`<civic-action endpoint="/endpoint/ok/events"></civic-action>`);
      await pick(element, 'climate', 'tps');
      await fillSupporter(element);
      send(element);
      await until(() => sent(element), 'the thank-you');
      expect(seen.map(([type]) => type)).to.deep.equal(['civic-action-pick', 'civic-action-pick', 'civic-action-submit', 'civic-action-sent']);
      expect(seen[1]![1]).to.deep.equal({campaign: 'root-causes-2021', picked: ['tps', 'climate']});
      expect(seen[2]![1]).to.include({campaign: 'root-causes-2021', locale: 'en', messageLocale: 'en'});
      expect(JSON.stringify(seen)).not.to.contain('ana@example.org').and.not.to.contain('Ana');
      expect(seen[3]![1].id).to.equal(seen[2]![1].id);
    } finally {
      types.forEach((t) => document.removeEventListener(t, listen));
    }
  });

  it('report a refusal as civic-action-error', async () => {
    const element = await mount(html`<civic-action endpoint="/endpoint/status-422/events"></civic-action>`);
    const error = new Promise<CustomEvent>((r) => element.addEventListener('civic-action-error', (e) => r(e as CustomEvent), {once: true}));
    await pick(element, 'tps');
    await fillSupporter(element);
    $(element, '[part=submit]').click();
    expect((await error).detail).to.include({kind: 'refused', status: 422});
  });
});
