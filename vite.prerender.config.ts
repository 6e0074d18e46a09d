import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vite';
import {minifyTemplates} from './scripts/minify-templates.js';
import {thirdPartyLicenses} from './scripts/third-party-licenses.js';

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
export default defineConfig(({mode}) => {
  const worker = mode === 'worker';
  return {
    plugins: worker ? [minifyTemplates()] : [minifyTemplates(), thirdPartyLicenses('civic-action-prerender-licenses')],
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
