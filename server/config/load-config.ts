import {readFileSync} from 'node:fs';
import {dirname, isAbsolute, resolve} from 'node:path';
import type * as z from 'zod';
import {receiverConfigSchema, type ReceiverConfig} from './config-schema.js';

/** A config that cannot be used: one line per problem, each naming its path in the file. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Where the database is, once `${NAME}`s are filled in and a SQLite path is made absolute. */
export type DatabaseLocation = {kind: 'sqlite'; path: string} | {kind: 'postgres'; url: string};

export interface LoadedConfig extends ReceiverConfig {
  databaseLocation: DatabaseLocation;
}

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '') : '(the file)';
  return `${path}: ${issue.message}`;
}

/** Replaces each `${NAME}` with the environment variable NAME; a missing one is a problem, not an empty string. */
export function fillFromEnvironment(value: string, env: NodeJS.ProcessEnv, path: string, problems: string[]): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = env[name];
    if (found === undefined || found === '') problems.push(`${path}: the environment variable ${name} is not set`);
    return found ?? '';
  });
}

/** Validates a config object; `baseDir` is where a relative SQLite path starts (the file's folder). */
export function parseConfig(raw: unknown, options: {file?: string; baseDir: string; env?: NodeJS.ProcessEnv}): LoadedConfig {
  const file = options.file ?? 'config';
  const result = receiverConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(file, result.error.issues.map(describe));
  const problems: string[] = [];
  const env = options.env ?? process.env;
  const database = fillFromEnvironment(result.data.database, env, 'database', problems);
  const smtp = result.data.smtp && {...result.data.smtp, url: fillFromEnvironment(result.data.smtp.url, env, 'smtp.url', problems)};
  const dkim = result.data.dkim && {...result.data.dkim, privateKey: fillFromEnvironment(result.data.dkim.privateKey, env, 'dkim.privateKey', problems)};
  if (problems.length) throw new ConfigError(file, problems);
  let databaseLocation: DatabaseLocation;
  if (database.startsWith('sqlite:')) {
    const path = database.slice('sqlite:'.length);
    if (!path) throw new ConfigError(file, ['database: "sqlite:" needs a file path, such as "sqlite:data/civic-action.sqlite"']);
    databaseLocation = {kind: 'sqlite', path: path === ':memory:' ? path : isAbsolute(path) ? path : resolve(options.baseDir, path)};
  } else {
    databaseLocation = {kind: 'postgres', url: database};
  }
  return {...result.data, smtp, dkim, databaseLocation};
}

export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`(the file): cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`(the file): not valid JSON: ${(error as Error).message}`]);
  }
  return parseConfig(raw, {file, baseDir: dirname(resolve(file)), env});
}
