import {parseArgs} from 'node:util';
import {ConfigError, loadConfigFile} from './config/load-config.js';
import {CannotStart, startReceiver, startWorker} from './receiver.js';

const USAGE = `Usage: civic-action-receiver --config <file> [--port <n>] [--host <address>] [--check | --worker]

  --config <file>   the receiver's JSON config (see schema/receiver-config.schema.json)
  --port <n>        port to listen on (default: $PORT, else 8787)
  --host <address>  address to listen on (default 127.0.0.1; put a TLS proxy in front)
  --check           validate the config and the database connection, then exit
  --worker          deliver email only, no HTTP (for "delivery": {"worker": "separate"})

Environment: CIVIC_ACTION_ADMIN_TOKEN turns on the organizer's side (/admin) and is its bearer token.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let values;
  try {
    ({values} = parseArgs({
      args: argv,
      options: {config: {type: 'string'}, port: {type: 'string'}, host: {type: 'string'}, check: {type: 'boolean'}, worker: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}},
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.config) fail(`--config is required.\n\n${USAGE}`);
  const portText = values.port ?? process.env.PORT ?? '8787';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: "${portText}" is not a port number (0 to 65535).`);

  let config;
  try {
    config = loadConfigFile(values.config);
  } catch (error) {
    if (error instanceof ConfigError) fail(`civic-action-receiver: the config cannot be used.\n${error.message}`);
    throw error;
  }
  if (values.worker) {
    const running = await startWorker({config}).catch((error: unknown) => fail(`civic-action-receiver --worker: ${(error as Error).message}`));
    console.log(`civic-action-receiver worker delivering (${config.databaseLocation.kind}, ${config.smtp ? new URL(config.smtp.url).host : ''})`);
    const stopWorker = (signal: string) => {
      console.log(`${signal}: finishing the emails in hand, then stopping`);
      running.stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGTERM', () => stopWorker('SIGTERM'));
    process.once('SIGINT', () => stopWorker('SIGINT'));
    return;
  }
  const adminToken = process.env.CIVIC_ACTION_ADMIN_TOKEN || undefined;
  const receiver = await startReceiver({config, adminToken, port: values.check ? 0 : port, ...(values.host ? {host: values.host} : {})}).catch((error: unknown) =>
    fail(`civic-action-receiver: ${error instanceof CannotStart ? error.message : `cannot start: ${(error as Error).message}`}`),
  );
  if (values.check) {
    await receiver.stop();
    process.stdout.write(`config and database OK: ${config.campaigns.length} campaign(s), ${config.databaseLocation.kind}\n`);
    return;
  }
  console.log(
    `civic-action-receiver listening on http://${values.host ?? '127.0.0.1'}:${receiver.port} (${config.databaseLocation.kind}; ${config.campaigns.map((c) => c.id).join(', ')}; organizer's side ${adminToken ? 'on' : 'off: set CIVIC_ACTION_ADMIN_TOKEN'}; delivery ${receiver.worker ? 'by this process' : config.smtp ? 'by separate --worker processes' : 'off: no smtp in the config'})`,
  );
  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing requests in flight, then stopping`);
    receiver.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
