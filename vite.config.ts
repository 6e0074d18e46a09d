import {createHash} from 'node:crypto';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {extname, resolve, sep} from 'node:path';
import {minify as terser} from 'terser';
import {defineConfig, type BuildEnvironmentOptions, type Plugin} from 'vite';
import {minifyTemplates} from './scripts/minify-templates.js';
import {thirdPartyLicenses} from './scripts/third-party-licenses.js';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * Writes dist/integrity.json: the version and the Subresource Integrity hash of each built
 * file, for the embed builder's snippets. Dev servers rewrite the JavaScript they serve, so
 * the hash must come from the files on disk, here.
 */
function integrityManifest(): Plugin {
  return {
    name: 'civic-action-integrity',
    apply: 'build',
    writeBundle(options, bundle) {
      const files = Object.fromEntries(
        Object.keys(bundle)
          .filter((name) => name.endsWith('.js'))
          .map((name) => [name, `sha384-${createHash('sha384').update(readFileSync(`${options.dir}/${name}`)).digest('base64')}`]),
      );
      const path = `${options.dir}/integrity.json`;
      let existing: Record<string, string> = {};
      try {
        existing = JSON.parse(readFileSync(path, 'utf8')).files;
      } catch {
        // The first of the two output formats to finish starts the file.
      }
      writeFileSync(path, `${JSON.stringify({version, files: {...existing, ...files}}, null, 2)}\n`);
    },
  };
}

// Vite leaves whitespace in library ES builds to keep them readable for bundlers; ours are
// loaded straight into partners' pages, so every byte counts.
const minified: BuildEnvironmentOptions['rolldownOptions'] = {
  // Library builds keep the entry's exports exactly as written ('strict'), which makes every
  // module the entry shares with a lazy chunk a chunk of its own: one more request before the
  // first render. Extending the entry's exports lets lazy chunks import from it instead.
  preserveEntrySignatures: 'allow-extension',
  // Terser takes most of the build's time (about 3 s a build), which is expected: no warning for it.
  checks: {bundlerTimings: false},
  output: {
    // What the module build loads later (zod and the schemas, a language's strings), named by
    // content, so that an integrity hash written into a page stays true of its file.
    chunkFileNames: 'chunks/[name]-[hash].js',
    minify: true,
    comments: {legal: false, annotation: false, jsdoc: false},
    // After minification, which would drop it with the other comments.
    postBanner: `/*! civic-action ${version} (MIT), with the packages and licenses named in THIRD-PARTY-LICENSES.txt */`,
  },
};

/**
 * A second minification, by terser, of what Rolldown's minifier gives: about 1.2 % fewer bytes
 * gzipped in each file a reader loads (measured: 260 bytes off the first script, 180 off the
 * checks' chunk), which the size targets of issue 13 need. Safe options only.
 */
function terserPass(): Plugin {
  return {
    name: 'civic-action-terser',
    apply: 'build',
    async renderChunk(code, _chunk, options) {
      const result = await terser(code, {module: options.format === 'es', ecma: 2020, compress: {passes: 2}, format: {comments: false}});
      return {code: result.code!, map: null};
    },
  };
}

/** The element: an ES module, with the chunks it loads later in dist/chunks/. */
const elementBuild: BuildEnvironmentOptions = {
  target: 'es2021',
  outDir: 'dist',
  emptyOutDir: true,
  minify: true,
  rolldownOptions: minified,
  lib: {entry: 'src/civic-action.ts', formats: ['es'], fileName: () => 'civic-action.js'},
};

/** The same as a classic script, for sites that cannot load modules: one file, which cannot load chunks. */
const classicBuild: BuildEnvironmentOptions = {
  ...elementBuild,
  emptyOutDir: false,
  // The global the classic-script build leaves on window.
  lib: {entry: 'src/civic-action.ts', name: 'CivicActionElement', formats: ['iife'], fileName: () => 'civic-action.iife.js'},
};

