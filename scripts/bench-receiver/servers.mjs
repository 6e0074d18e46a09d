// Starting and stopping the servers under test. Each runs in a child process so that it has an
// event loop (and a core) of its own, apart from the load generator's.
import {spawn} from 'node:child_process';
import {closeSync, openSync, readFileSync} from 'node:fs';
import {request} from 'node:http';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floor.mjs', import.meta.url));
const RECEIVER_CLI = join(ROOT, 'bin/civic-action-receiver.js');

/** A free loopback port. Another process could take it before the child does; on loopback, rarely. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = request({host: '127.0.0.1', port, path: '/health', timeout: 1000}, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/**
 * Starts `node <script> ...args --port <free port>` and waits for /health. Its output goes to
 * `logFile`: the receiver logs a line per request as it would in production, and that line is
 * where an error's stack ends up. `cpuProfDir` adds `--cpu-prof` for profiling the child.
 */
async function startChild(script, args, {logFile, cpuProfDir, env}) {
  const port = await freePort();
  const log = openSync(logFile, 'a');
  const nodeArgs = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : [];
  const child = spawn(process.execPath, [...nodeArgs, script, ...args, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', log, log],
    env: {...process.env, ...env},
  });
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({code, signal})));
  let gone = false;
  exited.then(() => (gone = true));
  // Bounded: 150 tries, 100 ms apart.
  for (let i = 0; i < 150 && !gone; i++) {
    if (await healthy(port)) {
      return {
        port,
        async stop() {
          if (!gone) child.kill('SIGTERM');
          const timer = setTimeout(() => !gone && child.kill('SIGKILL'), 15_000);
          const result = await exited;
          clearTimeout(timer);
          return result;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!gone) child.kill('SIGKILL');
  await exited;
  throw new Error(`${script} did not start; its log (${logFile}):\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
}

/** The receiver as an organization runs it: its own CLI, with a config file. */
export function startReceiver(configFile, options) {
  return startChild(RECEIVER_CLI, ['--config', configFile], options);
}

export function startFloor(options) {
  return startChild(FLOOR, [], options);
}
