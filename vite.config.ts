import {defineConfig, type BuildEnvironmentOptions} from 'vite';
import {demoEndpoint} from './demo/demo-endpoint.js';

// Vite leaves whitespace in library ES builds to keep them readable for bundlers; ours are
// loaded straight into partners' pages, so every byte counts.
const minified: BuildEnvironmentOptions['rolldownOptions'] = {
  output: {minify: true, comments: {legal: true, annotation: false, jsdoc: false}},
};

/** The element: one self-contained ES module, and a classic script for sites that cannot load modules. */
const elementBuild: BuildEnvironmentOptions = {
  target: 'es2021',
  outDir: 'dist',
  emptyOutDir: true,
  minify: true,
  rolldownOptions: minified,
  lib: {
    entry: 'src/civic-action.ts',
    // The global the classic-script build leaves on window.
    name: 'CivicActionElement',
    formats: ['es', 'iife'],
    fileName: (format) => (format === 'es' ? 'civic-action.js' : 'civic-action.iife.js'),
  },
};

/** The schemas alone, for receivers in Node: zod comes from their own install, as a dependency. */
const schemaBuild: BuildEnvironmentOptions = {
  target: 'es2021',
  outDir: 'dist',
  emptyOutDir: false,
  minify: false,
  rolldownOptions: {external: [/^zod/]},
  lib: {entry: 'src/schema.ts', formats: ['es'], fileName: () => 'schema.js'},
};

export default defineConfig(({mode}) => ({
  plugins: [demoEndpoint()],
  server: {host: '127.0.0.1', port: 5173},
  build: mode === 'schema' ? schemaBuild : elementBuild,
}));
