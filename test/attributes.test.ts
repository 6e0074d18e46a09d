import {expect} from '@open-wc/testing';
import {readEndpoint, readMessageLang, readRecipients, readRetries, readTheme, readTimeout} from '../src/config/attributes.js';

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
