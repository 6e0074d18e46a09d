import {expect, html} from '@open-wc/testing';
import type {CivicAction} from '../../src/civic-action.component.js';
import {fromFormFields} from '../../src/send/form-encoding.js';
import {Submission} from '../../src/schema.js';
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

  it('endpoint-format="form" posts to an endpoint on another origin, which needs no CORS, once, and thanks the reader', async () => {
    // The test page is on localhost; 127.0.0.1 is another origin, which sends no CORS headers.
    const endpoint = endpointBucket('ok');
    const cross = `http://127.0.0.1:${location.port}${endpoint.url}`;
    const element = await mount(html`<civic-action endpoint=${cross} endpoint-format="form" retries="0"></civic-action>`);
    await pick(element, 'tps');
    await fillSupporter(element);
    await sendFrom(element);
    const requests = await endpoint.recorded();
    expect(requests.map((request) => request.method)).to.deep.equal(['POST']);
    expect(new URLSearchParams(requests[0]!.body as unknown as string).getAll('recommendations')).to.deep.equal(['tps']);
  });

  it('tells the organizer of attributes it does not have, and of addresses written without https://, naming what was meant', async () => {
    const errors = await consoleErrorsDuring(async () => {
      const element = await mount(
        html`<civic-action endpont="https://forms.example.org/submit" max-pics="3" data-note="ours" aria-label="Act" class="wide" privacy-url="www.example.org/privacy"></civic-action>`,
      );
      await element.updateComplete;
    });
    const ours = errors.filter((error) => error.startsWith('<civic-action>:'));
    expect(ours.find((error) => error.includes('"endpont"')), 'README: a misspelt attribute is named, with the one meant').to.contain('did you mean endpoint?');
    expect(ours.find((error) => error.includes('"max-pics"'))).to.contain('did you mean max-picks?');
    expect(ours.find((error) => error.includes('privacy-url="www.example.org/privacy"')), 'README: a host name without https://').to.contain('write https://www.example.org/privacy');
    expect(ours.filter((error) => /data-note|aria-label|"class"/.test(error)), 'the page’s own attributes are left alone').to.deep.equal([]);
    const fine = await consoleErrorsDuring(async () => {
      const element = await mount(html`<civic-action endpoint="submit.ashx" privacy-url="/privacy.html" key="k" rel="r" href="/h" x-ref="x"></civic-action>`);
      await element.updateComplete;
    });
    expect(fine.filter((error) => error.startsWith('<civic-action>:')), 'a relative address that is a file or a path; attributes a letter or two from ref, org or src').to.deep.equal([]);
  });

  it('tells the organizer that src is not loaded when a campaign is written inside the tag too', async () => {
    const written = JSON.stringify({id: 'inside', title: {en: 'Inside'}, recommendations: [{id: 'one', title: {en: 'One'}, text: {en: 'Its text.'}}]});
    const errors = await consoleErrorsDuring(async () => {
      const holder = document.createElement('div');
      holder.innerHTML = `<civic-action src="/campaign-second.json"><script type="application/json">${written}</script></civic-action>`;
      document.body.append(holder);
      const element = holder.querySelector('civic-action') as CivicAction;
      await until(() => element.shadowRoot?.querySelector('h2')?.textContent === 'Inside', 'the inline campaign');
      await element.updateComplete;
      holder.remove();
    });
    expect(errors.join('\n')).to.contain('src="/campaign-second.json" is not loaded: the campaign inside the tag wins');
  });

  it('subject replaces the campaign’s subject in the preview and the payload', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url} subject="Act on root causes now"></civic-action>`);
    await pick(element, 'tps');
    expect($(element, '.envelope').textContent).to.contain('Act on root causes now');
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

  it('says "Pick exactly 2" up front when min-picks and max-picks are both 2, in each language', async () => {
    const english = await mount(html`<civic-action min-picks="2" max-picks="2"></civic-action>`);
    expect($(english, '#picks-hint').textContent).to.equal('Pick exactly 2 recommendations.');
    const spanish = await mount(html`<civic-action min-picks="2" max-picks="2" lang="es"></civic-action>`);
    expect($(spanish, '#picks-hint').textContent).to.equal('Elija exactamente 2 recomendaciones.');
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
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('fields="name*, phone"').and.to.contain('"phone"');
    const asked = $$<HTMLInputElement>(element, '[part=supporter] input:not([type=checkbox]):not(#supporter-website)').map((input) => [
      input.id,
      input.required,
      input.labels![0]!.textContent!.replace(/\s+/g, ' ').trim(),
    ]);
    expect(asked, 'README: an invalid fields goes on with the default, name*, email*, postal-code').to.deep.equal([
      ['supporter-name', true, 'Your name *'],
      ['supporter-email', true, 'Your email *'],
      ['supporter-postal-code', false, 'Postal code (optional)'],
    ]);
    expect(element.shadowRoot!.querySelector('#supporter-consent'), 'the consent checkbox comes with email').to.exist;
  });

  it('org names the organizer in the consent, and privacy-url links its policy', async () => {
    const element = await mount(html`<civic-action endpoint="/endpoint/ok/o" org="Casa Comunitaria" privacy-url="/privacy"></civic-action>`);
    expect($(element, '[part=consent] label').textContent).to.contain('Yes, Casa Comunitaria may contact me');
    expect($<HTMLAnchorElement>(element, '.privacy').href).to.equal(new URL('/privacy', location.href).href);
  });

  /** Mounts a widget with `attribute="javascript:…"` and an endpoint; returns it and the console errors. */
  async function withJavascriptUrl(attribute: string, value: string) {
    let element!: CivicAction;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action endpoint="/endpoint/ok/js"></civic-action>`);
      element.setAttribute(attribute, value);
      await element.updateComplete;
    });
    expect(errors.join('\n'), `README: ${attribute}="javascript:…" is refused with a console error naming it`).to.contain(`${attribute}="${value}"`);
    return element;
  }

  it('refuses privacy-url="javascript:…", naming it, and links no policy', async () => {
    const element = await withJavascriptUrl('privacy-url', 'javascript:alert(1)');
    expect($(element, '[part=consent]').textContent).to.contain('may contact me');
    expect(element.shadowRoot!.querySelector('.privacy'), 'README: privacy-url must be http or https: no link is made of it').to.be.null;
    expect(element.shadowRoot!.querySelector('a[href^="javascript:"]')).to.be.null;
  });

  it('refuses share-url="javascript:…", naming it, and shares this page instead', async () => {
    const element = await withJavascriptUrl('share-url', 'javascript:alert(1)');
    await pick(element, 'tps');
    await fillSupporter(element);
    await sendFrom(element);
    const links = $$<HTMLAnchorElement>(element, '[part=share] a').map((a) => a.href);
    expect(links.length, 'the share links after a send').to.be.greaterThan(3);
    expect(links.filter((l) => l.includes('javascript')), 'README: share-url must be http or https: it is never shared').to.deep.equal([]);
    const facebook = new URL(links.find((l) => l.startsWith('https://www.facebook.com/sharer/'))!);
    expect(facebook.searchParams.get('u'), 'README: share-url defaults to this page, without its query and fragment').to.equal(`${location.origin}${location.pathname}`);
  });

  it('refuses success-url="javascript:…", naming it, and keeps the thank-you', async () => {
    const element = await withJavascriptUrl('success-url', 'javascript:void(window.civicPwned=1)');
    await pick(element, 'tps');
    await fillSupporter(element);
    await sendFrom(element);
    await new Promise((r) => setTimeout(r, 200));
    expect((window as unknown as {civicPwned?: number}).civicPwned, 'README: success-url must be http or https: it is never followed').to.be.undefined;
    expect($(element, '#confirmation-heading').textContent, 'README: without a usable success-url, the thank-you stays').to.equal('Thank you! Your message was sent.');
  });

  it('refuses src="javascript:…", naming it, and shows the current campaign', async () => {
    const element = await withJavascriptUrl('src', 'javascript:alert(1)');
    await new Promise((r) => setTimeout(r, 100));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=notice]'), 'README: an unusable src never breaks the widget').to.be.null;
    expect($(element, 'h2').textContent, 'README: an unusable src goes on with the default campaign').to.equal(element.campaign.title.en);
    expect(element.campaign.id).to.equal('root-causes-2021');
  });

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
    const links = $$<HTMLAnchorElement>(element, '[part=share] a').map((a) => new URL(a.href));
    const link = (start: string) => links.find((l) => l.href.startsWith(start)) ?? new URL('about:blank');
    const shared = 'README: offers to share share-url with share-text after a send';
    expect(link('https://wa.me/').searchParams.get('text'), `${shared} (WhatsApp)`).to.equal('I acted. Will you? https://partner.example/act');
    expect(link('https://www.facebook.com/sharer/').searchParams.get('u'), `${shared} (Facebook)`).to.equal('https://partner.example/act');
    const x = link('https://x.com/intent/post').searchParams;
    expect([x.get('text'), x.get('url')], `${shared} (X)`).to.deep.equal(['I acted. Will you?', 'https://partner.example/act']);
    const mail = link('mailto:');
    expect(decodeURIComponent(mail.search), `${shared} (email)`).to.contain('subject=I acted. Will you?').and.to.contain('https://partner.example/act');
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
