import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {defineConfig, type Plugin} from 'vite';
import {minifyTemplates} from './scripts/minify-templates.js';

/**
 * The pre-renderer, built twice:
 * - for Node (`civic-action/prerender`, `civic-action-prerender`): dist/prerender/index.js, one
 *   file with everything in it (Lit, @lit-labs/ssr, parse5), so that the element it renders and
 *   the renderer share one Lit, built for Node (`isServer`), and installing civic-action is
 *   enough to run it;
 * - with `--mode worker`, for the embed builder's page: dist/prerender/worker.js, the same code
 *   with Lit's server build and DOM shim, in a web worker.
 * The templates are minified as in the element's build, so that the markup is the text the
 * script renders.
 */
/**
 * dist/prerender/THIRD-PARTY-LICENSES.txt: the license of every package bundled into the
 * pre-renderer, found from the modules in the build (two of them ship no LICENSE file: their
 * package.json's license is named).
 */
function bundledLicenses(): Plugin {
  return {
    name: 'civic-action-prerender-licenses',
    generateBundle(_options, bundle) {
      const packages = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of Object.keys(output.modules)) {
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
          if (match) packages.add(match[1]!);
        }
      }
      const sections = [...packages].sort().map((name) => {
        const {version, license} = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
        const file = `node_modules/${name}/LICENSE`;
        return `${name} ${version} (${license})\n\n${existsSync(file) ? readFileSync(file, 'utf8').trim() : `Licensed under ${license}; the package ships no LICENSE file.`}\n`;
      });
      this.emitFile({type: 'asset', fileName: 'THIRD-PARTY-LICENSES.txt', source: sections.join(`\n${'-'.repeat(72)}\n\n`)});
    },
  };
}

export default defineConfig(({mode}) => {
  const worker = mode === 'worker';
  return {
    plugins: worker ? [minifyTemplates()] : [minifyTemplates(), bundledLicenses()],
    resolve: worker ? {alias: {buffer: fileURLToPath(new URL('./src/prerender/buffer-shim.ts', import.meta.url))}} : {},
    ssr: {noExternal: true, target: worker ? 'webworker' : 'node', resolve: {conditions: ['node', 'import', 'module', 'default'], externalConditions: ['node']}},
    build: {
      target: worker ? 'es2022' : 'node20',
      outDir: 'dist/prerender',
      emptyOutDir: !worker,
      minify: worker,
      ssr: true,
      rolldownOptions: {input: worker ? {worker: 'src/prerender/worker.ts'} : {index: 'src/prerender/index.ts'}},
    },
  };
});
