// Writes the API reference in README.md (between the api markers) and the VS Code HTML
// custom data, both from custom-elements.json (see scripts/lib/api-docs.mjs). `--check` only
// compares, for the tests.
import {readFileSync, writeFileSync} from 'node:fs';
import {apiMarkdown, docsAreCurrent, END, START, vscodeData} from './lib/api-docs.mjs';
import {spliceBlock} from './lib/readme-block.mjs';

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  if (process.argv.includes('--check')) {
    const current = docsAreCurrent();
    console.log(current);
    process.exit(current.readme && current.vscode ? 0 : 1);
  }
  writeFileSync('README.md', spliceBlock(readFileSync('README.md', 'utf8'), START, END, apiMarkdown(manifest)));
  writeFileSync('vscode.html-custom-data.json', `${JSON.stringify(vscodeData(manifest), null, 2)}\n`);
  console.log('wrote the API reference in README.md and vscode.html-custom-data.json');
}
