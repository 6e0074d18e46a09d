import {expect} from '@open-wc/testing';
import {readTally} from '../../../src/tally/tally-reading.js';

describe('reading a tally', () => {
  it('takes whole counts, keeps ids the campaign may not have, and allows no recommendations', () => {
    expect(readTally({total: 3, recommendations: {a: 3, b: 0, unknown: 1}})).to.deep.equal({tally: {total: 3, recommendations: {a: 3, b: 0, unknown: 1}}});
    expect(readTally({total: 0})).to.deep.equal({tally: {total: 0, recommendations: {}}});
  });

  it('refuses negative, fractional, missing and non-numeric counts, naming the place', () => {
    const problems: Array<[unknown, string]> = [
      [{total: -1, recommendations: {}}, 'total'],
      [{total: 2.5, recommendations: {}}, 'total'],
      [{recommendations: {a: 1}}, 'total: required'],
      [{total: 5, recommendations: {a: -2}}, 'recommendations.a'],
      [{total: 5, recommendations: {a: '3'}}, 'recommendations.a'],
      [{total: 5, recommendations: [1, 2]}, 'recommendations'],
      [null, '(the whole value)'],
      ['12', '(the whole value)'],
    ];
    for (const [data, place] of problems) {
      const read = readTally(data);
      expect(read, JSON.stringify(data)).to.have.property('problem').that.contains(place);
    }
  });

  it('refuses a recommendation counted more often than the total: no one backs one twice', () => {
    expect(readTally({total: 10, recommendations: {a: 10}})).to.have.property('tally');
    expect(readTally({total: 10, recommendations: {a: 11}})).to.deep.equal({problem: 'recommendations.a: 11 is more than total (10)'});
  });

  it('refuses counts past the integers a number holds exactly', () => {
    expect(readTally({total: 2 ** 60, recommendations: {}})).to.have.property('problem');
  });
});
