import {expect} from '@open-wc/testing';
import {msg} from '@lit/localize';
import {inLocale, loadInterfaceLocale} from '../../../src/i18n/localization.js';

// A page of its own (each test file has one), where nothing has loaded the Spanish strings yet.
describe('inLocale', () => {
  it('refuses, in development builds, a render in a language whose strings have not loaded', () => {
    expect(() => inLocale('es', () => msg('Pick all'))).to.throw(/a render in es before its strings loaded/);
  });

  it('renders a language without a translation in English, as its readers get it', () => {
    expect(inLocale('fr', () => msg('Pick all'))).to.equal('Pick all');
  });

  it('renders in the language once its strings have loaded', async () => {
    await loadInterfaceLocale('es');
    expect(inLocale('es', () => msg('Pick all'))).to.equal('Elegir todas');
  });
});
