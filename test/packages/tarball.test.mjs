// The package as npm would publish it: what the tarball holds (what users need and nothing
// else), that every `exports` entry and its types are in it, that the declarations carry the
// sources' doc comments and agree with custom-elements.json, and that installing this project on
// its Node line warns of nothing (engines, install scripts).
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {test} from 'node:test';
import ts from 'typescript';
import {ATTRIBUTE_VALUES} from '../../scripts/lib/framework-attributes.mjs';
import {SELF_HOSTED, npm, packTarball, pkg, root, run, tempDir} from './support.mjs';

const require = createRequire(import.meta.url);
const semver = require('semver');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement);

/** Every file the tarball may hold; each pattern must match at least one. */
const EXPECTED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/civic-action\.js$/,
  /^dist\/civic-action\.iife\.js$/,
  /^dist\/chunks\/[\w-]+\.js$/,
  /^dist\/(schema|default-campaign)\.js$/,
  /^dist\/receiver\/index\.js$/,
  // What the receiver and the pre-renderer import when needed (another language's strings, the checks).
  /^dist\/(receiver|prerender)\/assets\/[\w-]+\.js$/,
  /^dist\/prerender\/(index\.js|THIRD-PARTY-LICENSES\.txt)$/,
  /^dist\/integrity\.json$/,
  /^dist\/THIRD-PARTY-LICENSES\.txt$/,
  /^dist\/types\/(src|server|frameworks)\/[\w/.-]+\.d\.ts$/,
  /^bin\/civic-action-receiver\.js$/,
  /^bin\/civic-action-prerender\.js$/,
  /^schema\/[\w-]+\.schema\.json$/,
  /^custom-elements\.json$/,
  /^vscode\.html-custom-data\.json$/,
];

let files;

test('the tarball holds what users need and nothing else', async () => {
  ({files} = await packTarball(tempDir('tarball')));
  const unexpected = files.filter((file) => !EXPECTED.some((pattern) => pattern.test(file)));
  assert.deepEqual(unexpected, [], 'files no user needs');
  const missing = EXPECTED.filter((pattern) => !files.some((file) => pattern.test(file)));
  assert.deepEqual(missing, [], 'kinds of file missing');
  // What README tells a self-hosting organizer to upload is all in dist/.
  for (const file of SELF_HOSTED) assert.ok(files.includes(`dist/${file}`), file);
});

test('every file a packed script imports by a relative path is in the tarball', () => {
  // The builds load parts on demand (`import("./assets/es-….js")`): a file missing from `files`
  // breaks only the installs that need it, such as the receiver answering a Spanish form post.
  const scripts = files.filter((file) => /\.m?js$/.test(file));
  const missing = [];
  for (const file of scripts) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)[`'"](\.{1,2}\/[^`'"]+)[`'"]/g)) {
      const target = join(file, '..', specifier);
      if (!files.includes(target)) missing.push(`${file} imports ${specifier}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every exports entry, its types, main, types and bin are in the tarball', () => {
  const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin)];
  for (const [entry, target] of Object.entries(pkg.exports)) {
    const paths = typeof target === 'string' ? [target] : Object.values(target);
    if (typeof target !== 'string' && !entry.endsWith('.json')) assert.ok(target.types, `${entry} names its types`);
    targets.push(...paths.map((path) => path.replace('*', 'campaign.schema.json')));
  }
  for (const target of targets) assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is in the tarball`);
  for (const entry of ['.', './schema', './default-campaign', './receiver', './prerender', './react', './preact', './vue']) assert.ok(pkg.exports[entry]?.types, `${entry} has types`);
});

test('npm publish --dry-run passes', async () => {
  const {stdout, stderr} = await npm(['publish', '--dry-run', '--ignore-scripts'], {cwd: root});
  assert.match(stdout, new RegExp(`\\+ ${pkg.name}@${pkg.version.replace(/\./g, '\\.')}`));
  // Without credentials, dry-run warns that a real publish needs a login; nothing else.
  const warnings = stderr.split('\n').filter((line) => /npm (warn|error)/i.test(line) && !/requires you to be logged in/.test(line));
  assert.deepEqual(warnings, []);
});

