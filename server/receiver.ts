import {serve, type ServerType} from '@hono/node-server';
import type {Hono} from 'hono';
import type {LoadedConfig} from './config/load-config.js';
import {openDatabase, type Database} from './db/database.js';
import {DeliveryWorker, type WorkerOptions} from './delivery/worker.js';
import {createApp} from './http/app.js';
import {forgetExpiredWindows} from './store/rate-limits.js';
import {scrubOlderThan} from './store/submissions.js';

export interface ReceiverOptions {
  config: LoadedConfig;
  adminToken?: string | undefined;
  log?: (line: string) => void;
  now?: () => Date;
  /** Options for the in-process delivery worker (a test's transport, faster retries). */
  worker?: Partial<Omit<WorkerOptions, 'config' | 'database'>>;
}

export interface Receiver {
  app: Hono;
  database: Database;
  /** The in-process delivery worker, when the config has `smtp` and `delivery.worker` is `inline`. */
  worker: DeliveryWorker | undefined;
  /** Scrubs personal data past the retention period and forgets old rate-limit windows. */
  maintain(): Promise<{scrubbed: number}>;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
/** How long a stop waits for requests in flight before it closes their connections. */
const STOP_GRACE_MS = 10_000;

/**
 * The receiver could not start, and says which part failed: a mail server's URL that cannot be
 * used is not the database's fault, and an operator told so looks in the wrong place.
 */
export class CannotStart extends Error {}

async function openOrExplain(config: LoadedConfig): Promise<Database> {
  try {
    return await openDatabase(config.databaseLocation);
  } catch (error) {
    throw new CannotStart(`cannot open the database (${config.databaseLocation.kind}): ${(error as Error).message}`, {cause: error});
  }
}

async function workerOrExplain(database: Database, options: WorkerOptions): Promise<DeliveryWorker> {
  try {
    return new DeliveryWorker(options);
  } catch (error) {
    await database.close();
    throw new CannotStart(`cannot set up delivery through smtp.url: ${(error as Error).message}`, {cause: error});
  }
}

/** The receiver without a socket: for tests, and for hosts that mount the Hono app themselves. */
export async function createReceiver({config, adminToken, log, now = () => new Date(), worker: workerOptions}: ReceiverOptions): Promise<Receiver> {
  const database = await openOrExplain(config);
  const worker =
    config.smtp && config.delivery.worker === 'inline' ? await workerOrExplain(database, {config, database, now, ...(log ? {log} : {}), ...workerOptions}) : undefined;
  const app = createApp({config, database, adminToken, now, ...(log ? {log} : {}), ...(worker ? {onWork: () => worker.wake()} : {})});
  return {
    app,
    database,
    worker,
    async maintain() {
      const at = now();
      const result = await database.write(async (tx) => {
        const scrubbed = await scrubOlderThan(tx, new Date(at.getTime() - config.retentionDays * DAY_MS), at);
        await forgetExpiredWindows(tx, at);
        return {scrubbed};
      });
      if (result.scrubbed) await database.flushRemoved();
      return result;
    },
    async close() {
      await worker?.stop();
      await database.close();
    },
  };
}

/** `civic-action-receiver --worker`: delivery alone, beside receivers whose config says `"worker": "separate"`. */
export async function startWorker(options: ReceiverOptions): Promise<{worker: DeliveryWorker; stop(): Promise<void>}> {
  if (!options.config.smtp) throw new Error('the config has no "smtp": there is nothing to deliver through');
  const database = await openOrExplain(options.config);
  const worker = await workerOrExplain(database, {config: options.config, database, holdProcess: true, ...(options.log ? {log: options.log} : {}), ...(options.now ? {now: options.now} : {}), ...options.worker});
  worker.start();
  return {
    worker,
    async stop() {
      await worker.stop();
      await database.close();
    },
  };
}

export interface RunningReceiver extends Receiver {
  server: ServerType;
  port: number;
  /** Stops taking connections, finishes what was taken, then closes the database. */
  stop(): Promise<void>;
}

/** The port could not be had (in use, or not allowed): the receiver closed what it had opened. */
export class CannotListen extends CannotStart {}

function listen(app: Hono, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({fetch: app.fetch, port, hostname}, () => {
      server.off('error', fail);
      resolve(server);
    });
    function fail(error: NodeJS.ErrnoException) {
      const why = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.code === 'EACCES' ? 'not allowed to use this port' : error.message;
      reject(new CannotListen(`cannot listen on ${hostname}:${port}: ${why}${error.code ? ` (${error.code})` : ''}`, {cause: error}));
    }
    server.once('error', fail);
  });
}

/** The receiver on a port, with its hourly maintenance. */
export async function startReceiver(options: ReceiverOptions & {port: number; host?: string}): Promise<RunningReceiver> {
  const log = options.log ?? ((line: string) => console.log(line));
  const receiver = await createReceiver({...options, log});
  const runMaintenance = () =>
    receiver.maintain().then(
      ({scrubbed}) => scrubbed && log(`retention: personal data of ${scrubbed} submission(s) older than ${options.config.retentionDays} days scrubbed`),
      (error: unknown) => log(`retention: failed: ${String(error)}`),
    );
  await runMaintenance();
  // The worker starts only once the port is ours: a receiver that cannot listen claims no email.
  const server = await listen(receiver.app, options.port, options.host ?? '127.0.0.1').catch(async (error: unknown) => {
    await receiver.close();
    throw error;
  });
  receiver.worker?.start();
  const timer = setInterval(runMaintenance, 3_600_000);
  timer.unref();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let stopping: Promise<void> | undefined;
  // Once stopping, every answer closes its connection: a client that keeps a keep-alive
  // connection busy would otherwise hold the shutdown open for as long as it keeps sending.
  server.on('request', (_request, response) => {
    if (stopping) response.setHeader('Connection', 'close');
  });
  return {
    ...receiver,
    server,
    port,
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        await new Promise<void>((resolve) => {
          // close() waits for requests in flight; idle keep-alive sockets would hold it open.
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
          // A request that never ends must not keep the process from stopping.
          setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), STOP_GRACE_MS).unref();
        });
        await receiver.close();
      })();
      return stopping;
    },
  };
}
