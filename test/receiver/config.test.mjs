// The receiver's config: a wrong one stops the start with one line per problem, naming where.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {generateKeyPairSync} from 'node:crypto';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import nodemailer from 'nodemailer';
import pg from 'pg';
import {CannotStart, ConfigError, createReceiver, loadConfigFile, parseConfig} from '../../dist/receiver/index.js';
import {campaignConfig, freshDatabase} from './support.mjs';

function writeConfig(value) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-config-'));
  const file = join(dir, 'receiver.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return {dir, file};
}

function run(...args) {
  return spawnSync(process.execPath, ['bin/civic-action-receiver.js', ...args], {encoding: 'utf8', timeout: 20_000, env: {...process.env, CIVIC_ACTION_ADMIN_TOKEN: ''}});
}

describe('receiver config', () => {
  it('stops the start with one line per problem, each naming its path in the file', () => {
    const {file} = writeConfig({
      database: 'mysql://nope',
      retentionDays: 0,
      campaigns: [campaignConfig({origins: ['https://partner.example/page/']}), campaignConfig({recipients: [{name: 'Council', email: 'not-an-email'}]})],
    });
    const result = run('--config', file);
    assert.equal(result.status, 2);
    const lines = result.stderr.trim().split('\n');
    assert.match(lines[0], /the config cannot be used/);
    assert.match(result.stderr, /^ {2}database: a "sqlite:<path>" or "postgres:\/\/…" URL$/m);
    assert.match(result.stderr, /^ {2}retentionDays: /m);
    assert.match(result.stderr, /^ {2}campaigns\[0\]\.origins\[0\]: an origin such as/m);
    assert.match(result.stderr, /^ {2}campaigns\[1\]\.recipients\[0\]\.email: /m);
    assert.match(result.stderr, /^ {2}campaigns\[1\]\.id: campaign "root-causes-2021" is listed twice$/m);
    assert.equal(lines.length, 1 + 1 + 5, result.stderr);
  });

  it('refuses unknown keys, one line each naming the key, with the one it most likely meant', () => {
    const {file} = writeConfig({
      retentionDay: 7,
      smpt: {url: 'smtp://127.0.0.1:2525'},
      rateLimits: {perIP: {max: 10, perSeconds: 60}},
      campaigns: [campaignConfig({delivery: {confrim: true}})],
    });
    for (const result of [run('--config', file), run('--config', file, '--check')]) {
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^ {2}retentionDay: is not a setting \(did you mean "retentionDays"\?\)$/m);
      assert.match(result.stderr, /^ {2}smpt: is not a setting \(did you mean "smtp"\?\)$/m);
      assert.match(result.stderr, /^ {2}rateLimits\.perIP: is not a setting \(did you mean "perIp"\?\)$/m);
      assert.match(result.stderr, /^ {2}campaigns\[0\]\.delivery\.confrim: is not a setting \(did you mean "confirm"\?\)$/m);
      assert.equal(result.stderr.trim().split('\n').length, 2 + 4, result.stderr);
    }
    assert.throws(
      () => parseConfig({campaigns: [campaignConfig()], whatever: 1}, {baseDir: '/srv'}),
      (error) => error instanceof ConfigError && error.problems[0] === 'whatever: is not a setting',
    );
  });

  it('says where JSON is broken, and that a file cannot be read', () => {
    const broken = run('--config', writeConfig('{"campaigns": [').file);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /not valid JSON/);
    const missing = run('--config', '/nonexistent/receiver.json');
    assert.match(missing.stderr, /cannot be read \(ENOENT\)/);
  });

  it('refuses a delivery lease shorter than one SMTP attempt can take', () => {
    const raw = {campaigns: [campaignConfig()], smtp: {url: 'smtp://127.0.0.1:2525', timeoutSeconds: 30}, sender: {name: 'Org', address: 'a@org.example'}, delivery: {leaseSeconds: 60}};
    assert.throws(
      () => parseConfig(raw, {baseDir: '/srv'}),
      (error) => error instanceof ConfigError && error.problems.some((p) => /^delivery\.leaseSeconds: must be at least 90: /.test(p)),
    );
    assert.doesNotThrow(() => parseConfig({...raw, delivery: {leaseSeconds: 90}}, {baseDir: '/srv'}));
  });

  it('takes secrets from the environment variables it names, and refuses a missing one', () => {
    const raw = {database: 'postgres://civic:${PGPASS}@db.internal/civic', campaigns: [campaignConfig()]};
    const config = parseConfig(raw, {baseDir: '/srv', env: {PGPASS: 's3cret'}});
    assert.deepEqual(config.databaseLocation, {kind: 'postgres', url: 'postgres://civic:s3cret@db.internal/civic'});
    assert.throws(() => parseConfig(raw, {baseDir: '/srv', env: {}}), (error) => error instanceof ConfigError && error.problems[0] === 'database: the environment variable PGPASS is not set');
  });

  it('percent-encodes a secret filled into a URL\'s user name or password, so that it cannot choose the host', () => {
    const env = {SMTP_PASSWORD: 'p@ss/w:rd#1', PGPASSWORD: 'Zk3/q+9a', SMTP_USER: 'ana@casa.example'};
    const raw = {
      database: 'postgres://civic:${PGPASSWORD}@db.internal:5432/civic',
      smtp: {url: 'smtps://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:2626'},
      sender: {name: 'Org', address: 'a@org.example'},
      campaigns: [campaignConfig()],
    };
    const config = parseConfig(raw, {baseDir: '/srv', env});
    // Read as the drivers read them: nodemailer for the mail server, pg for the database.
    assert.deepEqual(nodemailer.createTransport({url: config.smtp.url}).options, {secure: true, host: '127.0.0.1', port: 2626, auth: {user: 'ana@casa.example', pass: 'p@ss/w:rd#1'}});
    const client = new pg.Client({connectionString: config.databaseLocation.url});
    assert.deepEqual([client.host, client.port, client.user, client.password, client.database], ['db.internal', 5432, 'civic', 'Zk3/q+9a', 'civic']);
  });

  it('refuses an SMTP or database URL that cannot be read, naming the setting, at --check and at start', () => {
    const sender = {name: 'Org', address: 'a@org.example'};
    for (const [settings, line] of [
      [{smtp: {url: 'smtp://127.0.0.1:notaport'}, sender}, /^ {2}smtp\.url: not a URL that can be read /m],
      [{smtp: {url: 'smtp://'}, sender}, /^ {2}smtp\.url: names no host$/m],
      [{database: 'postgres://civic:secret@db.internal:99999/civic'}, /^ {2}database: not a URL that can be read /m],
    ]) {
      const {file} = writeConfig({database: 'sqlite:check.sqlite', ...settings, campaigns: [campaignConfig()]});
      for (const result of [run('--config', file, '--check'), run('--config', file, '--port', '0')]) {
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, /the config cannot be used/);
        assert.match(result.stderr, line);
        assert.doesNotMatch(result.stderr, /secret|cannot open the database/);
      }
    }
  });

  it('names what failed when the start fails past the config, not always the database', async () => {
    const database = await freshDatabase('sqlite');
    const sender = {name: 'Org', address: 'a@org.example'};
    const config = parseConfig({database: database.url, smtp: {url: 'smtp://127.0.0.1:2525'}, sender, campaigns: [campaignConfig()]}, {baseDir: '/srv'});
    // As a host that builds its config in code might hand it over, past parseConfig's checks.
    config.smtp.url = 'smtp://127.0.0.1:notaport';
    await assert.rejects(createReceiver({config}), (error) => error instanceof CannotStart && /^cannot set up delivery through smtp\.url: /.test(error.message));
    await database.drop();
  });

  it('refuses a DKIM key that cannot sign, at --check and at start, naming the key without quoting it', () => {
    const pem = (type) => generateKeyPairSync(type, {modulusLength: 1024, privateKeyEncoding: {type: 'pkcs8', format: 'pem'}, publicKeyEncoding: {type: 'spki', format: 'pem'}}).privateKey;
    const settings = (privateKey) => ({
      database: 'sqlite:check.sqlite',
      smtp: {url: 'smtp://127.0.0.1:2525'},
      sender: {name: 'Org', address: 'a@casa.example'},
      dkim: {domainName: 'casa.example', keySelector: 'civic', privateKey},
      campaigns: [campaignConfig()],
    });
    for (const [privateKey, line] of [
      ['not a pem', /^ {2}dkim\.privateKey: not a private key that can be loaded \(/m],
      [pem('ed25519'), /^ {2}dkim\.privateKey: a ed25519 key; DKIM signing here needs an RSA key$/m],
    ]) {
      const {file} = writeConfig(settings(privateKey));
      for (const result of [run('--config', file, '--check'), run('--config', file, '--port', '0')]) {
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, line);
        assert.doesNotMatch(result.stderr, /not a pem|BEGIN PRIVATE KEY/);
      }
    }
    assert.doesNotThrow(() => parseConfig(settings('${DKIM_KEY}'), {baseDir: '/srv', env: {DKIM_KEY: pem('rsa')}}));
  });

  it('puts a relative SQLite file beside the config file, and fills in defaults', () => {
    const {dir, file} = writeConfig({database: 'sqlite:data/x.sqlite', campaigns: [campaignConfig()]});
    const config = loadConfigFile(file);
    assert.deepEqual(config.databaseLocation, {kind: 'sqlite', path: join(dir, 'data/x.sqlite')});
    assert.equal(config.retentionDays, 90);
    assert.deepEqual(config.rateLimits, {perIp: {max: 60, perSeconds: 3600}, perEmail: {max: 5, perSeconds: 86_400}});
    assert.equal(config.spam.minFillMs, 3000);
  });

  it('checks the demo\'s config and its database with --check', () => {
    const {dir, file} = writeConfig({database: 'sqlite:check.sqlite', campaigns: [campaignConfig()]});
    const result = run('--config', file, '--check');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /config and database OK: 1 campaign\(s\), sqlite/);
    assert.doesNotThrow(() => loadConfigFile('demo/receiver.config.json'));
    assert.ok(dir);
  });
});
