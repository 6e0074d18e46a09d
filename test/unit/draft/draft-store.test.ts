import {expect} from '@open-wc/testing';
import {DraftStore, MAX_AGE_MS} from '../../../src/draft/draft-store.js';
import {loadDraft, savedEditedLocale} from '../../../src/draft/draft-restore.js';

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
    expect(loadDraft(new DraftStore('c1')).saved?.picks).to.deep.equal(['tps']);
    expect(loadDraft(new DraftStore('c1', 'second')).saved?.picks).to.deep.equal(['climate']);
    expect(loadDraft(new DraftStore('c2'))).to.deep.equal({});
  });

  it('tells the language of the message a draft holds as the reader edited it, unless there is none to restore', () => {
    new DraftStore('c1').save({...saved, edited: {text: 'In my words.', locale: 'es'}}, personal);
    new DraftStore('c1', 'plain').save(saved, personal);
    expect(savedEditedLocale('c1', '')).to.equal('es');
    expect(savedEditedLocale('c1', 'plain'), 'a message built from the picks').to.equal(undefined);
    expect(savedEditedLocale('c2', ''), 'no draft').to.equal(undefined);
    expect(savedEditedLocale('c1', '', Date.now() + MAX_AGE_MS + 60_000), 'a draft too old to restore').to.equal(undefined);
  });

  it('drops a draft older than its maximum age, three days', () => {
    const days = 24 * 60 * 60 * 1000;
    expect(MAX_AGE_MS, 'README: drafts expire after three days').to.equal(3 * days);
    const store = new DraftStore('c1');
    store.save({...saved, savedAt: 0}, personal);
    expect(loadDraft(store, 3 * days - 60_000).saved?.picks, 'README: a draft of almost three days comes back').to.deep.equal(['tps']);
    expect(loadDraft(store, 3 * days + 1), 'README: drafts expire after three days').to.deep.equal({});
    expect(localStorage.getItem('civic-action:draft:c1')).to.be.null;
  });

  it('keeps picks, message and consent in localStorage, the personal fields in sessionStorage only', () => {
    new DraftStore('c1').save({...saved, edited: {text: 'Mine', locale: 'en'}}, personal);
    const local = localStorage.getItem('civic-action:draft:c1')!;
    expect(JSON.parse(local)).to.include({consent: true}).and.to.have.deep.property('edited', {text: 'Mine', locale: 'en'});
    expect(local, 'README: name, email and postal code go to sessionStorage only').not.to.contain('ana@example.org');
    expect(JSON.parse(sessionStorage.getItem('civic-action:draft:c1')!)).to.deep.equal(personal);
  });

  it('works, remembering nothing, where storage is blocked', () => {
    const storages = (['localStorage', 'sessionStorage'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(window, name)] as const);
    for (const [name] of storages) {
      Object.defineProperty(window, name, {
        configurable: true,
        get: () => {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    }
    try {
      const store = new DraftStore('c1');
      expect(() => store.save(saved, personal), 'README: where storage is blocked the widget works the same').not.to.throw();
      expect(loadDraft(store), 'README: … without remembering').to.deep.equal({});
      expect(() => store.clear()).not.to.throw();
    } finally {
      for (const [name, descriptor] of storages) if (descriptor) Object.defineProperty(window, name, descriptor);
    }
  });

  it('starts afresh from a corrupt entry', () => {
    localStorage.setItem('civic-action:draft:c1', '{not json');
    sessionStorage.setItem('civic-action:draft:c1', JSON.stringify({name: 42}));
    expect(loadDraft(new DraftStore('c1'))).to.deep.equal({});
  });
});
