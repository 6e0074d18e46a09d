import {existsSync, readFileSync} from 'node:fs';
import type {Plugin} from 'vite';

/**
 * A Vite plugin that writes THIRD-PARTY-LICENSES.txt beside a build: the license of every package
 * bundled into it, found from the modules in the build, so that it follows the dependencies. A
 * package that ships no LICENSE file is named with the license its package.json gives.
 */
export function thirdPartyLicenses(name: string): Plugin {
  return {
    name,
    apply: 'build',
    generateBundle(_options, bundle) {
      const packages = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of Object.keys(output.modules)) {
          const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
          if (match) packages.add(match[1]!);
        }
      }
      const sections = [...packages].sort().map((pkg) => {
        const {version, license} = JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8'));
        const file = `node_modules/${pkg}/LICENSE`;
        return `${pkg} ${version} (${license})\n\n${existsSync(file) ? readFileSync(file, 'utf8').trim() : `Licensed under ${license}; the package ships no LICENSE file.`}\n`;
      });
      this.emitFile({type: 'asset', fileName: 'THIRD-PARTY-LICENSES.txt', source: sections.join(`\n${'-'.repeat(72)}\n\n`)});
    },
  };
}