/**
 * In the classic script, the modules that load chunks are replaced by their `.classic.ts` twins,
 * which import the same code statically: an `import()` inlined into one file would cost every
 * reader the wrappers that keep its code lazy (1.2 KB gzipped), for nothing. (And the explanation
 * of a chunk that failed to load, which cannot happen there.)
 */
function withoutChunks(): Plugin {
  return {
    name: 'civic-action-without-chunks',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/\/(checks-loader|locale-modules|unloadable|campaign-languages)\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, {...options, skipSelf: true});
      const twin = resolved?.id.replace(/\.ts$/, '.classic.ts');
      // A twin may use what it stands in for (the classic unloadable(), say, is the plain one).
      return resolved && twin !== importer ? {...resolved, id: twin!} : resolved;
    },
  };
}

/**
 * The schemas alone, for receivers in Node: zod comes from their own install, as a dependency.
 * And the built-in campaign with all its texts, for code that starts from it (the element's own
 * `defaultCampaign` fills in each language as a render needs it).
 */
const schemaBuild: BuildEnvironmentOptions = {
  target: 'es2021',
  outDir: 'dist',
  emptyOutDir: false,
  minify: false,
  rolldownOptions: {external: [/^zod/]},
  lib: {entry: {schema: 'src/schema.ts', 'default-campaign': 'src/campaign/default-campaign.complete.ts'}, formats: ['es'], fileName: (_format, name) => `${name}.js`},
};

/**
 * The build's files as they are on disk, at /dist/, for the embed builder's code tried on this
 * machine (`http://127.0.0.1:5173/dist/` as the folder): Vite's own serving rewrites JavaScript
 * (its imports, an inline source map), which the code's integrity hashes then refuse. Open to
 * every origin, as a CDN is: the code loads them with `crossorigin`.
 */
function demoBuiltFiles(): Plugin {
  const types: Record<string, string> = {'.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8'};
  const root = resolve('dist');
  return {
    name: 'civic-action-demo-built-files',
    configureServer(server) {
      server.middlewares.use('/dist', (req, res, next) => {
        const path = resolve(root, `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`);
        const type = types[extname(path)];
        if (!type || !path.startsWith(`${root}${sep}`) || !existsSync(path) || !['GET', 'HEAD'].includes(req.method ?? '')) return next();
        res.setHeader('Content-Type', type);
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(req.method === 'HEAD' ? undefined : readFileSync(path));
      });
    },
  };
}

/** The demo's address without a path opens the demo's first page. */
function demoHome(): Plugin {
  return {
    name: 'civic-action-demo-home',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== '/' && req.url !== '/index.html') return next();
        res.statusCode = 302;
        res.setHeader('Location', '/demo/');
        res.end();
      });
    },
  };
}

/**
 * The reference receiver, for Node: its own code and the schemas it shares with the widget are
 * bundled (one source of truth, no copy); packages stay imports from the receiver's install.
 */
const receiverBuild: BuildEnvironmentOptions = {
  target: 'node20',
  outDir: 'dist/receiver',
  emptyOutDir: true,
  minify: false,
  ssr: true,
  rolldownOptions: {input: {index: 'server/index.ts'}},
};

const builds: Record<string, BuildEnvironmentOptions> = {schema: schemaBuild, receiver: receiverBuild};

export default defineConfig(({mode}) => ({
  plugins:
    mode in builds
      ? []
      : [demoHome(), demoBuiltFiles(), minifyTemplates(), terserPass(), integrityManifest(), thirdPartyLicenses('civic-action-licenses'), ...(mode === 'classic' ? [withoutChunks()] : [])],
  server: {host: '127.0.0.1', port: 5173},
  build: mode === 'classic' ? classicBuild : (builds[mode] ?? elementBuild),
  // The receiver composes no-script posts with the widget's composer, whose msg() is
  // @lit/localize's: bundled, as the widget bundles it, since receivers do not install it.
  ...(mode === 'receiver' ? {ssr: {noExternal: ['@lit/localize']}} : {}),
}));
