import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * Checks that need Node rather than the browser, run from tests through
 * `executeServerCommand`, so that they fail the same `npm test` as everything else.
 */
function manifestIsCurrent() {
  const outdir = mkdtempSync(join(tmpdir(), 'cem-'));
  try {
    execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', outdir], {
      stdio: 'pipe',
    });
    const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
    let committed = '';
    try {
      committed = readFileSync('custom-elements.json', 'utf8');
    } catch {
      // A missing manifest is as stale as an old one.
    }
    return {current: fresh === committed};
  } finally {
    rmSync(outdir, {recursive: true, force: true});
  }
}

export function repoChecks() {
  return {
    name: 'repo-checks',
    async executeCommand({command}) {
      if (command === 'manifest-is-current') return manifestIsCurrent();
      return undefined;
    },
  };
}
