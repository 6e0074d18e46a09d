// Deliveries per second: the receiver stores a batch of submissions with delivery left to a
// separate worker, then one `civic-action-receiver --worker` process sends them to a local
// SMTP server; the clock runs from the worker's start to the last message the server accepted.
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {SMTPServer} from 'smtp-server';
import {sendAll} from './load.mjs';
import {makeSubmissions, receiverConfig} from './payload.mjs';
import {startReceiver} from './servers.mjs';

const RECEIVER_CLI = fileURLToPath(new URL('../../bin/civic-action-receiver.js', import.meta.url));

/** An SMTP server that only counts what it accepts: the officials' side costs next to nothing. */
async function countingSink() {
  let accepted = 0;
  const waiters = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        accepted += 1;
        waiters.filter((w) => accepted >= w.count).forEach((w) => w.resolve());
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    reached: (count, timeoutMs) =>
      new Promise((resolve, reject) => {
        if (accepted >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`only ${accepted} of ${count} emails in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({count, resolve: () => (clearTimeout(timer), resolve())});
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** One run: store `count` submissions, then time one worker delivering them. */
export async function deliveryRun(store, work, tag, {count, concurrency, logFile}) {
  const sink = await countingSink();
  const config = {
    ...receiverConfig(store.url),
    smtp: {url: sink.url},
    sender: {name: 'Bench', address: 'bench@example.org'},
    delivery: {worker: 'separate'},
  };
  config.campaigns[0].delivery = {dailyCapPerOfficial: 10_000_000};
  const file = join(work, `${tag}.json`);
  writeFileSync(file, JSON.stringify(config));
  const receiver = await startReceiver(file, {logFile});
  try {
    await sendAll(receiver.port, makeSubmissions(count, tag), {concurrency, deadlineMs: 60_000});
  } finally {
    await receiver.stop();
  }
  const started = performance.now();
  const worker = spawn(process.execPath, [RECEIVER_CLI, '--config', file, '--worker'], {stdio: 'ignore'});
  try {
    await sink.reached(count, 120_000);
    return {count, seconds: (performance.now() - started) / 1000, perSecond: count / ((performance.now() - started) / 1000)};
  } finally {
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
    await sink.close();
  }
}
