import {expect} from '@open-wc/testing';
import {parseRecipients, RecipientsError} from '../../../src/message/recipients.js';

describe('parseRecipients', () => {
  it('reads "Name <email>" and "Name" entries', () => {
    expect(parseRecipients('Rep. Ana Díaz <ana@house.example>, Senator Bo')).to.deep.equal([
      {name: 'Rep. Ana Díaz', email: 'ana@house.example'},
      {name: 'Senator Bo'},
    ]);
  });

  it('names the entry it cannot read', () => {
    expect(() => parseRecipients('Ana <not-an-email>')).to.throw(RecipientsError, /"not-an-email"/);
    expect(() => parseRecipients('Ana <a@b.example>, <b@c.example>')).to.throw(RecipientsError, /"<b@c.example>"/);
    expect(() => parseRecipients(' , ')).to.throw(RecipientsError);
    expect(() => parseRecipients('Ana <a@b.example> <c@d.example>')).to.throw(RecipientsError);
    expect(() => parseRecipients('Ana>')).to.throw(RecipientsError);
  });

  it('takes time in proportion to the length of an entry, not its square (a long run of spaces)', () => {
    const time = (spaces: number) => {
      const entry = `a${' '.repeat(spaces)}b`;
      const start = performance.now();
      expect(parseRecipients(entry)).to.deep.equal([{name: entry}]);
      return performance.now() - start;
    };
    time(1000);
    // Ten times longer may take ten times as long, give or take; the square would be a hundred.
    const short = Math.max(time(4000), 1);
    const long = time(40_000);
    expect(long, `${long.toFixed(1)} ms for 40,000 spaces, ${short.toFixed(1)} ms for 4,000`).to.be.below(Math.max(30 * short, 200));
  });
});
