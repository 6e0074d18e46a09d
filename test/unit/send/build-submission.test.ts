import {expect} from '@open-wc/testing';
import {buildSubmission, type SubmissionInput} from '../../../src/send/build-submission.js';
import {pageAddress} from '../../../src/send/page-address.js';
import {Submission} from '../../../src/schema.js';

const input = (changes: Partial<SubmissionInput> = {}): SubmissionInput => ({
  id: '6f1c3c1e-2f0b-4c39-9d2e-0f4f7f6b2a10',
  campaignId: 'root-causes-2021',
  readerLocale: 'es',
  picks: ['tps', 'end-title-42'],
  message: {to: ['Kamala Harris, vicepresidenta de Estados Unidos'], subject: 'Trabajar con la sociedad civil', body: 'Estimada vicepresidenta Harris:\n\n…\n\nAtentamente,\nAna Pérez', locale: 'es'},
  supporter: {name: 'Ana Pérez', email: 'ana@example.org', postalCode: '20001', consent: true},
  page: {url: 'https://partner.example/action', referrer: 'https://news.example/june'},
  now: new Date('2026-11-27T20:44:31.000Z'),
  signals: {fillMs: 48210, honeypot: false, restored: false},
  ...changes,
});

describe('buildSubmission', () => {
  it('builds the version 1 payload README documents, valid under the published schema', () => {
    const built = buildSubmission(input());
    expect(built.success, JSON.stringify(built.error?.issues)).to.be.true;
    expect(built.data).to.deep.equal({
      version: 1,
      id: '6f1c3c1e-2f0b-4c39-9d2e-0f4f7f6b2a10',
      campaign: 'root-causes-2021',
      locale: 'es',
      recommendations: ['tps', 'end-title-42'],
      message: {to: ['Kamala Harris, vicepresidenta de Estados Unidos'], subject: 'Trabajar con la sociedad civil', body: 'Estimada vicepresidenta Harris:\n\n…\n\nAtentamente,\nAna Pérez', locale: 'es'},
      supporter: {name: 'Ana Pérez', email: 'ana@example.org', postalCode: '20001'},
      consent: true,
      source: {url: 'https://partner.example/action', referrer: 'https://news.example/june'},
      submittedAt: '2026-11-27T20:44:31.000Z',
      signals: {fillMs: 48210, honeypot: false, restored: false},
    });
    expect(Submission.safeParse(built.data).success).to.be.true;
  });

  it('leaves out empty fields and trims the others; a tab pasted into a field becomes a space', () => {
    const built = buildSubmission(input({supporter: {name: '  Ana\tPérez ', email: 'ana@example.org', postalCode: '  ', consent: false}}));
    expect(built.data?.supporter, 'README: postalCode optional; a field left empty is absent').to.deep.equal({name: 'Ana Pérez', email: 'ana@example.org'});
    expect(built.data?.consent).to.equal(false);
  });

  it('sends a pasted word processor’s line and page breaks as line breaks, and other control characters as spaces, rather than fail the send', () => {
    const body = 'Estimada vicepresidenta Harris:\vprimera\fsegunda\u0000tercera\tcon tab\r\nfin';
    const built = buildSubmission(input({message: {...input().message, body}}));
    expect(built.success, JSON.stringify(built.error?.issues)).to.be.true;
    expect(built.data!.message.body).to.equal('Estimada vicepresidenta Harris:\nprimera\nsegunda tercera\tcon tab\r\nfin');
  });

  it('keeps the page’s query and fragment out of source, sending only utm_* (one line, at most 200 characters), and ref', () => {
    const built = buildSubmission(
      input({
        page: {
          url: `https://partner.example/action?mc_eid=abc&email=ana%40example.org&utm_source=news%0Aletter&utm_campaign=${'j'.repeat(250)}&utm_x=no#access_token=secret`,
          referrer: 'https://news.example/june?token=t#frag',
          ref: 'footer',
        },
      }),
    );
    expect(built.data?.source, 'README: source.url and source.referrer without query or fragment; utm_* in source.utm').to.deep.equal({
      url: 'https://partner.example/action',
      referrer: 'https://news.example/june',
      ref: 'footer',
      utm: {source: 'news letter', campaign: 'j'.repeat(200)},
    });
  });

  it('leaves out signals, referrer, ref and utm when there are none', () => {
    const built = buildSubmission(input({page: {url: 'https://partner.example/action', referrer: ''}, signals: undefined}));
    expect(built.data?.source).to.deep.equal({url: 'https://partner.example/action'});
    expect(built.data).not.to.have.property('signals');
  });

  it('refuses what the schema refuses, naming where: the receiver never gets it', () => {
    const badEmail = buildSubmission(input({supporter: {name: 'Ana', email: 'not-an-email', postalCode: '', consent: false}}));
    expect(badEmail.success).to.be.false;
    expect(badEmail.error!.issues.map((i) => i.path.join('.'))).to.include('supporter.email');
    const long = buildSubmission(input({message: {...input().message, body: 'x'.repeat(20_301)}}));
    expect(long.success).to.be.false;
    expect(long.error!.issues.map((i) => i.path.join('.'))).to.include('message.body');
    const none = buildSubmission(input({picks: []}));
    expect(none.error!.issues.map((i) => i.path.join('.'))).to.include('recommendations');
  });
});

describe('pageAddress', () => {
  it('is the page’s address without its query and fragment', () => {
    expect(pageAddress('https://partner.example/a/b?email=ana%40example.org#access_token=x')).to.equal('https://partner.example/a/b');
    expect(pageAddress('http://localhost:8000/')).to.equal('http://localhost:8000/');
  });
});
