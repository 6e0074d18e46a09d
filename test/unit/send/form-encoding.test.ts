import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {fromFormFields, toFormFields} from '../../../src/send/form-encoding.js';
import {Submission} from '../../../src/schema.js';

/** A submission as the widget sends it, without a postal code (see the `__proto__.postalCode` post). */
const clean = {
  version: 1,
  id: '6f1c3c1e-2f0b-4c39-9d2e-0f4f7f6b2a10',
  campaign: 'root-causes-2021',
  locale: 'en',
  recommendations: ['tps'],
  message: {to: ['Vice President Kamala Harris'], subject: 'Root causes', body: 'Dear Vice President,\n\nAct.\n\nSincerely,\nAna', locale: 'en'},
  supporter: {name: 'Ana', email: 'ana@example.org'},
  consent: false,
  source: {url: 'https://partner.example/action'},
  submittedAt: '2026-11-27T20:44:31.000Z',
};

interface Decoded {
  post: string;
  threw: string | null;
  accepted?: boolean;
  protoOfResult?: boolean;
  after: {prototypesChanged: boolean; inherited: string[]; stringified: string; cleanParses: boolean; cleanPostalCode: string | null};
}

const untouched = {prototypesChanged: false, inherited: [], stringified: '[object Object]', cleanParses: true, cleanPostalCode: null};

describe('fromFormFields (form posts, decoded in Node as a receiver does)', function () {
  this.timeout(30_000);

  const hostile = [
    '__proto__.polluted=yes',
    'constructor.prototype.isAdmin=true',
    '__proto__.postalCode=99999',
    '__proto__.toString=x',
    '__proto__.referrer=x',
    'supporter.__proto__.isAdmin=true',
    'supporter.constructor.prototype.isAdmin=true',
    'message=x',
    'message=x&message.subject=y',
    'message.subject=y&message=x',
  ];
  it('decodes each hostile post without throwing or touching a prototype, into something Submission refuses', async () => {
    const {results} = (await executeServerCommand('decode-form-posts-in-node', {posts: hostile, clean, fuzzRuns: 0})) as {results: Decoded[]};
    for (const result of results) {
      expect(result.threw, result.post).to.be.null;
      expect(result.after, result.post).to.deep.equal(untouched);
      expect(result.accepted, `README: fromFormFields never walks __proto__, prototype or constructor (${result.post})`).to.be.false;
      expect(result.protoOfResult, `${result.post}: the result has no prototype`).to.be.true;
    }
  });

  it('refuses a clean submission that carries a hostile name inside one of its fields', async () => {
    const posts = ['supporter.__proto__.x=1', 'message.constructor=x', 'message.to.prototype=x', 'message.subject.x=y'].map(
      (extra) => `${toFormFields(clean)}&${extra}`,
    );
    const {results} = (await executeServerCommand('decode-form-posts-in-node', {posts, clean, fuzzRuns: 0})) as {results: Decoded[]};
    expect(results.map((r) => [r.post.split('&').at(-1), r.threw, r.accepted]), 'README: a name passing through __proto__, prototype or constructor leaves its field null, which Submission refuses').to.deep.equal(
      posts.map((post) => [post.split('&').at(-1), null, false]),
    );
  });

  it('never throws nor touches a prototype on 5,000 posts of random dotted names', async () => {
    const {fuzz} = (await executeServerCommand('decode-form-posts-in-node', {posts: [], clean, fuzzRuns: 5000})) as {
      fuzz: {runs: number; threw: unknown[]; after: Decoded['after']};
    };
    expect(fuzz.runs).to.equal(5000);
    expect(fuzz.threw.slice(0, 3)).to.deep.equal([]);
    expect(fuzz.after).to.deep.equal(untouched);
  });

  it('round-trips signals: fillMs as a number, honeypot and restored as booleans', () => {
    const signals = {fillMs: 1234, honeypot: true, restored: false};
    const decoded = fromFormFields(toFormFields({...clean, signals}));
    expect(JSON.parse(JSON.stringify(decoded.signals))).to.deep.equal(signals);
    const parsed = Submission.safeParse(decoded);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).to.be.true;
    expect((parsed.data as {signals?: unknown}).signals).to.deep.equal(signals);
  });

  it('decodes what toFormFields encodes back into the same submission', () => {
    const decoded = Submission.safeParse(fromFormFields(toFormFields(clean)));
    expect(decoded.success, JSON.stringify(decoded.error?.issues)).to.be.true;
    expect(JSON.parse(JSON.stringify(decoded.data))).to.deep.equal(clean);
  });
});
