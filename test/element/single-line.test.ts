import {expect, html} from '@open-wc/testing';
import {campaignSchema} from '../../src/campaign/campaign-schema.js';
import {builtInCampaign} from '../built-in-campaign.js';
import {readRecipients} from '../../src/config/attributes.js';
import {buildSubmission} from '../../src/send/build-submission.js';
import {Submission} from '../../src/schema.js';
import {$, consoleErrorsDuring, endpointBucket, fillSupporter, mount, pick, until} from '../helpers.js';

// What the widget shows, in each language (the widget loads only the languages it shows).
const defaultCampaign = builtInCampaign();

const valid = {
  version: 1,
  id: '6f1c3c1e-2f0b-4c39-9d2e-0f4f7f6b2a10',
  campaign: 'root-causes-2021',
  locale: 'en',
  recommendations: ['tps'],
  message: {to: ['Vice President Kamala Harris'], subject: 'Root causes', body: 'Dear Vice President,\r\n\r\nAct.\n\nSincerely,\nAna', locale: 'en'},
  supporter: {name: 'Ana', email: 'ana@example.org', postalCode: '20001'},
  consent: false,
  source: {url: 'https://partner.example/action'},
  submittedAt: '2026-11-27T20:44:31.000Z',
};

describe('single-line fields (no header injection in receivers that send email)', () => {
  it('the submission schema accepts line breaks in the body only', () => {
    expect(Submission.safeParse(valid).success).to.be.true;
  });

  const injections: Array<[string, (text: string) => unknown]> = [
    ['supporter.name', (t) => ({...valid, supporter: {...valid.supporter, name: t}})],
    // Within the postal code's 20 characters, so that it is the line break that is refused.
    ['supporter.postalCode', (t) => ({...valid, supporter: {...valid.supporter, postalCode: t.slice(0, 6)}})],
    ['message.subject', (t) => ({...valid, message: {...valid.message, subject: t}})],
    ['message.to', (t) => ({...valid, message: {...valid.message, to: [t]}})],
  ];
  for (const [field, make] of injections) {
    for (const [what, text] of [['CR LF', 'Ann\r\nBcc: victim@example.org'], ['LF', 'Ann\nBcc: x'], ['NUL', 'Ann\u0000B'], ['tab', 'Ann\tB'], ['U+2028', 'Ann\u2028B']]) {
      it(`the submission schema refuses ${what} inside ${field}`, () => {
        const result = Submission.safeParse(make(text!));
        expect(result.success, `README: ${field} cannot carry line breaks or other control characters`).to.be.false;
        expect(result.error!.issues.map((i) => i.path.join('.'))).to.include.members([field === 'message.to' ? 'message.to.0' : field]);
      });
    }
  }

  it('the widget sends a tab pasted into a name as a space rather than failing the send', () => {
    const built = buildSubmission({
      id: valid.id,
      campaignId: 'root-causes-2021',
      readerLocale: 'en',
      picks: ['tps'],
      message: {to: ['Vice President Kamala Harris'], subject: 'Root causes', body: 'Act.', locale: 'en'},
      supporter: {name: 'Ann\tB', email: 'ana@example.org', postalCode: '', consent: false},
      page: {url: 'https://partner.example/action', referrer: ''},
      now: new Date(),
    });
    expect(built.success, JSON.stringify(built.error?.issues)).to.be.true;
    expect(built.data!.supporter.name).to.equal('Ann B');
  });

  it('the subject attribute with a line break is reported and sent on one line', async () => {
    const endpoint = endpointBucket('ok');
    let element!: Awaited<ReturnType<typeof mount>>;
    const errors = await consoleErrorsDuring(async () => {
      element = await mount(html`<civic-action endpoint=${endpoint.url} subject=${'Act now\r\nBcc: victim@example.org'}></civic-action>`);
    });
    expect(errors.join('\n')).to.contain('subject=');
    await pick(element, 'tps');
    await fillSupporter(element);
    $(element, '[part=submit]').click();
    await until(() => element.shadowRoot!.querySelector('[part=confirmation]') !== null, 'the thank-you');
    expect((await endpoint.recorded())[0]!.body.message.subject).to.equal('Act now Bcc: victim@example.org');
  });

  it('the recipients attribute refuses a name with a line break inside', () => {
    expect(readRecipients('Ann\r\nBcc: victim@example.org <a@b.example>').problem).to.exist;
    expect(readRecipients('Ann <a@b.example>,\n  Bo').problem).to.be.undefined;
  });

  it('the campaign schema refuses a recipient name or a subject with a line break', () => {
    const withName = {...defaultCampaign, recipients: [{name: {en: 'Kamala\nBcc: x'}}]};
    const withSubject = {...defaultCampaign, message: {...defaultCampaign.message, subject: {en: 'Act\r\nBcc: x'}}};
    expect(campaignSchema().safeParse(withName).success).to.be.false;
    expect(campaignSchema().safeParse(withSubject).success).to.be.false;
  });
});
