import {expect, html} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {Campaign} from '../../src/schema.js';
import {$, $$, consoleErrorsDuring, endpointBucket, mount, until} from '../helpers.js';

describe('the organizer’s own campaign', () => {
  it('is read from an inline JSON script, in any of its languages, marking text that fell back', async () => {
    const campaign = await (await fetch('/test/fixtures/campaign-three-languages.json')).text();
    const container = document.createElement('div');
    container.innerHTML = `<civic-action lang="fr"><script type="application/json">${campaign}</script></civic-action>`;
    document.body.append(container);
    const element = container.firstElementChild as CivicAction;
    await element.updateComplete;
    try {
      expect($(element, 'h2').textContent).to.equal('De l’eau propre pour chaque école');
      expect($(element, 'h2').getAttribute('lang')).to.equal('fr');
      expect($(element, '#recommendation-testing-text').textContent).to.equal('Test the water every month.');
      // English like the interface around it, so it inherits its lang.
      expect($(element, '#recommendation-testing-text').closest('[lang]')!.getAttribute('lang')).to.equal('en');
      // French has no interface translation yet: the interface is English, and says so.
      expect($(element, '[part=base]').getAttribute('lang')).to.equal('en');
      expect($$(element, '.switcher button').map((b) => b.getAttribute('lang'))).to.deep.equal(['en', 'es', 'fr']);
    } finally {
      container.remove();
    }
  });

  it('warns the organizer when a message in an untranslated language would have an English frame', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const endpoint = endpointBucket('campaign');
      const element = await mount(html`<civic-action src=${endpoint.url}></civic-action>`);
      await until(() => element.campaign.id === 'clean-water', 'the campaign');
    } finally {
      console.warn = original;
    }
    expect(warnings.join('\n')).to.contain('message.greeting.fr, message.lead.fr, message.signOff.fr');
  });

  it('is fetched from src, without credentials', async () => {
    document.cookie = 'session=secret; path=/';
    try {
      const endpoint = endpointBucket('campaign');
      const element = await mount(html`<civic-action src=${endpoint.url} lang="es"></civic-action>`);
      await until(() => element.shadowRoot!.querySelector('h2')?.textContent === 'Agua limpia para cada escuela', 'the campaign');
      const [request] = await endpoint.recorded();
      expect(request!.headers.cookie, 'README: the src campaign is fetched without credentials').to.be.undefined;
    } finally {
      document.cookie = 'session=; path=/; max-age=0';
    }
  });

  it('when broken, names the exact place in the console and shows a notice, never a blank box', async () => {
    const container = document.createElement('div');
    const broken = {id: 'x', defaultLocale: 'en', title: {en: 'X'}, recommendations: [{id: 'a', title: {en: 'A'}, text: {en: 'A'}}, {id: 'b', title: {en: 'B'}}]};
    let element!: CivicAction;
    const events: CustomEvent[] = [];
    document.addEventListener('civic-action-error', (e) => events.push(e as CustomEvent), {once: true});
    const errors = await consoleErrorsDuring(async () => {
      container.innerHTML = `<civic-action><script type="application/json">${JSON.stringify(broken)}</script></civic-action>`;
      document.body.append(container);
      element = container.firstElementChild as CivicAction;
      await element.updateComplete;
    });
    try {
      expect(errors.join('\n')).to.contain('recommendations[1].text: required');
      const notice = $(element, '[part=notice]');
      expect(notice.textContent).to.contain('This action could not be loaded');
      expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
      // Trying a broken file again would fail again: no button offers it.
      expect(element.shadowRoot!.querySelector('.try-again') === null, 'no “Try again”').to.equal(true);
      expect(events[0]?.detail.kind).to.equal('campaign');
    } finally {
      container.remove();
    }
  });

  it('names a misspelt key, rather than dropping what it held, and takes a $schema', async () => {
    const container = document.createElement('div');
    const misspelt = {$schema: 'https://example.org/campaign.schema.json', id: 'x', title: {en: 'X'}, intr: {en: 'Lost intro'}, recommendations: [{id: 'a', title: {en: 'A'}, txt: {en: 'A'}}]};
    const errors = await consoleErrorsDuring(async () => {
      container.innerHTML = `<civic-action><script type="application/json">${JSON.stringify(misspelt)}</script></civic-action>`;
      document.body.append(container);
      await (container.firstElementChild as CivicAction).updateComplete;
    });
    try {
      const logged = errors.join('\n');
      expect(logged, 'README: a key the format does not have is named').to.contain('(the whole value): "intr" is not a field here: check the spelling');
      expect(logged).to.contain('recommendations[0]: "txt" is not a field here: check the spelling');
      expect(logged).not.to.contain('$schema');
    } finally {
      container.remove();
    }
  });

  it('when src does not answer within timeout, says so in the console and shows the notice instead of “Loading…”', async () => {
    const endpoint = endpointBucket('campaign-hold');
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action src=${endpoint.url} timeout="1"></civic-action>`);
      expect($(element, '.widget').textContent).to.contain('Loading…');
      await until(() => element.shadowRoot!.querySelector('[part=notice]') !== null, 'the notice', 4000);
    });
    await endpoint.release();
    expect($(element, '[part=notice]').textContent).to.contain('This action could not be loaded');
    expect($(element, '.widget').textContent).not.to.contain('Loading…');
    expect(errors.join('\n')).to.contain(`src="${endpoint.url}"`).and.to.contain('1 second');
  });

  describe('size caps', () => {
    const recommendation = (i: number) => ({id: `r${i}`, title: {en: `R${i}`}, text: {en: `Recommendation ${i}.`}});
    const campaign = (count: number) => ({id: 'big', defaultLocale: 'en', title: {en: 'Big'}, recommendations: Array.from({length: count}, (_, i) => recommendation(i))});
    const languages = (count: number) => Object.fromEntries(Array.from({length: count}, (_, i) => [`l${String.fromCharCode(97 + i)}`, 'x']));

    it('takes up to 500 recommendations', () => {
      expect(Campaign.safeParse(campaign(500)).success).to.be.true;
    });

    const refused: Array<[string, unknown, string]> = [
      ['501 recommendations', campaign(501), 'recommendations'],
      ['a recommendation text of 5,001 characters', {...campaign(1), recommendations: [{...recommendation(0), text: {en: 'x'.repeat(5001)}}]}, 'recommendations.0.text.en'],
      ['a title of 301 characters', {...campaign(1), title: {en: 'x'.repeat(301)}}, 'title.en'],
      ['a text in 21 languages', {...campaign(1), intro: {en: 'x', ...languages(20)}}, 'intro'],
      ['51 recipients', {...campaign(1), recipients: Array.from({length: 51}, () => ({name: {en: 'A'}}))}, 'recipients'],
      ['an id of 101 characters', {...campaign(1), id: 'x'.repeat(101)}, 'id'],
    ];
    for (const [what, value, path] of refused) {
      it(`refuses ${what}, naming where`, () => {
        const result = Campaign.safeParse(value);
        expect(result.success).to.be.false;
        expect(result.error!.issues.map((i) => i.path.join('.'))).to.include(path);
      });
    }

    it('refuses a campaign of 20,000 recommendations at once, keeping the one shown', async () => {
      const element = await mount(html`<civic-action></civic-action>`);
      const errors = await consoleErrorsDuring(async () => {
        element.campaign = campaign(20_000);
        await element.updateComplete;
      });
      expect(errors.join('\n')).to.contain('recommendations');
      expect(element.campaign.id).to.equal('root-causes-2021');
    });
  });

  it('when src fails on a blip, offers to try again, and a tap loads it without reloading the page', async () => {
    const endpoint = endpointBucket('campaign-flaky');
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action src=${endpoint.url}></civic-action>`);
      await until(() => element.shadowRoot!.querySelector('[part=notice]') !== null, 'the notice');
    });
    expect(errors.join('\n')).to.contain('503');
    expect($(element, '[part=notice]').textContent).to.contain('Check your connection, then try again');
    const again = $(element, '.try-again') as HTMLButtonElement;
    expect(again.textContent!.trim()).to.equal('Try again');
    again.click();
    await until(() => element.campaign.id === 'clean-water', 'the campaign');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=notice]') === null, 'no notice').to.equal(true);
    expect($(element, 'h2').textContent).to.equal('Clean water for every school');
    // The button went with the notice: focus is on the campaign's title, not lost to the page.
    await until(() => element.shadowRoot!.activeElement?.tagName === 'H2', 'focus on the title');
    expect(await endpoint.recorded()).to.have.lengthOf(2);
  });

  it('when src cannot be fetched, says so in the console and shows the notice', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action src="/test/fixtures/missing.json"></civic-action>`);
      await until(() => element.shadowRoot!.querySelector('[part=notice]') !== null, 'the notice');
    });
    expect(errors.join('\n')).to.contain('src="/test/fixtures/missing.json"').and.to.contain('404');
    // A file that is not there would not be there again: no offer to try.
    expect([$(element, '[part=notice]').textContent!.includes('try again later'), element.shadowRoot!.querySelector('.try-again') === null]).to.deep.equal([true, true]);
  });
});
