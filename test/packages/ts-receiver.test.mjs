// A receiver of an organizer's own, in TypeScript on Node, that installs the packed tarball:
// it validates what the widget posts with `civic-action/schema` (JSON and form fields), and uses
// the reference receiver's API (`civic-action/receiver`) to check a config, and it starts a campaign
// of its own from the built-in one (`civic-action/default-campaign`). tsc checks it under
// Node's own module rules (nodenext, which reads `exports` and its `types`), then it runs.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {spawn} from 'node:child_process';
import {test} from 'node:test';
import {toFormFields} from '../../dist/schema.js';
import {VERSIONS, installWarnings, npmInstall, packTarball, pkg, run, tempDir, writeFiles} from './support.mjs';

const dir = tempDir('ts-receiver');

const files = (tarball) => ({
  'package.json': {
    name: 'civic-action-ts-receiver',
    private: true,
    type: 'module',
    dependencies: {
      'civic-action': `file:${tarball}`,
      // The reference receiver's packages, but no database driver: this one only checks configs.
      hono: pkg.peerDependencies.hono,
      '@hono/node-server': pkg.peerDependencies['@hono/node-server'],
      kysely: pkg.peerDependencies.kysely,
      nodemailer: pkg.peerDependencies.nodemailer,
    },
    devDependencies: {'@types/node': VERSIONS['@types/node'], '@types/nodemailer': pkg.devDependencies['@types/nodemailer'], typescript: VERSIONS.typescript},
  },
  'tsconfig.json': {
    compilerOptions: {target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, outDir: 'out', skipLibCheck: true, types: ['node']},
    include: ['src'],
  },
  'src/receiver.ts': `import {createServer} from 'node:http';
import {ErrorReply, Submission, SubmitReply, fromFormFields, type ErrorReplyData, type SubmissionData, type SubmitReplyData} from 'civic-action/schema';

const stored = new Map<string, SubmissionData>();

function read(body: string, type: string | undefined): unknown {
  if (type?.startsWith('application/x-www-form-urlencoded')) return fromFormFields(new URLSearchParams(body));
  return JSON.parse(body);
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', () => {
    const parsed = Submission.safeParse(read(body, req.headers['content-type']));
    let status: number;
    let reply: SubmitReplyData | ErrorReplyData;
    if (parsed.success) {
      const submission: SubmissionData = parsed.data;
      status = stored.has(submission.id) ? 200 : 201;
      stored.set(submission.id, submission);
      reply = SubmitReply.parse({status: status === 201 ? 'stored' : 'duplicate', id: submission.id});
    } else {
      status = 422;
      const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
      reply = ErrorReply.parse({error: {message: 'The submission is not valid.', fields}});
    }
    res.writeHead(status, {'Content-Type': 'application/json'});
    res.end(JSON.stringify(reply));
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(address.port);
});
`,
  'src/check-config.ts': `import {ConfigError, parseConfig, type LoadedConfig} from 'civic-action/receiver';

const good: LoadedConfig = parseConfig(
  {database: 'sqlite:data/civic.sqlite', campaigns: [{id: 'root-causes-2021', origins: ['https://partner.example'], recipients: [{name: 'An official', email: 'official@example.org'}]}]},
  {baseDir: process.cwd()},
);
let problems: string[] = [];
try {
  parseConfig({campaigns: [{id: 'x', origins: ['ftp://nope'], recipients: []}]}, {baseDir: process.cwd()});
} catch (error) {
  if (error instanceof ConfigError) problems = error.problems;
}
console.log(JSON.stringify({kind: good.databaseLocation.kind, campaigns: good.campaigns.length, problems}));
`,
  'src/campaign.ts': `import {Campaign, type CampaignData} from 'civic-action/schema';
import {defaultCampaign} from 'civic-action/default-campaign';

// A campaign of the organizer's own, started from the built-in one: its first six recommendations.
const mine: CampaignData = Campaign.parse({...defaultCampaign, id: 'root-causes-six', recommendations: defaultCampaign.recommendations.slice(0, 6)});
console.log(JSON.stringify({id: mine.id, recommendations: mine.recommendations.length, languages: Object.keys(mine.recommendations[5]!.text), intro: mine.intro?.es}));
`,
  'src/mistakes.ts': `import {Submission, type SubmissionData} from 'civic-action/schema';

// @ts-expect-error version is the literal 1
export const wrong: SubmissionData['version'] = 2;
// @ts-expect-error safeParse's data has no supporterName
export const name = Submission.safeParse({}).data?.supporterName;
`,
});

