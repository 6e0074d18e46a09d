import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {chromeArgs, findChrome} from './test/server/find-chrome.mjs';
import {recordingEndpoint} from './test/server/recording-endpoint.mjs';
import {repoChecks} from './test/server/repo-checks.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: {config: {timeout: 10000}},
  middleware: [recordingEndpoint()],
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'es2021'}), repoChecks()],
  browsers: [chromeLauncher({launchOptions: {executablePath: findChrome(), headless: true, args: chromeArgs}})],
};
