import {expect, html} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {builtInCampaign} from '../built-in-campaign.js';
import {Submission} from '../../src/schema.js';
import {$, consoleErrorsDuring, endpointBucket, fillSupporter, messageBody, mount, pick, type, until, visibleText} from '../helpers.js';

// What the widget shows, in each language (the widget loads only the languages it shows).
const defaultCampaign = builtInCampaign();

const statusOf = (element: HTMLElement) => element.shadowRoot!.querySelector('[part=confirmation]') ? 'sent' : 'form';

describe('<civic-action> sending', () => {

  it('POSTs a version 1 JSON submission with an Idempotency-Key equal to its id', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    await pick(element, 'end-title-42', 'tps');
    await fillSupporter(element);
    await type(element, '#supporter-postal-code', '20001');
    $(element, '#supporter-consent').click();
    $(element, '[part=submit]').click();
    await until(() => statusOf(element) === 'sent', 'the thank-you');

    const [request, ...more] = await endpoint.recorded();
    expect(more).to.have.length(0);
    expect(request!.headers['content-type']).to.equal('application/json');
    expect(request!.headers['idempotency-key']).to.equal(request!.body.id);
    expect(request!.headers.cookie, 'README: no cookies are sent').to.be.undefined;
    const parsed = Submission.safeParse(request!.body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).to.be.true;
    const inNode = (await executeServerCommand('validate-submission-in-node', request!.body)) as {success: boolean};
    expect(inNode.success, 'dist/schema.js in Node accepts it').to.be.true;
    const broken = {...request!.body, supporter: {email: 'not-an-email'}};
    expect(((await executeServerCommand('validate-submission-in-node', broken)) as {success: boolean}).success).to.be.false;
    const body = request!.body;
    expect(body).to.include({version: 1, campaign: defaultCampaign.id, locale: 'en', consent: true});
    expect(body.recommendations).to.deep.equal(['tps', 'end-title-42']);
    expect(body.supporter).to.deep.equal({name: 'Ana Pérez', email: 'ana@example.org', postalCode: '20001'});
    expect(body.message.to).to.deep.equal(['Kamala Harris, Vice President of the United States']);
    expect(body.message.locale).to.equal('en');
    expect(body.message.subject).to.equal(defaultCampaign.message!.subject!.en);
    expect(body.message.body).to.match(/Sincerely,\nAna Pérez$/);
    expect(body.source.url).to.equal(`${location.origin}${location.pathname}`);
    expect(Date.now() - Date.parse(body.submittedAt)).to.be.within(0, 60_000);
  });

  it('thanks the supporter and moves focus to the thank-you', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url} lang="es"></civic-action>`);
    await pick(element, 'tps');
    await fillSupporter(element);
    $(element, '[part=submit]').click();
    await until(() => statusOf(element) === 'sent', 'the thank-you');
    await element.updateComplete;
    const heading = $(element, '#confirmation-heading');
    expect(heading.textContent).to.equal('¡Gracias! Su mensaje fue enviado.');
    expect(element.shadowRoot!.activeElement).to.equal(heading);
  });

  /** Sends one pick to an endpoint answering as `behaviour`; returns the widget at its thank-you and the sent event's detail. */
  async function sendTo(behaviour: string, lang: string) {
    const endpoint = endpointBucket(behaviour);
    const element = await mount(html`<civic-action endpoint=${endpoint.url} lang=${lang}></civic-action>`);
    const sentEvent = new Promise<CustomEvent>((resolve) => element.addEventListener('civic-action-sent', (e) => resolve(e as CustomEvent), {once: true}));
    await pick(element, 'tps');
    await fillSupporter(element);
    $(element, '[part=submit]').click();
    await until(() => statusOf(element) === 'sent', 'the thank-you');
    await element.updateComplete;
    return {element, detail: (await sentEvent).detail as {confirm: boolean}};
  }

  for (const [lang, heading, text] of [
    ['en', 'Thank you! Check your email to send your message.', 'Your message is not sent yet: open the link in the email we just sent you to send it.'],
    ['es', '¡Gracias! Revise su correo electrónico para enviar su mensaje.', 'Su mensaje aún no se ha enviado: abra el enlace del correo que le acabamos de enviar para enviarlo.'],
  ] as const) {
    it(`tells the reader to check their email when the receiver answers {"status": "confirm"}, ${lang}`, async () => {
      const {element, detail} = await sendTo('confirm', lang);
      expect($(element, '#confirmation-heading').textContent, 'README: 2xx {"status": "confirm"}: "Thank you! Check your email to send your message."').to.equal(heading);
      expect($(element, '[part=confirmation] p').textContent).to.equal(text);
      expect(element.shadowRoot!.activeElement).to.equal($(element, '#confirmation-heading'));
      expect(detail.confirm, 'README: civic-action-sent with confirm: true').to.equal(true);
    });
  }

  for (const behaviour of ['stored', 'text']) {
    it(`shows the usual thank-you for a 2xx ${behaviour === 'text' ? 'that is not JSON' : '{"status": "stored"}'}`, async () => {
      const {element, detail} = await sendTo(behaviour, 'en');
      expect($(element, '#confirmation-heading').textContent).to.equal('Thank you! Your message was sent.');
      expect(visibleText($(element, '[part=confirmation]'))).not.to.contain('email');
      expect(detail.confirm).to.equal(false);
    });
  }

  it('shows progress and disables the button while sending, keeping keyboard focus on it, and never sends twice', async () => {
    const endpoint = endpointBucket('hold');
    const element = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    await pick(element, 'tps');
    await fillSupporter(element);
    const button = $<HTMLButtonElement>(element, '[part=submit]');
    button.focus();
    button.click();
    await element.updateComplete;
    // Disabled for assistive technology, but still focused: a disabled button would drop focus to the page's body.
    expect([button.getAttribute('aria-disabled'), element.shadowRoot!.activeElement]).to.deep.equal(['true', button]);
    expect($(element, '#send-status').textContent).to.contain('Sending your message…');
    await until(async () => (await endpoint.recorded()).length >= 1, 'the first request');
    // While the first request is out: a double click, Enter pressed twice in a field, and the
    // form submitted by other means than the button (a page's script, an autofill tool), which
    // a disabled button does not stop.
    button.click();
    $(element, '#supporter-email').focus();
    await sendKeys({press: 'Enter'});
    await sendKeys({press: 'Enter'});
    const form = element.shadowRoot!.querySelector('form')!;
    form.requestSubmit();
    form.requestSubmit();
    await new Promise((r) => setTimeout(r, 300));
    expect(await endpoint.recorded(), 'README: while sending, a second click or Enter does nothing (one request in flight)').to.have.length(1);
    expect(statusOf(element)).to.equal('form');
    await endpoint.release();
    await until(() => statusOf(element) === 'sent', 'the thank-you');
    await new Promise((r) => setTimeout(r, 100));
    expect(await endpoint.recorded(), 'README: a second click or Enter does nothing (one request in all)').to.have.length(1);
  });

  it('says “Your message could not be sent.” for a submission that fails its own schema, sends nothing, and names the field', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url}></civic-action>`);
    const reported: CustomEvent[] = [];
    element.addEventListener('civic-action-error', (e) => reported.push(e as CustomEvent));
    await pick(element, 'tps');
    await fillSupporter(element);
    // Longer than any message the schema takes, set by script past the text area's maxlength.
    const body = messageBody(element);
    body.value = 'x'.repeat(20_400);
    body.dispatchEvent(new InputEvent('input'));
    await element.updateComplete;
    const alert = () => $(element, '[role=alert]').textContent!.trim();
    const errors = await consoleErrorsDuring(async () => {
      $(element, '[part=submit]').click();
      await until(() => alert() !== '' || reported.length > 0, 'README: a submission that fails our own schema is reported');
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(alert(), 'README: a submission that fails our own schema: "Your message could not be sent."').to.contain('Your message could not be sent.');
    expect(errors.join('\n'), 'README: … the console names the field').to.contain('message.body');
    expect(reported.map((e) => e.detail.kind), 'README: civic-action-error with kind "invalid"').to.deep.equal(['invalid']);
    expect(reported[0]!.detail.reason).to.contain('message.body');
    expect(await endpoint.recorded(), 'README: … sends nothing').to.have.length(0);
    expect(messageBody(element).value, 'nothing the reader wrote is lost').to.have.length(20_400);
  });

  it('on failure says so in the reader’s language, keeps everything, and retries with the same id', async () => {
    const failing = endpointBucket('status-500');
    const element = await mount(html`<civic-action endpoint=${failing.url} lang="es" retries="0"></civic-action>`);
    await pick(element, 'tps', 'climate');
    await type(element, '#message-body', 'Mi nota. ');
    const edited = messageBody(element).value;
    await fillSupporter(element);
    $(element, '[part=submit]').click();
    await until(() => $(element, '[role=alert]').textContent!.trim() !== '', 'the failure message');
    expect($(element, '[role=alert]').textContent).to.contain('El servidor no pudo recibir su mensaje (error 500)');
    expect($(element, '[role=alert]').textContent).to.contain('No se perdió nada');
    expect(messageBody(element).value).to.equal(edited);
    expect($<HTMLInputElement>(element, '#supporter-name').value).to.equal('Ana Pérez');
    expect($<HTMLInputElement>(element, '#recommendation-climate').checked).to.be.true;
    expect($(element, '[part=submit]').textContent?.trim()).to.equal('Intentar de nuevo');

    // The receiver comes back: the retry is the same submission.
    const working = endpointBucket('ok');
    element.endpoint = working.url;
    await element.updateComplete;
    $(element, '[part=submit]').click();
    await until(() => statusOf(element) === 'sent', 'the thank-you');
    const [failed] = await failing.recorded();
    const [sent] = await working.recorded();
    expect(sent!.body.id).to.equal(failed!.body.id);
    expect(sent!.headers['idempotency-key']).to.equal(failed!.body.id);
  });

  it('reports a network error as a failure, never as success', async () => {
    // Port 9 (discard) on loopback refuses the connection.
    const element = await mount(html`<civic-action endpoint="http://127.0.0.1:9/submit" retries="0"></civic-action>`);
    await pick(element, 'tps');
    await fillSupporter(element);
    $(element, '[part=submit]').click();
    await until(() => $(element, '[role=alert]').textContent!.trim() !== '', 'README: a network error is reported as a failure', 8000);
    expect($(element, '[role=alert]').textContent).to.contain('Your message could not reach the server');
    expect(statusOf(element)).to.equal('form');
  });

  it('shows what to fix next to each field, in the reader’s language, and focuses the first problem', async () => {
    const endpoint = endpointBucket('ok');
    const element = await mount(html`<civic-action endpoint=${endpoint.url} lang="es"></civic-action>`);
    $(element, '[part=submit]').click();
    await element.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect($(element, '#picks-problem').textContent).to.equal('Elija al menos una recomendación.');
    expect($(element, '#supporter-name-problem').textContent).to.equal('Escriba su nombre.');
    expect($(element, '#supporter-email-problem').textContent).to.equal('Escriba su correo electrónico.');
    expect($(element, '#supporter-name').getAttribute('aria-invalid')).to.equal('true');
    expect($(element, '#supporter-name').getAttribute('aria-describedby')).to.equal('supporter-name-problem');
    expect(element.shadowRoot!.activeElement?.id, 'README: problems are shown next to each field, and focus goes to the first one').to.equal('recommendation-economic-policy');

    await pick(element, 'tps');
    await type(element, '#supporter-email', 'not-an-email');
    expect(element.shadowRoot!.querySelector('#picks-problem')).to.be.null;
    expect($(element, '#supporter-email-problem').textContent).to.contain('nombre@ejemplo.org');
    $(element, '[part=submit]').click();
    await element.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(element.shadowRoot!.activeElement?.id).to.equal('supporter-name');
    expect(await endpoint.recorded()).to.have.length(0);
  });

  it('asks consent unchecked by default', async () => {
    const element = await mount(html`<civic-action endpoint="/endpoint/ok/consent"></civic-action>`);
    expect($<HTMLInputElement>(element, '#supporter-consent').checked).to.be.false;
  });
});
