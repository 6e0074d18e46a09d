import {defineConfig} from 'vite';
import {minifyTemplates} from './scripts/minify-templates.js';

/**
 * The pre-renderer, for Node (`civic-action/prerender`, `civic-action-prerender`): one file with
 * everything in it (Lit, @lit-labs/ssr and parse5 too), so that the element it renders and the
 * renderer share one Lit, built for Node (`isServer`), and installing civic-action is enough to
 * run it. The templates are minified as in the element's build, so that the markup is the same
 * text the script renders.
 */
export default defineConfig({
  plugins: [minifyTemplates()],
  ssr: {noExternal: true, target: 'node'},
  build: {
    target: 'node20',
    outDir: 'dist/prerender',
    emptyOutDir: true,
    minify: false,
    ssr: true,
    rolldownOptions: {input: {index: 'src/prerender/index.ts'}},
  },
});
