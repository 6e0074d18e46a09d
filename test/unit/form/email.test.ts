import {expect} from '@open-wc/testing';
import {regexes} from 'zod/v4/core';
import {EMAIL} from '../../../src/email.js';

describe('the email rule checked before zod loads', () => {
  it('is zod’s own, which z.email() applies at every boundary', () => {
    expect([EMAIL.source, EMAIL.flags]).to.deep.equal([regexes.email.source, regexes.email.flags]);
  });
});
