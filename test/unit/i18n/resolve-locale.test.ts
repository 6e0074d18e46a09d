import {expect} from '@open-wc/testing';
import {matchLocale, resolveLocale} from '../../../src/i18n/resolve-locale.js';

const available = ['en', 'es'];
const base = {browserLangs: [] as string[], available, fallback: 'en'};

describe('matchLocale', () => {
  it('matches exactly, then by base language, ignoring case', () => {
    expect(matchLocale('es', available)).to.equal('es');
    expect(matchLocale('es-MX', available)).to.equal('es');
    expect(matchLocale('ES-419', available)).to.equal('es');
    expect(matchLocale('pt-BR', ['pt-BR', 'pt-PT'])).to.equal('pt-BR');
    expect(matchLocale('pt', ['pt-PT'])).to.equal('pt-PT');
  });

  it('finds nothing for other languages or empty tags', () => {
    expect(matchLocale('fr', available)).to.be.undefined;
    expect(matchLocale('', available)).to.be.undefined;
    expect(matchLocale(null, available)).to.be.undefined;
  });
});

describe('resolveLocale', () => {
  it('takes the element’s own lang first', () => {
    expect(resolveLocale({...base, elementLang: 'es', pageLang: 'en', browserLangs: ['en']})).to.include({
      locale: 'es',
      source: 'element',
    });
  });

  it('takes the page’s lang when the campaign has it (es-MX gives es)', () => {
    expect(resolveLocale({...base, pageLang: 'es-MX', browserLangs: ['en']})).to.include({locale: 'es', source: 'page'});
  });

  it('skips a page language the campaign does not have, for the browser’s', () => {
    expect(resolveLocale({...base, pageLang: 'fr', browserLangs: ['de', 'es-US', 'en']})).to.include({
      locale: 'es',
      source: 'browser',
    });
  });

  it('falls back to the campaign’s default language', () => {
    expect(resolveLocale({...base, pageLang: 'fr', browserLangs: ['de']})).to.include({locale: 'en', source: 'default'});
  });

  it('puts the reader’s remembered choice above everything', () => {
    expect(resolveLocale({...base, chosen: 'en', elementLang: 'es', pageLang: 'es'})).to.include({
      locale: 'en',
      source: 'chosen',
    });
  });

  it('offers the browser’s preferred language when the page decided otherwise', () => {
    expect(resolveLocale({...base, pageLang: 'en', browserLangs: ['es-MX', 'en']}).offer).to.equal('es');
    expect(resolveLocale({...base, pageLang: 'es', browserLangs: ['es-MX', 'en']}).offer).to.be.undefined;
    expect(resolveLocale({...base, chosen: 'en', browserLangs: ['es']}).offer).to.be.undefined;
  });
});
