import {expect, html} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {fromFormFields} from '../../src/send/form-encoding.js';
import {Campaign, Submission} from '../../src/schema.js';
import {$, $$, builtWidgetInFrame, consoleErrorsDuring, endpointBucket, fillSupporter, mount, pick, until} from '../helpers.js';

const sent = (element: CivicAction) => element.shadowRoot!.querySelector('[part=confirmation]') !== null;

async function sendFrom(element: CivicAction): Promise<void> {
  $(element, '[part=submit]').click();
  await until(() => sent(element), 'the thank-you');
}

describe('organizer settings', () => {
  it('endpoint-format="form" posts form fields that decode to a valid submission, with no custom header', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url} endpoint-format="form"></civic-action>`);
    await pick(element, 'tps', 'climate');
    await fillSupporter(element);
    await sendFrom(element);
    const [request] = await endpoint.recorded();
    expect(request!.headers['content-type']).to.contain('application/x-www-form-urlencoded');
    expect(request!.headers['idempotency-key']).to.be.undefined;
    const fields = new URLSearchParams(request!.body as unknown as string);
    expect(fields.getAll('recommendations')).to.deep.equal(['tps', 'climate']);
    expect(fields.get('supporter.email')).to.equal('ana@example.org');
    const decoded = Submission.safeParse(fromFormFields(fields));
    expect(decoded.success, JSON.stringify(decoded.error?.issues)).to.be.true;
  });

  it('subject replaces the campaign’s subject in the preview and the payload', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url} subject="Act on root causes now"></civic-action>`);
    expect($(element, '.envelope').textContent).to.contain('Act on root causes now');
    await pick(element, 'tps');
    await fillSupporter(element);
    await sendFrom(element);
    expect((await endpoint.recorded())[0]!.body.message.subject).to.equal('Act on root causes now');
  });

  it('picked starts with those picks and names the ids it does not know', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action picked="tps, end-title-42, nope"></civic-action>`);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('picked=').and.to.contain('"nope"');
    const checked = $$<HTMLInputElement>(element, 'input[data-recommendation]').filter((i) => i.checked);
    expect(checked.map((i) => i.dataset.recommendation)).to.deep.equal(['tps', 'end-title-42']);
  });

  it('max-picks disables the other boxes at the limit and hides "Pick all"', async () => {
    const element = await mount(html`<civic-action max-picks="2"></civic-action>`);
    expect($(element, '#picks-hint').textContent).to.contain('Pick at most 2 recommendations.');
    expect($$(element, '.bulk button').map((b) => b.textContent!.trim())).to.deep.equal(['Clear all']);
    await pick(element, 'tps', 'climate');
    expect($<HTMLInputElement>(element, '#recommendation-rule-of-law').disabled).to.be.true;
    expect($<HTMLInputElement>(element, '#recommendation-tps').disabled).to.be.false;
    await pick(element, 'tps');
    expect($<HTMLInputElement>(element, '#recommendation-rule-of-law').disabled).to.be.false;
  });

  it('min-picks asks for that many before sending', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url} min-picks="3" lang="es"></civic-action>`);
    await pick(element, 'tps');
    await fillSupporter(element);
    $(element, '[part=submit]').click();
    await element.updateComplete;
    expect($(element, '#picks-problem').textContent).to.equal('Elija al menos 3 recomendaciones.');
    expect(await endpoint.recorded()).to.have.length(0);
  });

  for (const [attributes, expected] of [
    [{'min-picks': '40'}, 'min-picks="40"'],
    [{'min-picks': '3', 'max-picks': '2'}, 'max-picks="2"'],
    [{'max-picks': '-1'}, 'max-picks="-1"'],
  ] as Array<[Record<string, string>, string]>) {
    it(`names impossible pick bounds: ${expected}`, async () => {
      const errors = await consoleErrorsDuring(async () => {
        const element = document.createElement('civic-action');
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        document.body.append(element);
        await element.updateComplete;
        element.remove();
      });
      expect(errors.join('\n')).to.contain(expected);
    });
  }

  it('fields chooses which supporter fields are asked and required, and the payload carries only those', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url} fields="email*, postal-code*"></civic-action>`);
    expect(element.shadowRoot!.querySelector('#supporter-name')).to.be.null;
    await pick(element, 'tps');
    const email = $<HTMLInputElement>(element, '#supporter-email');
    email.value = 'ana@example.org';
    email.dispatchEvent(new InputEvent('input'));
    $(element, '[part=submit]').click();
    await element.updateComplete;
    expect($(element, '#supporter-postal-code-problem').textContent).to.contain('Check this field');
    const postal = $<HTMLInputElement>(element, '#supporter-postal-code');
    postal.value = '20001';
    postal.dispatchEvent(new InputEvent('input'));
    await sendFrom(element);
    expect((await endpoint.recorded())[0]!.body.supporter).to.deep.equal({email: 'ana@example.org', postalCode: '20001'});
  });

  it('names a fields entry it does not know, and asks the default fields', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action endpoint="/endpoint/ok/f" fields="name*, phone"></civic-action>`);
    });
    expect(errors[0]).to.contain('fields="name*, phone"').and.to.contain('"phone"');
    expect(element.shadowRoot!.querySelector('#supporter-email')).to.exist;
  });

  it('org names the organizer in the consent, and privacy-url links its policy', async () => {
    const element = await mount(html`<civic-action endpoint="/endpoint/ok/o" org="Casa Comunitaria" privacy-url="/privacy"></civic-action>`);
    expect($(element, '[part=consent] label').textContent).to.contain('Yes, Casa Comunitaria may contact me');
    expect($<HTMLAnchorElement>(element, '.privacy').href).to.equal(new URL('/privacy', location.href).href);
  });

  for (const attribute of ['privacy-url', 'success-url', 'share-url', 'src']) {
    it(`refuses ${attribute}="javascript:…", naming it`, async () => {
      const errors = await consoleErrorsDuring(async () => {
        const element = document.createElement('civic-action');
        element.setAttribute(attribute, 'javascript:alert(1)');
        element.setAttribute('endpoint', '/endpoint/ok/js');
        document.body.append(element);
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('a[href^="javascript:"]')).to.be.null;
        element.remove();
      });
      expect(errors.join('\n')).to.contain(`${attribute}="javascript:alert(1)"`);
    });
  }

  it('sends ref and the page’s utm_* parameters in source', async () => {
    const original = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search}&utm_source=newsletter&utm_campaign=june`);
    try {
      const endpoint = endpointBucket('ok');
      const element = await mount(html`<civic-action endpoint=${endpoint.url} ref="footer-embed"></civic-action>`);
      await pick(element, 'tps');
      await fillSupporter(element);
      await sendFrom(element);
      const {source} = (await endpoint.recorded())[0]!.body;
      expect(source.ref).to.equal('footer-embed');
      expect(source.utm).to.deep.equal({source: 'newsletter', campaign: 'june'});
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('keeps the page’s query and fragment out of source.url and the shared link, utm_* going to source.utm only', async () => {
    const original = location.href;
    history.replaceState(null, '', `${location.pathname}?mc_eid=abc123&email=ana%40example.org&utm_source=newsletter#access_token=secret`);
    try {
      const endpoint = endpointBucket('ok');
      const element = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
      await pick(element, 'tps');
      await fillSupporter(element);
      await sendFrom(element);
      const {source} = (await endpoint.recorded())[0]!.body;
      expect(source.url).to.equal(`${location.origin}${location.pathname}`);
      expect(source.utm).to.deep.equal({source: 'newsletter'});
      const shared = $$<HTMLAnchorElement>(element, '[part=share] a').map((a) => decodeURIComponent(a.href));
      expect(shared.length).to.be.greaterThan(0);
      for (const link of shared) {
        expect(link).to.contain(`${location.origin}${location.pathname}`);
        expect(link).not.to.match(/mc_eid|access_token|ana@example\.org|utm_source/);
      }
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('offers to share share-url with share-text after sending', async () => {
    const element = await mount(
      html`<civic-action endpoint="/endpoint/ok/share" share-url="https://partner.example/act" share-text="I acted. Will you?"></civic-action>`,
    );
    await pick(element, 'tps');
    await fillSupporter(element);
    await sendFrom(element);
    const links = $$<HTMLAnchorElement>(element, '[part=share] a').map((a) => a.href);
    expect(links.some((l) => l.startsWith('https://wa.me/') && l.includes(encodeURIComponent('https://partner.example/act')))).to.be.true;
    expect(links.some((l) => l.startsWith('https://www.facebook.com/sharer/'))).to.be.true;
    expect(links.some((l) => l.startsWith('https://x.com/intent/post') && l.includes(encodeURIComponent('I acted. Will you?')))).to.be.true;
    expect(links.some((l) => l.startsWith('mailto:'))).to.be.true;
  });

  it('takes the reader to success-url after a send', async () => {
    const {iframe, element} = await builtWidgetInFrame('endpoint="/endpoint/ok/success" success-url="/test/fixtures/press-release-2021-06-06.txt"');
    const root = element.shadowRoot!;
    const navigated = new Promise((r) => iframe.addEventListener('load', r, {once: true}));
    (root.querySelector('[part=submit]') as HTMLButtonElement).click();
    await navigated;
    expect(iframe.contentWindow!.location.pathname).to.equal('/test/fixtures/press-release-2021-06-06.txt');
    iframe.remove();
  });
});

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
      expect(request!.headers.cookie).to.be.undefined;
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
      expect(events[0]?.detail.kind).to.equal('campaign');
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

  it('when src cannot be fetched, says so in the console and shows the notice', async () => {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action src="/test/fixtures/missing.json"></civic-action>`);
      await until(() => element.shadowRoot!.querySelector('[part=notice]') !== null, 'the notice');
    });
    expect(errors.join('\n')).to.contain('src="/test/fixtures/missing.json"').and.to.contain('404');
  });
});

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
      await sendFrom(element);
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

describe('organizer settings with bad values', () => {
  for (const [attribute, value, expected] of [
    ['endpoint-format', 'xml', 'json or form'],
    ['subject', 's'.repeat(301), 'at most 300 characters'],
    ['org', 'o'.repeat(201), 'at most 200 characters'],
    ['share-text', 't'.repeat(281), 'at most 280 characters'],
    ['ref', 'r'.repeat(201), 'at most 200 characters'],
    ['picked', 'nope', '"nope"'],
  ]) {
    it(`names ${attribute}="${value!.slice(0, 12)}${value!.length > 12 ? '…' : ''}" and goes on`, async () => {
      const errors = await consoleErrorsDuring(async () => {
        const element = document.createElement('civic-action');
        element.setAttribute('endpoint', '/endpoint/ok/bad');
        element.setAttribute(attribute!, value!);
        document.body.append(element);
        await element.updateComplete;
        expect(element.shadowRoot!.querySelector('h2')).to.exist;
        element.remove();
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`${attribute}="`).and.to.contain(expected!);
    });
  }
});
