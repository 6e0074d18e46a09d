import {expect} from '@open-wc/testing';
import {languageName} from '../../../src/i18n/language-name.js';

describe('languageName', () => {
  it('names each language in itself, capitalized', () => {
    expect(languageName('en')).to.equal('English');
    expect(languageName('es')).to.equal('Español');
  });
});