const submission = () => ({
  version: 1,
  id: randomUUID(),
  campaign: 'root-causes-2021',
  locale: 'es',
  recommendations: ['tps', 'climate'],
  message: {to: ['Kamala Harris, vicepresidenta de Estados Unidos'], subject: 'Asunto', body: 'Texto', locale: 'es'},
  supporter: {name: 'Ana Pérez', email: 'ana@example.org'},
  consent: true,
  source: {url: 'https://partner.example/accion'},
  submittedAt: new Date().toISOString(),
});

test('a TypeScript receiver installs the packed tarball (and the receiver API without a database driver), with no warning', async () => {
  const {path} = await packTarball(dir);
  writeFiles(dir, files(path));
  assert.deepEqual(installWarnings(await npmInstall(dir)), []);
});

test('tsc checks it under nodenext: civic-action/schema, civic-action/default-campaign and civic-action/receiver have types, and the deliberate mistakes fail', async () => {
  await run('npx', ['tsc', '-p', '.'], {cwd: dir});
});

test('it validates submissions with civic-action/schema: JSON and form fields pass, a broken one gets 422 naming the field', async () => {
  const child = spawn(process.execPath, ['out/receiver.js'], {cwd: dir, stdio: ['ignore', 'pipe', 'inherit']});
  try {
    const port = await new Promise((resolvePort, reject) => {
      child.stdout.once('data', (chunk) => resolvePort(Number(String(chunk).trim())));
      child.once('exit', (code) => reject(new Error(`the receiver exited with ${code}`)));
    });
    const post = (body, type = 'application/json') => fetch(`http://127.0.0.1:${port}/submit`, {method: 'POST', headers: {'Content-Type': type}, body});
    const json = submission();
    const first = await post(JSON.stringify(json));
    assert.equal(first.status, 201);
    assert.deepEqual(await first.json(), {status: 'stored', id: json.id});
    assert.equal((await post(JSON.stringify(json))).status, 200);
    const form = submission();
    const formed = await post(toFormFields(form).toString(), 'application/x-www-form-urlencoded');
    assert.deepEqual(await formed.json(), {status: 'stored', id: form.id});
    const broken = await post(JSON.stringify({...submission(), supporter: {email: 'not an address'}}));
    assert.equal(broken.status, 422);
    assert.deepEqual(Object.keys((await broken.json()).error.fields), ['supporter.email']);
  } finally {
    child.kill();
  }
});

test('it starts a campaign of its own from civic-action/default-campaign, every text in it, which civic-action/schema accepts', async () => {
  const {stdout} = await run(process.execPath, ['out/campaign.js'], {cwd: dir});
  const {intro, ...rest} = JSON.parse(stdout);
  assert.deepEqual(rest, {id: 'root-causes-six', recommendations: 6, languages: ['en', 'es']});
  assert.match(intro, /Elija las que apoya/);
});

test('it checks a config with civic-action/receiver, which loads without better-sqlite3 or pg installed', async () => {
  const {stdout} = await run(process.execPath, ['out/check-config.js'], {cwd: dir});
  const {kind, campaigns, problems} = JSON.parse(stdout);
  assert.deepEqual({kind, campaigns}, {kind: 'sqlite', campaigns: 1});
  assert.ok(problems.some((problem) => problem.startsWith('campaigns[0].origins[0]')), problems.join('\n'));
});

test('civic-action-receiver says which package a SQLite config still needs', async () => {
  writeFiles(dir, {
    'receiver.json': {database: 'sqlite:data/receiver.sqlite', campaigns: [{id: 'c', origins: ['https://partner.example'], recipients: [{name: 'An official', email: 'official@example.org'}]}]},
  });
  const {code, stderr} = await run('npx', ['civic-action-receiver', '--config', 'receiver.json', '--check'], {cwd: dir, allowFailure: true});
  assert.equal(code, 2);
  assert.match(stderr, /needs the better-sqlite3 package: npm install better-sqlite3/);
});