test('the declarations carry the sources’ doc comments, and the tag’s element type', () => {
  // Wherever in src/ the element's parts are declared.
  const element = files
    .filter((file) => file.startsWith('dist/types/src/'))
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .join('\n');
  assert.match(element, /@tagname civic-action/);
  assert.match(element, /\* Where submissions are POSTed/);
  assert.match(element, /interface HTMLElementTagNameMap \{\s*'civic-action': CivicAction;/);
  assert.match(readFileSync(join(root, 'dist/types/src/schema.d.ts'), 'utf8'), /The receiver's answer to a submission it took/);
  assert.match(readFileSync(join(root, 'dist/types/server/index.d.ts'), 'utf8'), /The reference receiver's public API/);
  assert.match(readFileSync(join(root, 'dist/types/src/events.d.ts'), 'utf8'), /interface GlobalEventHandlersEventMap extends CivicActionEventMap/);
});

test('the framework typings are as scripts/build-types.mjs writes them from custom-elements.json', async () => {
  await run(process.execPath, [join(root, 'scripts/build-types.mjs'), '--check'], {cwd: root});
  const props = readFileSync(join(root, 'dist/types/frameworks/props.d.ts'), 'utf8');
  for (const attribute of element.attributes) {
    if (attribute.name !== 'ref') assert.ok(props.includes(`  ${/-/.test(attribute.name) ? `'${attribute.name}'` : attribute.name}?:`), attribute.name);
  }
  for (const event of element.events) assert.ok(props.includes(`'on${event.name}'?:`), event.name);
});

/** The interfaces of src/events.ts, as {name: [member, …]} (optional members end in `?`). */
function eventInterfaces() {
  const path = join(root, 'src/events.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = {};
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    interfaces[statement.name.text] = statement.members.map((m) => ({name: m.name.getText(source).replace(/'/g, ''), optional: !!m.questionToken, type: m.type?.getText(source)}));
  }
  return interfaces;
}

test('the events’ types name the events custom-elements.json documents, with the documented detail fields', () => {
  const interfaces = eventInterfaces();
  const map = Object.fromEntries(interfaces.CivicActionEventMap.map((m) => [m.name, /^CustomEvent<(\w+)>$/.exec(m.type)[1]]));
  assert.deepEqual(Object.keys(map).sort(), element.events.map((e) => e.name).sort());
  for (const event of element.events) {
    // "`detail`: `{campaign, id?, status?, reason?}`" in the @event description.
    const documented = /`detail`: `\{([^}]*)\}`/.exec(event.description)?.[1];
    assert.ok(documented, `${event.name} documents its detail`);
    const fields = documented.split(',').map((field) => field.trim().replace(/:.*$/, ''));
    const typed = interfaces[map[event.name]].map((m) => m.name + (m.optional ? '?' : ''));
    assert.deepEqual(typed.sort(), fields.sort(), event.name);
  }
});

test('the attribute values the typings allow are those the attributes’ docs name', () => {
  for (const [name, type] of Object.entries(ATTRIBUTE_VALUES)) {
    const attribute = element.attributes.find((a) => a.name === name);
    assert.ok(attribute, `${name} is an attribute`);
    for (const [, literal] of type.matchAll(/'([^']+)'/g)) assert.ok(attribute.description.includes(`\`${literal}\``), `${name}: ${literal}`);
  }
});

test('installing this project warns of nothing on its Node line: every locked package accepts it, and install scripts are reviewed', () => {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const lowest = semver.minVersion(pkg.engines.node).version;
  const refusing = [];
  const unreviewed = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path) continue;
    const name = path.replace(/^.*node_modules\//, '');
    const range = entry.engines?.node;
    // npm warns (EBADENGINE) when the running Node does not satisfy a package's range.
    if (range && !entry.optional && !(semver.satisfies(lowest, range) && semver.satisfies(process.version, range))) refusing.push(`${name}@${entry.version} wants node ${range}`);
    if (entry.hasInstallScript && !(name in pkg.allowScripts)) unreviewed.push(name);
  }
  assert.deepEqual(refusing, [], `package.json's engines say node ${pkg.engines.node}`);
  assert.deepEqual(unreviewed, [], 'install scripts not in allowScripts (npm 11 warns and skips them)');
  assert.ok(existsSync(join(root, 'LICENSE')));
});
