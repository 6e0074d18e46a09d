import {expect, html} from '@open-wc/testing';
import {a11ySnapshot, findAccessibilityNode} from '@web/test-runner-commands';
import type {CivicAction} from '../../src/civic-action.component.js';
import {$, $$, consoleErrorsDuring, endpointBucket, mount, pick, until, visibleText} from '../helpers.js';

interface AxNode {
  role: string;
  name: string;
  description?: string;
  children?: AxNode[];
}

const shown = (element: CivicAction) => element.shadowRoot!.querySelector('[part=tally]') !== null;
const backers = (element: CivicAction, id: string) => visibleText($(element, `#recommendation-${id}-tally`));

/** Console errors written while a widget's counter is fetched, once its request was answered and a while after. */
async function errorsWhileCounting(behaviour: string): Promise<{element: CivicAction; errors: string[]; url: string}> {
  const tally = endpointBucket(behaviour);
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    const element = await mount(html`<civic-action tally-src=${tally.url}></civic-action>`);
    await until(() => errors.length > 0, 'the console error');
    // Long enough for a second report, had there been one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await element.updateComplete;
    return {element, errors, url: tally.url};
  } finally {
    console.error = original;
  }
}

describe('<civic-action> live counter (tally-src)', () => {
  it('shows how many have spoken up and how many back each recommendation, in English number format, fetched without cookies', async () => {
    document.cookie = 'session=secret; path=/';
    try {
      const tally = endpointBucket('tally');
      const element = await mount(html`<civic-action tally-src=${tally.url} lang="en"></civic-action>`);
      await until(() => shown(element), 'the counter');
      expect(visibleText($(element, '[part=tally]'))).to.equal('12,345 people have spoken up');
      expect(backers(element, 'tps')).to.equal('1,234 people back this');
      expect(backers(element, 'end-title-42')).to.equal('1 person backs this');
      // Missing from the answer: nobody yet.
      expect(backers(element, 'climate')).to.equal('0 people back this');
      // One count per recommendation of the campaign: the id the campaign lacks is not shown.
      expect($$(element, '[part=recommendation-tally]')).to.have.length(element.campaign.recommendations.length);
      const [request, ...more] = await tally.recorded();
      expect(more).to.have.length(0);
      expect(request!.headers.cookie).to.be.undefined;
    } finally {
      document.cookie = 'session=; path=/; max-age=0';
    }
  });

  it('shows the counts in Spanish, with the numbers as US Spanish writes them', async () => {
    const tally = endpointBucket('tally');
    const element = await mount(html`<civic-action tally-src=${tally.url} lang="es"></civic-action>`);
    await until(() => shown(element), 'the counter');
    // Plain "es" would write 12.345 and 1234; Spanish readers in the US and Central America write
    // 12,345 and 1,234 (formatLocale picks es-US when the page names no other region).
    expect(visibleText($(element, '[part=tally]'))).to.equal('12,345 personas han alzado la voz');
    expect(backers(element, 'tps')).to.equal('1,234 personas la apoyan');
    expect(backers(element, 'end-title-42')).to.equal('1 persona la apoya');
  });

  it('keeps the count out of the checkbox’s name: it describes the checkbox, before the full text', async () => {
    const tally = endpointBucket('tally');
    const element = await mount(html`<civic-action tally-src=${tally.url} lang="en"></civic-action>`);
    await until(() => shown(element), 'the counter');
    const title = element.campaign.recommendations.find((r) => r.id === 'tps')!.title['en']!;
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    const checkbox = findAccessibilityNode(snapshot as never, (n: AxNode) => n.role === 'checkbox' && n.name === title) as AxNode | null;
    expect(checkbox, 'a checkbox named by its headline alone').to.exist;
    expect($(element, '#recommendation-tps').getAttribute('aria-describedby')).to.equal('recommendation-tps-tally recommendation-tps-text');
    // Shown once, not announced: no live region holds the counts.
    expect($(element, '[part=tally]').closest('[role=status], [role=alert], [aria-live]')).to.be.null;
  });

  for (const [behaviour, what, reason] of [
    ['tally-500', 'answers 500', 'it answered 500'],
    ['tally-drop', 'drops the connection (a network error)', 'Failed to fetch'],
    ['tally-over', 'counts a recommendation more often than the total', 'recommendations.tps: 12346 is more than total (12345)'],
  ] as const) {
    it(`hides the counts and logs one console line naming tally-src when the counter ${what}`, async () => {
      const {element, errors, url} = await errorsWhileCounting(behaviour);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`tally-src="${url}"`).and.to.contain(reason);
      expect(shown(element)).to.be.false;
      expect($$(element, '[part=recommendation-tally]')).to.have.length(0);
      expect($(element, '#recommendation-tps').getAttribute('aria-describedby')).to.equal('recommendation-tps-text');
    });
  }

  it('never blocks the widget: picks work while the counter has not answered', async () => {
    const tally = endpointBucket('tally-hold');
    const element = await mount(html`<civic-action tally-src=${tally.url}></civic-action>`);
    await until(async () => (await tally.recorded()).length === 1, 'the counter’s request');
    await pick(element, 'tps');
    expect($<HTMLInputElement>(element, '#recommendation-tps').checked).to.be.true;
    expect(visibleText($(element, '.count'))).to.equal('Picked: 1 of 12');
    expect(shown(element)).to.be.false;
    await tally.release();
    await until(() => shown(element), 'the counter');
    expect($<HTMLInputElement>(element, '#recommendation-tps').checked).to.be.true;
  });

  it('reports an unusable tally-src and shows no counts', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action tally-src="http://example.org/tally"></civic-action>`);
    });
    expect(errors).to.deep.equal([
      '<civic-action>: tally-src="http://example.org/tally" is not valid: expected an https: URL (http: is accepted only for localhost). Not showing the counts.',
    ]);
    expect(shown(element)).to.be.false;
  });
});
