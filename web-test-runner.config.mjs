import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {chromeLauncher} from '@web/test-runner-chrome';
import {a11ySnapshotPlugin} from '@web/test-runner-commands/plugins';
import {chromeArgs, findChrome} from './scripts/lib/find-chrome.mjs';
import {receiverPlugin} from './test/server/receiver-plugin.mjs';
import {prerenderedPages} from './test/server/prerendered-pages.mjs';
import {recordingEndpoint} from './test/server/recording-endpoint.mjs';
import {repoChecks} from './test/server/repo-checks.mjs';
import {summaryReporter} from './test/server/summary-reporter.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: pages of one origin share localStorage (the remembered language)
  // and the browser's keyboard focus, so side-by-side files would disturb each other.
  concurrency: 1,
  testFramework: {config: {timeout: 10000}},
  // Failed assertions about nodes and URLs reported as text, which the runner can send (see the module).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/setup/readable-failures.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  middleware: [recordingEndpoint(), prerenderedPages()],
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'es2021', define: {'import.meta.env.DEV': 'true'}}), a11ySnapshotPlugin(), repoChecks(), receiverPlugin()],
  reporters: [defaultReporter(), summaryReporter()],
  browsers: [chromeLauncher({launchOptions: {executablePath: findChrome(), headless: true, args: chromeArgs}})],
};
