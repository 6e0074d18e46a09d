import {expect} from '@open-wc/testing';
import {mailtoHref} from '../../../src/send/mailto.js';

describe('mailtoHref', () => {
  it('puts recipients, subject and CRLF line breaks into a mailto link', () => {
    const href = mailtoHref({to: ['a@b.example', 'c@d.example'], subject: 'Hola & adiós', body: 'Line 1\nLine 2'});
    expect(href).to.equal('mailto:a@b.example,c@d.example?subject=Hola%20%26%20adi%C3%B3s&body=Line%201%0D%0ALine%202');
  });
});
