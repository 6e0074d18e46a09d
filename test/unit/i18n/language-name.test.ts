import {expect} from '@open-wc/testing';
import {languageName} from '../../../src/i18n/language-name.js';
import {loadInterfaceLocale} from '../../../src/i18n/localization.js';

describe('languageName', () => {
  // The Spanish strings are a chunk of their own, which the element loads before it renders in Spanish.
  before(() => loadInterfaceLocale('es'));
  it('names each language in itself, capitalized', () => {
    expect(languageName('en')).to.equal('English');
    expect(languageName('es')).to.equal('Español');
  });
});
