import {expect} from '@open-wc/testing';
import {readEndpoint, readMessageLang, readRecipients, readRetries, readTallySrc, readTheme, readTimeout} from '../../../src/config/attributes.js';

const base = 'https://partner.example/page';

describe('attribute readers', () => {
  it('read an endpoint against the page, https or loopback http only', () => {
    expect(readEndpoint('/api', base).value?.href).to.equal('https://partner.example/api');
    expect(readEndpoint('http://127.0.0.1:3000/x', base).problem).to.be.undefined;
    expect(readEndpoint('http://[::1]/x', base).problem).to.be.undefined;
    expect(readEndpoint(null, base)).to.deep.equal({value: null});
    for (const bad of ['javascript:alert(1)', 'data:,x', 'http://partner.example/x', 'ftp://x.example', 'https://']) {
      const reading = readEndpoint(bad, base);
      expect(reading.value, bad).to.be.null;
      expect(reading.problem, bad).to.exist;
    }
  });

  it('read tally-src by the endpoint’s rules, and say the counts are not shown when it is unusable', () => {
    expect(readTallySrc('/campaigns/x/tally', base).value?.href).to.equal('https://partner.example/campaigns/x/tally');
    expect(readTallySrc('http://localhost:8787/campaigns/x/tally', base).problem).to.be.undefined;
    expect(readTallySrc(null, base)).to.deep.equal({value: null});
    const reading = readTallySrc('http://partner.example/tally', base);
    expect(reading.value).to.be.null;
    expect(reading.problem?.expected).to.contain('https:');
    expect(reading.problem?.fallback).to.equal('Not showing the counts.');
  });

  it('read recipients, or say which entry is wrong', () => {
    expect(readRecipients('A <a@b.example>').value).to.deep.equal([{name: 'A', email: 'a@b.example'}]);
    expect(readRecipients('A <nope>').problem?.expected).to.contain('"nope"');
  });

  it('read message-lang among the campaign’s languages', () => {
    expect(readMessageLang('es-MX', ['en', 'es']).value).to.equal('es');
    expect(readMessageLang('fr', ['en', 'es']).problem?.expected).to.contain('en, es');
  });

  it('read theme, timeout and retries within their bounds', () => {
    expect(readTheme('dark').problem).to.be.undefined;
    expect(readTheme('neon').value).to.equal('light');
    expect(readTimeout('30').value).to.equal(30_000);
    expect(readTimeout('0').problem).to.exist;
    expect(readTimeout('121').problem).to.exist;
    expect(readRetries('0').value).to.equal(0);
    expect(readRetries('11').problem).to.exist;
    expect(readRetries('1.5').problem).to.exist;
  });
});
