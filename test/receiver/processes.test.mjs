// The receiver as separate processes, started by its command: several on one PostgreSQL, a
// kill -9 under load, a SIGTERM with requests in flight. What got a 2xx must be there, once.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import {campaignConfig, configFor, eachDatabase, freshDatabase, postJson, receiverOn, smtpSink, submission, until} from './support.mjs';

const running = new Set();
after(() => running.forEach((child) => child.kill('SIGKILL')));

/** Starts `civic-action-receiver` on a free port (or `--worker`); resolves once it says it runs. */
function startProcess(databaseUrl, overrides = {}, flags = []) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-process-'));
  const file = join(dir, 'receiver.json');
  writeFileSync(file, JSON.stringify(configFor(databaseUrl, {rateLimits: {perIp: {max: 1_000_000, perSeconds: 60}, perEmail: {max: 1_000_000, perSeconds: 60}}, ...overrides})));
  const child = spawn(process.execPath, ['bin/civic-action-receiver.js', '--config', file, '--port', '0', ...flags], {stdio: ['ignore', 'pipe', 'pipe']});
  running.add(child);
  let output = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => (running.delete(child), resolve({code, signal}))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the receiver did not start:\n${output}`)), 15_000);
    const read = (chunk) => {
      output += chunk;
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1] ?? (/worker delivering/.test(output) ? '0' : undefined);
      if (port) {
        clearTimeout(timer);
        resolve({child, url: `http://127.0.0.1:${port}/submit`, exited, output: () => output});
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => reject(new Error(`the receiver exited:\n${output}`)));
  });
}

