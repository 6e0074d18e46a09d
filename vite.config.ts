import {defineConfig} from 'vite';
import {demoEndpoint} from './demo/demo-endpoint.js';

export default defineConfig({
  plugins: [demoEndpoint()],
  server: {host: '127.0.0.1', port: 5173},
  build: {
    target: 'es2021',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    // Vite leaves whitespace in library ES builds to keep them readable for bundlers; ours is
    // loaded straight into partners' pages, so every byte counts.
    rolldownOptions: {output: {minify: true, comments: {legal: true, annotation: false, jsdoc: false}}},
    lib: {
      entry: 'src/civic-action.ts',
      // The global the classic-script build leaves on window, for sites that cannot load modules.
      name: 'CivicActionElement',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'civic-action.js' : 'civic-action.iife.js'),
    },
  },
});
