import {expect} from '@open-wc/testing';
import {
  DEFAULT_FIELDS,
  readEndpoint,
  readEndpointFormat,
  readFields,
  readLine,
  readMessageLang,
  readPageUrl,
  readPickBound,
  readPicked,
  readRecipients,
  readRetries,
  readTallySrc,
  readText,
  readTheme,
  readTimeout,
} from '../../../src/config/attributes.js';

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

  it('read timeout and retries to their defaults, 15 seconds and 3, when missing or invalid', () => {
    expect(readTimeout(null)).to.deep.equal({value: 15_000});
    expect(readTimeout('soon').value, 'README: an invalid timeout goes on with 15 seconds').to.equal(15_000);
    expect(readTimeout('soon').problem?.fallback).to.equal('Waiting 15 seconds.');
    expect(readRetries(null)).to.deep.equal({value: 3});
    expect(readRetries('-1').value, 'README: an invalid retries goes on with 3').to.equal(3);
    expect(readRetries('10').value).to.equal(10);
  });

  it('read fields: which supporter fields are asked, * for required; the default for anything unknown', () => {
    expect(readFields(null)).to.deep.equal({value: {name: 'required', email: 'required', postalCode: 'optional'}});
    expect(DEFAULT_FIELDS, 'README: default name*, email*, postal-code').to.deep.equal({name: 'required', email: 'required', postalCode: 'optional'});
    expect(readFields('name*')).to.deep.equal({value: {name: 'required'}});
    expect(readFields(' email* , postal-code* ')).to.deep.equal({value: {email: 'required', postalCode: 'required'}});
    expect(readFields('name, email')).to.deep.equal({value: {name: 'optional', email: 'optional'}});
    const unknown = readFields('name*, phone');
    expect(unknown.value).to.deep.equal(DEFAULT_FIELDS);
    expect(unknown.problem?.expected).to.contain('"phone"').and.to.contain('name, email, postal-code');
    expect(unknown.problem?.fallback).to.equal('Asking name*, email*, postal-code.');
  });

  it('read picked: known ids in the order written, unknown ones named', () => {
    const ids = ['tps', 'climate', 'end-title-42'];
    expect(readPicked(null, ids)).to.deep.equal({value: []});
    expect(readPicked('end-title-42, tps', ids)).to.deep.equal({value: ['end-title-42', 'tps']});
    expect(readPicked(' tps  climate,,', ids)).to.deep.equal({value: ['tps', 'climate']});
    const unknown = readPicked('tps, nope, gone', ids);
    expect(unknown.value).to.deep.equal(['tps']);
    expect(unknown.problem?.expected).to.equal('the campaign has no recommendation "nope", "gone"');
    expect(unknown.problem?.fallback).to.equal('Picking the others.');
  });

  it('read min-picks and max-picks as whole numbers, 0 or more', () => {
    expect(readPickBound(null)).to.deep.equal({value: null});
    expect(readPickBound(' ')).to.deep.equal({value: null});
    expect(readPickBound('0')).to.deep.equal({value: 0});
    expect(readPickBound('3')).to.deep.equal({value: 3});
    for (const bad of ['-1', '1.5', 'two', '10001']) {
      const reading = readPickBound(bad);
      expect(reading.value, bad).to.be.null;
      expect(reading.problem?.expected, bad).to.equal('expected a whole number, 0 or more');
    }
  });

  it('read page addresses (src, privacy-url, success-url, share-url) as http or https only', () => {
    expect(readPageUrl(null, base)).to.deep.equal({value: null});
    expect(readPageUrl('', base)).to.deep.equal({value: null});
    expect(readPageUrl('/privacy', base).value?.href).to.equal('https://partner.example/privacy');
    expect(readPageUrl('http://other.example/x', base).value?.href, 'plain http is fine for a page').to.equal('http://other.example/x');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://files.example/x', 'mailto:a@b.example']) {
      const reading = readPageUrl(bad, base);
      expect(reading.value, `README: ${bad} is refused`).to.be.null;
      expect(reading.problem, bad).to.deep.equal({expected: 'expected an http: or https: URL', fallback: 'Ignoring it.'});
    }
    expect(readPageUrl('http://[::1', base).problem?.expected).to.equal('expected a URL');
  });

  it('read endpoint-format, json by default', () => {
    expect(readEndpointFormat(null)).to.deep.equal({value: 'json'});
    expect(readEndpointFormat('form')).to.deep.equal({value: 'form'});
    expect(readEndpointFormat('xml')).to.deep.equal({value: 'json', problem: {expected: 'expected json or form', fallback: 'Sending JSON.'}});
  });

  it('read free text trimmed and bounded, and payload text on one line', () => {
    expect(readText('  Casa  ', 10)).to.deep.equal({value: 'Casa'});
    expect(readText('   ', 10)).to.deep.equal({value: null});
    expect(readText('abcdefghijk', 10)).to.deep.equal({value: 'abcdefghij', problem: {expected: 'expected at most 10 characters', fallback: 'Using the first 10.'}});
    expect(readLine('Act\nnow', 300).value).to.equal('Act now');
    expect(readLine('Act\nnow', 300).problem?.expected).to.equal('one line, without line breaks or control characters');
    expect(readLine('Act now', 300)).to.deep.equal({value: 'Act now'});
  });
});
