import {execFileSync} from 'node:child_process';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

/**
 * Decodes hostile form posts with `fromFormFields` from `dist/schema.js`, as a receiver's Node
 * server would, and reports what it did to the process. It runs in a child process of its own:
 * a decoder that pollutes `Object.prototype` would otherwise spoil the test runner itself.
 */
const CHILD = `
const {fromFormFields, Submission} = await import(process.argv[1]);
const [posts, clean, fuzzRuns] = JSON.parse(process.argv[2]);
const names = (o) => Object.getOwnPropertyNames(o).join();
const pristine = [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(names);
const spoiled = () => {
  const probe = {};
  const prototypesChanged = [Object.prototype, Array.prototype, Function.prototype, String.prototype].some((p, i) => names(p) !== pristine[i]);
  const inherited = [];
  for (const key in probe) inherited.push(key);
  let stringified;
  try { stringified = String(probe); } catch (error) { stringified = 'threw: ' + error.message; }
  return {prototypesChanged, inherited, stringified, cleanParses: Submission.safeParse(clean).success,
    cleanPostalCode: Submission.safeParse(clean).data?.supporter?.postalCode ?? null};
};
const decode = (post) => {
  try {
    const decoded = fromFormFields(new URLSearchParams(post));
    return {threw: null, accepted: Submission.safeParse(decoded).success, protoOfResult: Object.getPrototypeOf(decoded) === null};
  } catch (error) {
    return {threw: String(error)};
  }
};
const results = posts.map((post) => ({post, ...decode(post), after: spoiled()}));
// Random dotted names from the words that reach prototypes, the submission's own names, and noise.
const words = ['__proto__', 'prototype', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'message', 'subject',
  'supporter', 'name', 'recommendations', 'to', 'source', 'utm', 'signals', 'fillMs', 'version', 'consent', '', 'x', '0', 'length'];
let seed = 16;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const fuzz = {runs: fuzzRuns, threw: []};
for (let run = 0; run < fuzzRuns; run++) {
  const params = new URLSearchParams();
  for (let f = 0, fieldCount = 1 + random(6); f < fieldCount; f++) {
    const name = Array.from({length: 1 + random(4)}, () => words[random(words.length)]).join('.');
    params.append(name, ['x', 'true', '1', ''][random(4)]);
  }
  const outcome = decode(params.toString());
  if (outcome.threw) fuzz.threw.push({post: params.toString(), error: outcome.threw});
}
console.log(JSON.stringify({results, fuzz: {...fuzz, after: spoiled()}}));
`;

export function decodeFormPostsInNode({posts, clean, fuzzRuns = 5000}) {
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', CHILD, pathToFileURL(resolve('dist/schema.js')).href, JSON.stringify([posts, clean, fuzzRuns])],
    {encoding: 'utf8'},
  );
  return JSON.parse(output);
}
