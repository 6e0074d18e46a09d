// A fresh, empty store for every run, and the count of what it holds afterwards: the bench
// counts stored submissions, so it checks the rows, not only the 201s.
import {rmSync} from 'node:fs';
import {join} from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';

export const DEFAULT_PG_URL = 'postgres://civic:civic@127.0.0.1:5432/civic_action_test';
// Every database the bench makes starts with this, so it never touches the tests' database.
const PREFIX = 'civic_bench_';

export function sqliteStore(dir, name) {
  const path = join(dir, `${name}.sqlite`);
  return {
    url: `sqlite:${path}`,
    count() {
      const db = new SQLite(path, {readonly: true, fileMustExist: true});
      try {
        return Number(db.prepare('SELECT count(*) AS n FROM submissions').get().n);
      } finally {
        db.close();
      }
    },
    drop() {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, {force: true});
    },
  };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function withClient(url, work) {
  const client = new pg.Client({connectionString: url, connectionTimeoutMillis: 3000});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Null when PostgreSQL cannot be reached (the reason is printed by the caller). */
export async function postgresServer(adminUrl) {
  try {
    const version = await withClient(adminUrl, async (client) => {
      // Databases left by a bench that was killed before it could drop them (their names carry
      // the pid); a bench still running beside this one keeps its own.
      const {rows} = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
      for (const {datname} of rows) {
        const pid = Number(/^civic_bench_(\d+)_/.exec(datname)?.[1]);
        if (pid && !alive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
      return (await client.query('SHOW server_version')).rows[0].server_version;
    });
    return {version, store: (name) => postgresStore(adminUrl, `${PREFIX}${process.pid}_${name}`)};
  } catch (error) {
    return {unreachable: error.message || String(error)};
  }
}

async function postgresStore(adminUrl, database) {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return {
    url: url.href,
    count: () => withClient(url.href, async (client) => Number((await client.query('SELECT count(*) AS n FROM submissions')).rows[0].n)),
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
  };
}
