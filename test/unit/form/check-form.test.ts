import {expect} from '@open-wc/testing';
import {DEFAULT_FIELDS} from '../../../src/config/attributes.js';
import {checkForm} from '../../../src/form/check-form.js';
import {emptySupporter} from '../../../src/form/supporter-fields.js';

const bounds = {min: 1, max: Infinity};
const ana = {...emptySupporter(), name: 'Ana Pérez', email: 'ana@example.org'};

describe('checkForm', () => {
  it('asks for at least one pick, then for the fewest and at most the most the organizer set', () => {
    expect(checkForm(ana, 0, DEFAULT_FIELDS, bounds).picks).to.equal('required');
    expect(checkForm(ana, 1, DEFAULT_FIELDS, {min: 2, max: 5}).picks).to.equal('too-few');
    expect(checkForm(ana, 6, DEFAULT_FIELDS, {min: 2, max: 5}).picks).to.equal('too-many');
    expect(checkForm(ana, 3, DEFAULT_FIELDS, {min: 2, max: 5})).to.deep.equal({});
  });

  it('requires what the organizer marks required, and only that', () => {
    expect(checkForm(emptySupporter(), 1, DEFAULT_FIELDS, bounds)).to.deep.equal({name: 'required', email: 'required'});
    expect(checkForm(emptySupporter(), 1, {name: 'optional'}, bounds)).to.deep.equal({});
    expect(checkForm(emptySupporter(), 1, {postalCode: 'required'}, bounds)).to.deep.equal({postalCode: 'required'});
  });

  it('does not count blanks as an answer', () => {
    expect(checkForm({...ana, name: '   '}, 1, DEFAULT_FIELDS, bounds).name).to.equal('required');
  });

  it('refuses an email address that is not one, even when it is optional', () => {
    expect(checkForm({...ana, email: 'ana@'}, 1, DEFAULT_FIELDS, bounds).email).to.equal('invalid');
    expect(checkForm({...ana, email: 'ana at example'}, 1, {email: 'optional'}, bounds).email).to.equal('invalid');
  });

  it('says which field is too long for the payload', () => {
    expect(checkForm({...ana, name: 'x'.repeat(201)}, 1, DEFAULT_FIELDS, bounds).name).to.equal('too-long');
    expect(checkForm({...ana, postalCode: '9'.repeat(21)}, 1, DEFAULT_FIELDS, bounds).postalCode).to.equal('too-long');
  });

  it('checks only the picks when the message goes from the reader’s own email app', () => {
    expect(checkForm(emptySupporter(), 1, null, bounds)).to.deep.equal({});
    expect(checkForm(emptySupporter(), 0, null, bounds)).to.deep.equal({picks: 'required'});
  });
});
