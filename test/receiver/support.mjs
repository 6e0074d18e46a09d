// Shared set-up for the receiver's tests: databases to run on, a receiver per test, submissions.
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import pg from 'pg';
import {parseConfig, startReceiver} from '../../dist/receiver/index.js';

/** The database `scripts/start-test-postgres.sh` makes; CI runs that script before `npm test`. */
export const POSTGRES_URL = process.env.CIVIC_ACTION_TEST_PG_URL ?? 'postgres://civic:civic@127.0.0.1:5432/civic_action_test';
export const PARTNER = 'https://partner.example';
export const CAMPAIGN = 'root-causes-2021';

let reachable;
/** Whether PostgreSQL answers; asked once per test process. */
export async function postgresReachable() {
  reachable ??= (async () => {
    const client = new pg.Client({connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000});
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return reachable;
}

export const POSTGRES_SKIP_REASON = `no PostgreSQL at ${POSTGRES_URL}: run \`sudo bash scripts/start-test-postgres.sh\` (Debian's postgresql package), or set CIVIC_ACTION_TEST_PG_URL`;

/** Says once, visibly, that the PostgreSQL half of the suite did not run. */
export async function postgresOrSkipNotice() {
  const ok = await postgresReachable();
  if (!ok) console.log(`# SKIPPED the PostgreSQL runs: ${POSTGRES_SKIP_REASON}`);
  return ok;
}

/**
 * A fresh, empty database of each kind: a SQLite file in a temp folder, or a PostgreSQL
 * database of its own (so tests never see each other's rows). `drop()` removes it.
 */
export async function freshDatabase(kind) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'civic-receiver-'));
    return {url: `sqlite:${join(dir, 'receiver.sqlite')}`, path: join(dir, 'receiver.sqlite'), drop: async () => rmSync(dir, {recursive: true, force: true})};
  }
  const name = `civic_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({connectionString: POSTGRES_URL});
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    // Cleanup, not a test: a drop refused while a killed process's connection is still closing is
    // tried again, and a database left behind is reported rather than failing the test that used it.
    async drop() {
      for (let attempt = 1; ; attempt++) {
        const client = new pg.Client({connectionString: POSTGRES_URL});
        try {
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          return;
        } catch (error) {
          if (attempt === 5) return console.warn(`could not drop the test database ${name}: ${error.message}`);
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        } finally {
          await client.end().catch(() => undefined);
        }
      }
    },
  };
}

export function campaignConfig(overrides = {}) {
  return {
    id: CAMPAIGN,
    origins: [PARTNER],
    recipients: [{name: {en: 'Vice President Kamala Harris', es: 'vicepresidenta Kamala Harris'}, email: 'vp@officials.example'}],
    ...overrides,
  };
}

export function configFor(databaseUrl, overrides = {}) {
  return {database: databaseUrl, campaigns: [campaignConfig()], ...overrides};
}

/** A receiver on a free port, in this process, quiet unless `log` is given. */
export async function receiverOn(database, {config: overrides = {}, adminToken = 'organizer-token', log = () => {}, now, worker} = {}) {
  const config = parseConfig(configFor(database.url, overrides), {baseDir: tmpdir()});
  // `adminToken: null` starts a receiver with the organizer's side off.
  const receiver = await startReceiver({config, adminToken: adminToken ?? undefined, port: 0, log, ...(now ? {now} : {}), ...(worker ? {worker} : {})});
  const base = `http://127.0.0.1:${receiver.port}`;
  return {...receiver, base, url: (path) => `${base}${path}`};
}

let counter = 0;
/** A valid version 1 submission, as the widget sends it; each call has a new id and email. */
export function submission(overrides = {}) {
  counter += 1;
  const {supporter, message, source, ...rest} = overrides;
  return {
    version: 1,
    id: randomUUID(),
    campaign: CAMPAIGN,
    locale: 'es',
    recommendations: ['tps', 'economic-policy'],
    message: {to: ['vicepresidenta Kamala Harris'], subject: 'Trabajar con la sociedad civil', body: 'Estimada vicepresidenta Harris:\n\nApoyo estas recomendaciones.\n\nAna Pérez', locale: 'es', ...message},
    supporter: {name: 'Ana Pérez', email: `ana.${process.pid}.${counter}@example.org`, postalCode: '20001', ...supporter},
    consent: true,
    source: {url: 'https://partner.example/action', ref: 'newsletter', ...source},
    submittedAt: new Date().toISOString(),
    ...rest,
  };
}

/** POSTs JSON the way the widget does: Idempotency-Key equal to the id, from a partner page. */
export async function postJson(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Idempotency-Key': body.id, Origin: PARTNER, ...headers},
    body: JSON.stringify(body),
  });
  return {status: response.status, headers: response.headers, body: await response.json().catch(() => null)};
}

export const auth = (token = 'organizer-token') => ({Authorization: `Bearer ${token}`});

export async function getJson(url, headers = {}) {
  const response = await fetch(url, {headers});
  return {status: response.status, headers: response.headers, body: await response.json().catch(() => null)};
}

/** Runs `define(kind)` once for SQLite and once for PostgreSQL (skipped, visibly, when there is none). */
export async function eachDatabase(define) {
  await define('sqlite', false);
  const pgOk = await postgresOrSkipNotice();
  await define('postgres', pgOk ? false : POSTGRES_SKIP_REASON);
}

/**
 * A real SMTP server on loopback that keeps what it accepts, parsed. `answer(message)` may
 * return `{code, text}` to refuse a message (451: try later, 550: never) instead of accepting it.
 */
export async function smtpSink({answer, onMessage} = {}) {
  const {SMTPServer} = await import('smtp-server');
  const {simpleParser} = await import('mailparser');
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const parsed = await simpleParser(raw);
        const message = {raw: raw.toString('utf8'), parsed, envelope: session.envelope, rcptTo: session.envelope.rcptTo.map((r) => r.address)};
        const refusal = answer?.(message);
        if (refusal) {
          const error = new Error(refusal.text);
          error.responseCode = refusal.code;
          return callback(error);
        }
        await onMessage?.(message);
        messages.push(message);
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.server.address().port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Waits until `condition()` holds, checking every 20 ms. */
export async function until(condition, what, timeoutMs = 15_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