/** Every id in the database with how many rows it has. */
async function rowsById(kind, database) {
  if (kind === 'sqlite') {
    const db = new Sqlite(database.path, {readonly: true});
    try {
      return new Map(db.prepare('SELECT id, count(*) AS n FROM submissions GROUP BY id').all().map((r) => [r.id, r.n]));
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({connectionString: database.url});
  await client.connect();
  try {
    return new Map((await client.query('SELECT id, count(*)::int AS n FROM submissions GROUP BY id')).rows.map((r) => [r.id, r.n]));
  } finally {
    await client.end();
  }
}

/**
 * Sends new submissions from `concurrency` loops until `stop()` says so; remembers the ids that
 * got a 2xx. Bounded: at most `limit` requests.
 */
function load(url, {concurrency = 16, limit = 20_000} = {}) {
  const acknowledged = [];
  let failed = 0;
  let sent = 0;
  let stopping = false;
  const loop = async () => {
    while (!stopping && sent < limit) {
      sent += 1;
      const body = submission();
      try {
        const reply = await postJson(url, body);
        if (reply.status >= 200 && reply.status < 300) acknowledged.push(body.id);
        else failed += 1;
      } catch {
        failed += 1;
      }
    }
  };
  const loops = Promise.all(Array.from({length: concurrency}, loop));
  return {
    acknowledged,
    get failed() {
      return failed;
    },
    async stop() {
      stopping = true;
      await loops;
    },
  };
}

/** Waits until the load has `count` acknowledgements (a busy machine is slower, not wrong). */
async function acknowledgedAtLeast(traffic, count, timeoutMs = 30_000) {
  const start = Date.now();
  while (traffic.acknowledged.length < count) {
    if (Date.now() - start > timeoutMs) throw new Error(`only ${traffic.acknowledged.length} acknowledged in ${timeoutMs} ms (${traffic.failed} failed)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

await eachDatabase(async (kind, skip) => {
  describe(`receiver processes on ${kind}`, {skip}, () => {
    it('keeps every acknowledged submission, once, through kill -9 under load', {timeout: 60_000}, async () => {
      const database = await freshDatabase(kind);
      try {
        const first = await startProcess(database.url);
        const traffic = load(first.url);
        await acknowledgedAtLeast(traffic, 100);
        first.child.kill('SIGKILL');
        await first.exited;
        await traffic.stop();

        const second = await startProcess(database.url);
        const rows = await rowsById(kind, database);
        const missing = traffic.acknowledged.filter((id) => rows.get(id) !== 1);
        assert.deepEqual(missing, [], `${missing.length} of ${traffic.acknowledged.length} acknowledged submissions missing or doubled`);
        // Retries of what the kill cut off are stored now, and what was stored is not doubled.
        const retry = submission();
        assert.equal((await postJson(second.url, retry)).status, 201);
        second.child.kill('SIGTERM');
        assert.deepEqual(await second.exited, {code: 0, signal: null});
      } finally {
        await database.drop();
      }
    });

    it('finishes what it acknowledged and exits 0 on SIGTERM while a client keeps sending', {timeout: 30_000}, async () => {
      const database = await freshDatabase(kind);
      try {
        const receiver = await startProcess(database.url);
        const traffic = load(receiver.url, {concurrency: 8});
        await acknowledgedAtLeast(traffic, 30);
        receiver.child.kill('SIGTERM');
        const exit = await receiver.exited;
        await traffic.stop();
        assert.deepEqual(exit, {code: 0, signal: null});
        assert.match(receiver.output(), /SIGTERM: finishing requests in flight/);
        const rows = await rowsById(kind, database);
        assert.deepEqual(traffic.acknowledged.filter((id) => rows.get(id) !== 1), []);
      } finally {
        await database.drop();
      }
    });
  });
});

/** An SMTP sink that keeps the first message, then kills `worker()` before it can read "250 OK". */
async function sinkKillingOnFirst(worker) {
  let killed = false;
  return smtpSink({
    onMessage: async () => {
      if (killed) return;
      killed = true;
      worker().child.kill('SIGKILL');
      await worker().exited;
    },
  });
}

await eachDatabase(async (kind, skip) => {
  describe(`the daily cap through a crash on ${kind}`, {skip}, () => {
    it('counts what was sent: a worker killed mid-send does not keep its place under the cap', {timeout: 60_000}, async () => {
      const database = await freshDatabase(kind);
      let worker;
      let restarted;
      const sink = await sinkKillingOnFirst(() => worker);
      // Two a day: the first message (sent, then sent again after the crash, marked once) and one more.
      const config = {...separateDelivery(sink), campaigns: [campaignConfig({delivery: {dailyCapPerOfficial: 2}})]};
      const receiver = await receiverOn(database, {config});
      try {
        worker = await startProcess(database.url, config, ['--worker']);
        await postJson(receiver.url('/submit'), submission());
        await worker.exited;
        restarted = await startProcess(database.url, config, ['--worker']);
        await until(() => sink.messages.length === 2, 'the first message again once the lease ran out', 30_000);
        await until(async () => (await receiver.database.db.selectFrom('emails').select('status').executeTakeFirst())?.status === 'sent', 'marked sent');
        const second = submission();
        await postJson(receiver.url('/submit'), second);
        await until(() => sink.messages.some((m) => m.parsed.replyTo?.value[0]?.address === second.supporter.email), 'the second message, today', 15_000);
        restarted.child.kill('SIGTERM');
        assert.deepEqual(await restarted.exited, {code: 0, signal: null});
      } finally {
        // A worker left running keeps its SMTP connection, and the sink would wait for it to close.
        if (restarted && running.has(restarted.child)) restarted.child.kill('SIGKILL');
        await restarted?.exited;
        await receiver.stop();
        await sink.close();
        await database.drop();
      }
    });
  });
});

await eachDatabase(async (kind, skip) => {
  if (kind !== 'postgres') return;
  describe('three receiver processes on one PostgreSQL', {skip}, () => {
    it('store each of 200 submissions once when every copy goes to every process at once', async () => {
      const database = await freshDatabase(kind);
      try {
        const processes = await Promise.all([startProcess(database.url), startProcess(database.url), startProcess(database.url)]);
        const bodies = Array.from({length: 200}, () => submission());
        const statuses = [];
        for (let i = 0; i < bodies.length; i += 20) {
          const batch = bodies.slice(i, i + 20);
          const replies = await Promise.all(batch.flatMap((body) => processes.map((p) => postJson(p.url, body).then((r) => ({id: body.id, status: r.status})))));
          statuses.push(...replies);
        }
        for (const body of bodies) {
          const mine = statuses.filter((s) => s.id === body.id).map((s) => s.status).sort();
          assert.deepEqual(mine, [200, 200, 201], `statuses for ${body.id}`);
        }
        const rows = await rowsById(kind, database);
        assert.equal(rows.size, 200);
        assert.ok([...rows.values()].every((n) => n === 1));
        processes.forEach((p) => p.child.kill('SIGTERM'));
        await Promise.all(processes.map((p) => p.exited));
      } finally {
        await database.drop();
      }
    });
  });
});

/** Config for a receiver that stores and leaves delivery to separate `--worker` processes. */
const separateDelivery = (sink, extra = {}) => ({
  // A short lease, so that the test need not wait long for an abandoned email; one attempt fits in it.
  smtp: {url: sink.url, timeoutSeconds: 1},
  sender: {name: 'Casa Comunitaria', address: 'actions@casa.example'},
  delivery: {worker: 'separate', leaseSeconds: 5, ...extra},
  rateLimits: {perIp: {max: 1_000_000, perSeconds: 60}, perEmail: {max: 1_000_000, perSeconds: 60}},
  campaigns: [campaignConfig()],
});

await eachDatabase(async (kind, skip) => {
  describe(`delivery workers on ${kind}`, {skip}, () => {
    it('sends again with the same Message-ID, and only once more, when killed between the SMTP server\'s accept and the mark', {timeout: 60_000}, async () => {
      const database = await freshDatabase(kind);
      let worker;
      const sink = await sinkKillingOnFirst(() => worker);
      const config = separateDelivery(sink);
      const receiver = await receiverOn(database, {config});
      try {
        worker = await startProcess(database.url, config, ['--worker']);
        await postJson(receiver.url('/submit'), submission());
        await until(() => sink.messages.length === 1, 'the first copy', 20_000);
        await worker.exited;
        const restarted = await startProcess(database.url, config, ['--worker']);
        await until(() => sink.messages.length === 2, 'the copy after the lease ran out', 30_000);
        assert.equal(sink.messages[1].parsed.messageId, sink.messages[0].parsed.messageId, 'the same Message-ID, so the office can drop the repeat');
        await until(async () => {
          const row = await receiver.database.db.selectFrom('emails').select('status').executeTakeFirst();
          return row?.status === 'sent';
        }, 'marked sent');
        await new Promise((resolve) => setTimeout(resolve, 6000));
        assert.equal(sink.messages.length, 2, 'no third copy once marked');
        restarted.child.kill('SIGTERM');
        assert.deepEqual(await restarted.exited, {code: 0, signal: null});
      } finally {
        await receiver.stop();
        await sink.close();
        await database.drop();
      }
    });
  });
});

/**
 * A receiver on a fresh database with a mail sink and the daily cap given, for `use`, which posts
 * what it needs and then starts three delivery workers; everything is stopped and dropped after.
 */
async function withThreeWorkers(kind, dailyCapPerOfficial, use) {
  const database = await freshDatabase(kind);
  const sink = await smtpSink();
  const config = separateDelivery(sink, {leaseSeconds: 120});
  config.campaigns = [campaignConfig({delivery: {dailyCapPerOfficial}})];
  const receiver = await receiverOn(database, {config});
  const workers = [];
  const startWorkers = async () => workers.push(...(await Promise.all([1, 2, 3].map(() => startProcess(database.url, config, ['--worker'])))));
  try {
    await use({receiver, sink, startWorkers});
  } finally {
    workers.forEach((w) => w.child.kill('SIGTERM'));
    await Promise.all(workers.map((w) => w.exited));
    await receiver.stop();
    await sink.close();
    await database.drop();
  }
}

await eachDatabase(async (kind, skip) => {
  if (kind !== 'postgres') return;
  describe('three delivery workers on one PostgreSQL', {skip}, () => {
    it('keep to one daily cap together: exactly the cap is sent today', {timeout: 60_000}, () =>
      withThreeWorkers(kind, 25, async ({receiver, sink, startWorkers}) => {
        for (let i = 0; i < 60; i += 1) await postJson(receiver.url('/submit'), submission());
        await startWorkers();
        await until(() => sink.messages.length >= 25, `25 emails (${sink.messages.length} so far)`, 30_000);
        await new Promise((resolve) => setTimeout(resolve, 2000));
        assert.equal(sink.messages.length, 25, 'no more than the cap, none fewer');
      }));

    it('deliver each of 1,000 messages to the official exactly once', {timeout: 180_000}, () =>
      withThreeWorkers(kind, 100_000, async ({receiver, sink, startWorkers}) => {
        const bodies = Array.from({length: 1000}, () => submission());
        for (let i = 0; i < bodies.length; i += 50) await Promise.all(bodies.slice(i, i + 50).map((body) => postJson(receiver.url('/submit'), body)));
        await startWorkers();
        await until(() => sink.messages.length >= 1000, `1,000 emails (${sink.messages.length} so far)`, 150_000);
        // A worker marks an email sent after the SMTP server took it: on a busy machine that lags the sink.
        const sentCount = async () => Number((await receiver.database.db.selectFrom('emails').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow()).n);
        await until(async () => (await sentCount()) >= 1000, 'all 1,000 emails marked sent', 30_000);
        // Time for a second copy of any message to arrive, had a worker sent one twice.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const ids = sink.messages.map((m) => m.parsed.messageId);
        assert.equal(sink.messages.length, 1000, 'no message twice');
        assert.equal(new Set(ids).size, 1000);
        assert.ok(sink.messages.every((m) => m.rcptTo.length === 1 && m.rcptTo[0] === 'vp@officials.example'));
        assert.equal(await sentCount(), 1000);
      }));
  });
});

describe('a port already in use', () => {
  it('stops the start with one line and a non-zero exit, and leaves no worker claiming emails', {timeout: 30_000}, async () => {
    const sink = await smtpSink();
    const database = await freshDatabase('sqlite');
    const delivery = {smtp: {url: sink.url, timeoutSeconds: 5}, sender: {name: 'Casa Comunitaria', address: 'actions@casa.example'}};
    // Stores an email to deliver, and holds the port; its own delivery is left to others.
    const holder = await receiverOn(database, {config: {...delivery, delivery: {worker: 'separate'}}});
    try {
      assert.equal((await postJson(holder.url('/submit'), submission())).status, 201);
      const {parseConfig, startReceiver} = await import('../../dist/receiver/index.js');
      const config = parseConfig(configFor(database.url, delivery), {baseDir: tmpdir()});
      await assert.rejects(startReceiver({config, port: holder.port, log: () => {}, worker: {pollMs: 20}}), /^Error: cannot listen on 127\.0\.0\.1:\d+: the port is already in use \(EADDRINUSE\)$/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const emails = await holder.database.db.selectFrom('emails').select(['status', 'attempts', 'lease_owner']).execute();
      assert.deepEqual(emails, [{status: 'queued', attempts: 0, lease_owner: null}], 'no email claimed');
      assert.equal(sink.messages.length, 0);

      const dir = mkdtempSync(join(tmpdir(), 'civic-port-'));
      const file = join(dir, 'receiver.json');
      writeFileSync(file, JSON.stringify(configFor(database.url, {...delivery})));
      const child = spawn(process.execPath, ['bin/civic-action-receiver.js', '--config', file, '--port', String(holder.port)], {stdio: ['ignore', 'pipe', 'pipe']});
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      assert.notEqual(code, 0);
      assert.match(stderr, /^civic-action-receiver: cannot listen on 127\.0\.0\.1:\d+: the port is already in use \(EADDRINUSE\)\n$/);
      assert.equal((await holder.database.db.selectFrom('emails').select('attempts').executeTakeFirst()).attempts, 0, 'no email claimed by the command either');
    } finally {
      await holder.stop();
      await sink.close();
      await database.drop();
    }
  });
});
