import {expect} from '@open-wc/testing';
import {DraftStore, MAX_AGE_MS} from '../../../src/draft/draft-store.js';

describe('DraftStore', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  const saved = {savedAt: Date.now(), picks: ['tps'], edited: null, consent: true};
  const personal = {name: 'Ana', email: 'ana@example.org', postalCode: ''};

  it('keeps one draft per campaign and instance', () => {
    new DraftStore('c1').save(saved, personal);
    new DraftStore('c1', 'second').save({...saved, picks: ['climate']}, personal);
    expect(new DraftStore('c1').load().saved?.picks).to.deep.equal(['tps']);
    expect(new DraftStore('c1', 'second').load().saved?.picks).to.deep.equal(['climate']);
    expect(new DraftStore('c2').load()).to.deep.equal({});
  });

  it('drops a draft older than its maximum age', () => {
    const store = new DraftStore('c1');
    store.save({...saved, savedAt: 0}, personal);
    expect(store.load(MAX_AGE_MS + 1)).to.deep.equal({});
    expect(localStorage.getItem('civic-action:draft:c1')).to.be.null;
  });

  it('starts afresh from a corrupt entry', () => {
    localStorage.setItem('civic-action:draft:c1', '{not json');
    sessionStorage.setItem('civic-action:draft:c1', JSON.stringify({name: 42}));
    expect(new DraftStore('c1').load()).to.deep.equal({});
  });
});
