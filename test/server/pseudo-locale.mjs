import {execFile} from 'node:child_process';
import {cpSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

export const PSEUDO_LOCALE = 'en-XA';
const ACCENTED = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒĝĥíĵķĺɱñóþǫŕšŧúṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŦÚṼŴẊÝŽ'][i]]),
);

/** Accents every letter and brackets the whole, leaving placeholders (`<x …/>`) as they are. */
function pseudo(source) {
  const text = source
    .split(/(<x [^>]*\/>)/)
    .map((part) => (part.startsWith('<x ') ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTED[c])))
    .join('');
  return `⟦${text}⟧`;
}

/**
 * Adds a language the way a translator would, with files only: a new XLIFF file in locales/
 * and its code in lit-localize.json. It does so on a copy of the project in .pseudo-locale/,
 * then builds the widget there, so the test can check that every interface string changed.
 */
export async function buildWithPseudoLocale(root = process.cwd()) {
  const dir = join(root, '.pseudo-locale');
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir);
  for (const path of ['src', 'locales', 'scripts', 'lit-localize.json', 'tsconfig.json']) {
    cpSync(join(root, path), join(dir, path), {recursive: true, filter: (p) => !p.includes('/src/generated')});
  }

  const spanish = readFileSync(join(root, 'locales/es.xlf'), 'utf8');
  const translated = spanish
    .replace('target-language="es"', `target-language="${PSEUDO_LOCALE}"`)
    .replace(/<target>[\s\S]*?<\/target>\n?/g, '')
    .replace(/<source>([\s\S]*?)<\/source>/g, (_, source) => `<source>${source}</source>\n  <target>${pseudo(source)}</target>`);
  writeFileSync(join(dir, `locales/${PSEUDO_LOCALE}.xlf`), translated);
  const config = JSON.parse(readFileSync(join(dir, 'lit-localize.json'), 'utf8'));
  config.targetLocales.push(PSEUDO_LOCALE);
  writeFileSync(join(dir, 'lit-localize.json'), JSON.stringify(config, null, 2));

  // In child processes, so that the test server goes on answering while they work.
  await run(process.execPath, ['scripts/localize.mjs'], {cwd: dir});
  writeFileSync(
    join(dir, 'vite.pseudo.config.mjs'),
    `export default {logLevel: 'error', build: {outDir: 'dist', minify: false,
  lib: {entry: 'src/civic-action.ts', formats: ['es'], fileName: () => 'civic-action.js'}}};\n`,
  );
  await run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.pseudo.config.mjs'], {cwd: dir});
  return {module: '/.pseudo-locale/dist/civic-action.js', locale: PSEUDO_LOCALE};
}
