import {closeSync, existsSync, mkdirSync, openSync} from 'node:fs';
import {dirname} from 'node:path';
import type SQLite from 'better-sqlite3';
import {Kysely, PostgresDialect, SqliteDialect, sql, type Transaction} from 'kysely';
import type {DatabaseLocation} from '../config/load-config.js';
import {migrate} from './migrations.js';
import type {Tables} from './tables.js';

export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;

/**
 * The database and the one way to write to it. Every write is a job run in a transaction, and a
 * job's promise settles only after its transaction committed: the receiver answers 2xx only then.
 */
export interface Database {
  kind: DatabaseLocation['kind'];
  db: Db;
  write<T>(job: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * After an erasure or a retention scrub: on SQLite, moves the cleared pages from the write-ahead
   * log into the file and empties the log, so that neither still holds what was removed.
   */
  flushRemoved(): Promise<void>;
  close(): Promise<void>;
}

/**
 * SQLite commits one transaction at a time and each commit waits for the disk (about 1 ms
 * here with `synchronous=FULL`), so jobs that arrive together are committed together: every
 * job queued while one commit runs goes into the next. Each job runs inside a savepoint, so
 * one that fails is rolled back and rejected alone; the others still commit.
 */
class BatchedWrites {
  private queue: {job: (tx: Tx) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void}[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  write<T>(job: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({job, resolve: resolve as (value: unknown) => void, reject});
      this.running ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the requests that arrived in this turn of the event loop join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length) {
      const batch = this.queue.splice(0, 500);
      try {
        const outcomes = await this.db.transaction().execute(async (tx) => {
          const out: ({ok: true; value: unknown} | {ok: false; error: unknown})[] = [];
          for (const {job} of batch) {
            await sql`SAVEPOINT job`.execute(tx);
            try {
              out.push({ok: true, value: await job(tx)});
              await sql`RELEASE SAVEPOINT job`.execute(tx);
            } catch (error) {
              await sql`ROLLBACK TO SAVEPOINT job`.execute(tx);
              await sql`RELEASE SAVEPOINT job`.execute(tx);
              out.push({ok: false, error});
            }
          }
          return out;
        });
        // Settled only now that the transaction is committed: a 2xx is never sent before.
        batch.forEach((item, index) => {
          const outcome = outcomes[index]!;
          if (outcome.ok) item.resolve(outcome.value);
          else item.reject(outcome.error);
        });
      } catch (error) {
        batch.forEach((item) => item.reject(error));
      }
    }
    this.running = undefined;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}

/**
 * Kysely asks SQLite to prepare every statement it runs; preparing costs as much as running
 * one of ours. The receiver runs the same few statements over and over, so prepared ones are
 * kept (a bounded number: statements with a varying number of values differ in text).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          statement = target.prepare(source);
          if (cache.size >= 200) cache.delete(cache.keys().next().value!);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

/**
 * The drivers are optional peer dependencies of the package: a receiver installs the one its
 * config names, and a site that only embeds the widget installs neither (nor compiles SQLite).
 */
async function driver<T>(name: string, load: () => Promise<{default: T}>, database: string): Promise<T> {
  try {
    return (await load()).default;
  } catch (error) {
    const {code, message} = error as {code?: string; message?: string};
    if (code !== 'ERR_MODULE_NOT_FOUND' || !message?.includes(`'${name}'`)) throw error;
    const allow = name === 'better-sqlite3' ? ' and allow its build: npm install-scripts approve better-sqlite3' : '';
    throw new Error(`a ${database} database needs the ${name} package: npm install ${name}${allow}`, {cause: error});
  }
}

/**
 * The file holds supporters' personal data: a folder the receiver makes is its user's alone, and
 * so is a new database file. SQLite gives its -wal and -shm files the database file's mode.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), {recursive: true, mode: 0o700});
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
}

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if (location.kind === 'sqlite') {
    if (location.path !== ':memory:') createPrivately(location.path);
    const SQLiteDatabase = await driver('better-sqlite3', () => import('better-sqlite3'), 'SQLite');
    const sqlite = new SQLiteDatabase(location.path);
    // WAL lets the organizer's reads run beside writes; FULL makes each commit survive a power
    // cut, not only a crash of the process, before the receiver says "stored".
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // Erased and scrubbed values are overwritten with zeros, not left in free space of the
    // file (and of every backup taken from it) until the page happens to be reused.
    sqlite.pragma('secure_delete = ON');
    const db = new Kysely<Tables>({dialect: new SqliteDialect({database: withStatementCache(sqlite)})});
    await migrate(db as Kysely<unknown>);
    const writes = new BatchedWrites(db);
    return {
      kind: 'sqlite',
      db,
      write: (job) => writes.write(job),
      async flushRemoved() {
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      },
      async close() {
        await writes.idle();
        await db.destroy();
      },
    };
  }
  const {Pool} = await driver('pg', () => import('pg'), 'PostgreSQL');
  const pool = new Pool({connectionString: location.url, max: 10});
  const db = new Kysely<Tables>({dialect: new PostgresDialect({pool})});
  await migrate(db as Kysely<unknown>);
  return {
    kind: 'postgres',
    db,
    // PostgreSQL commits concurrent transactions together by itself.
    write: (job) => db.transaction().execute(job),
    // PostgreSQL's dead row versions go with (auto)vacuum; see README, "Security notes".
    flushRemoved: async () => undefined,
    close: () => db.destroy(),
  };
}
