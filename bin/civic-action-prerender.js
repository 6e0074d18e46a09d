#!/usr/bin/env node
// Prints <civic-action> with its pre-rendered first view; built to dist/prerender/ by `npm run build`.
const {main} = await import('../dist/prerender/index.js');
process.exitCode = await main();
