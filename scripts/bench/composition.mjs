// Where the bytes of dist/civic-action.js come from, gzipped, for `npm run bench`.
//
// The build is repeated with a source map, from a copy of src/ whose templates are already
// minified as the real build minifies them (the build step that does it gives no source map),
// and every byte of the output is put down to the source file it came from.
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {SourceMapConsumer} from 'source-map-js';
import {build, createServer} from 'vite';

/** Each part, by the path of its source files. */
const PARTS = [
  ['Lit (lit-html, lit-element, reactive-element)', (path) => /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(path)],
  ['@lit/localize runtime', (path) => path.includes('node_modules/@lit/localize/')],
  ['zod/mini', (path) => path.includes('node_modules/zod/')],
  ['Built-in campaign: its ids and its title in each language (its texts are a chunk per language)', (path) => path.endsWith('campaign/default-campaign.ts')],
  ['Spanish interface strings', (path) => path.includes('generated/locales/')],
  ['Styles', (path) => path.includes('/src/styles/')],
  ['The element (civic-action.component.ts)', (path) => path.endsWith('civic-action.component.ts')],
  ['Its other parts (src/…), and the bundler’s glue', () => true],
];

const gzipped = (text) => gzipSync(text, {level: 9}).length;

function minifyTree(dir, minify) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) minifyTree(path, minify);
    else if (path.endsWith('.ts')) writeFileSync(path, minify(readFileSync(path, 'utf8')));
  }
}

/**
 * Each part's bytes: `alone`, gzipped by itself, and `share`, what the whole file would lose
 * without it (gzip finds less to share across a smaller file, so the shares add up to a little
 * more than the whole). Bytes no source claims (the bundler's own glue) go to the last part.
 */
export async function bundleComposition() {
  const copy = mkdtempSync('.bench-src-');
  try {
    cpSync('src', join(copy, 'src'), {recursive: true});
    // The build step is TypeScript, which Node 20 does not run: Vite loads it.
    const vite = await createServer({configFile: false, logLevel: 'error', server: {middlewareMode: true}, appType: 'custom'});
    const {minifyTaggedTemplates} = await vite.ssrLoadModule('/scripts/minify-templates.ts');
    await vite.close();
    minifyTree(join(copy, 'src'), minifyTaggedTemplates);
    // Vite's dev server set NODE_ENV to development, which would build Lit's development
    // edition: what is measured is the production build.
    process.env.NODE_ENV = 'production';
    await build({
      configFile: false,
      logLevel: 'error',
      build: {
        target: 'es2021',
        outDir: join(copy, 'dist'),
        sourcemap: true,
        minify: true,
        // As the element's build (vite.config.ts): modules shared with a lazy chunk stay in the entry,
        // which is what is measured; without it Lit and the element went to a shared chunk of their own.
        rolldownOptions: {preserveEntrySignatures: 'allow-extension', output: {minify: true, comments: {legal: false, annotation: false, jsdoc: false}}},
        lib: {entry: join(copy, 'src/civic-action.ts'), formats: ['es'], fileName: () => 'civic-action.js'},
      },
    });
    const code = readFileSync(join(copy, 'dist/civic-action.js'), 'utf8');
    const map = new SourceMapConsumer(JSON.parse(readFileSync(join(copy, 'dist/civic-action.js.map'), 'utf8')));
    const mappings = [];
    map.eachMapping((m) => mappings.push(m));
    mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);

    // From each mapping to the next, the output comes from the mapping's source.
    const lines = code.split('\n');
    const texts = PARTS.map(() => []);
    let line = 1;
    let column = 0;
    let part = PARTS.length - 1;
    const take = (toLine, toColumn) => {
      while (line < toLine) {
        texts[part].push(`${lines[line - 1].slice(column)}\n`);
        line += 1;
        column = 0;
      }
      texts[part].push(lines[line - 1].slice(column, toColumn));
      column = toColumn;
    };
    for (const m of mappings) {
      take(m.generatedLine, m.generatedColumn);
      part = m.source ? PARTS.findIndex(([, owns]) => owns(m.source)) : PARTS.length - 1;
    }
    take(lines.length, lines[lines.length - 1].length);

    const whole = gzipped(code);
    const joined = texts.map((pieces) => pieces.join(''));
    return {
      whole,
      parts: PARTS.map(([name], i) => ({
        name,
        alone: gzipped(joined[i]),
        share: whole - gzipped(joined.filter((_, j) => j !== i).join('')),
      })),
    };
  } finally {
    rmSync(copy, {recursive: true, force: true});
  }
}
