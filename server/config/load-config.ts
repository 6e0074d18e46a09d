import {createPrivateKey, type KeyObject} from 'node:crypto';
import {readFileSync} from 'node:fs';
import type * as z from 'zod';
import {dirname, isAbsolute, resolve} from 'node:path';
import {campaignSchema, type Campaign} from '../../src/campaign/campaign-schema.js';
import {defaultCampaign} from '../../src/campaign/default-campaign.complete.js';
import {normalizeName, receiverConfigSchema, recipientNames, type ReceiverConfig} from './config-schema.js';

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
  /**
   * Each campaign's texts, by id, where the receiver has them: its `campaignFile`, or the
   * built-in campaign for its id. A plain form post (no script) is composed from them.
   */
  campaignTexts: Map<string, Campaign>;
}

const pathText = (path: readonly PropertyKey[]) => path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');

function describe(issue: {path: readonly PropertyKey[]; message: string}): string {
  return `${issue.path.length ? pathText(issue.path) : '(the file)'}: ${issue.message}`;
}

type SchemaDef = {type: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; element?: unknown; options?: unknown[]};
const defOf = (schema: unknown) => (schema as {_zod: {def: SchemaDef}})._zod.def;

/** The keys the config's schema allows in the object at `path`. */
function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const def = defOf(schema);
  if (def.innerType) return keysAt(def.innerType, path);
  if (def.type === 'pipe') return keysAt(def.in, path);
  if (def.type === 'union') return def.options!.flatMap((option) => keysAt(option, path));
  const [head, ...rest] = path;
  if (def.type === 'array') return head === undefined ? [] : keysAt(def.element, rest);
  if (def.type !== 'object') return [];
  if (head === undefined) return Object.keys(def.shape!);
  const next = def.shape![String(head)];
  return next ? keysAt(next, rest) : [];
}

/** Edits (insert, delete, change, swap two neighbours) from one word to the other, ignoring case. */
function distance(a: string, b: string): number {
  [a, b] = [a.toLowerCase(), b.toLowerCase()];
  const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** One line per unknown key, naming it, with the allowed key it most likely meant. */
function describeUnknownKeys(issue: {path: readonly PropertyKey[]; keys: string[]}): string[] {
  const known = keysAt(receiverConfigSchema, issue.path);
  return issue.keys.map((key) => {
    const near = known.map((k) => ({k, d: distance(key, k)})).sort((x, y) => x.d - y.d)[0];
    const hint = near && near.d <= 2 && near.d < key.length / 2 ? ` (did you mean "${near.k}"?)` : '';
    return `${pathText([...issue.path, key])}: is not a setting${hint}`;
  });
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? describeUnknownKeys(issue) : [describe(issue)]));
}

/**
 * Reads each campaign's `campaignFile` (relative to `baseDir`) and checks it against the widget's
 * campaign schema, and against the config: the same id, and officials the config knows, since a
 * message composed from it is checked against `recipients` like any other.
 */
function readCampaignTexts(config: ReceiverConfig, baseDir: string, problems: string[]): Map<string, Campaign> {
  const texts = new Map<string, Campaign>();
  config.campaigns.forEach((campaign, index) => {
    const at = `campaigns[${index}].campaignFile`;
    if (!campaign.campaignFile) {
      if (campaign.id === defaultCampaign.id) texts.set(campaign.id, defaultCampaign);
      return;
    }
    const file = isAbsolute(campaign.campaignFile) ? campaign.campaignFile : resolve(baseDir, campaign.campaignFile);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(code ? `${at}: ${file} cannot be read (${code})` : `${at}: ${file} is not valid JSON: ${(error as Error).message}`);
      return;
    }
    const parsed = campaignSchema().safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${at}: ${issue.path.length ? `${pathText(issue.path)}: ` : ''}${issue.message}`);
      return;
    }
    if (parsed.data.id !== campaign.id) problems.push(`${at}: the file's id is "${parsed.data.id}", not "${campaign.id}"`);
    const allowed = recipientNames(campaign);
    for (const recipient of parsed.data.recipients ?? []) {
      for (const name of Object.values(recipient.name)) {
        if (!allowed.has(normalizeName(name))) problems.push(`${at}: its recipient "${name}" is not one of campaigns[${index}].recipients`);
      }
    }
    texts.set(campaign.id, parsed.data);
  });
  return texts;
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Where the user name and password of a `scheme://…` URL end in `template` (its last `@` before
 * the host), read before anything is filled in: a value with `@`, `/` or `#` in it must not move
 * that boundary. Undefined when the template has no user part, or is no such URL (`sqlite:…`, `${URL}`).
 */
function userinfoOf(template: string): {start: number; end: number} | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(template);
  if (!scheme) return undefined;
  let end = -1;
  for (let i = scheme[0].length; i < template.length; i++) {
    const placeholder = template.startsWith('${', i) ? template.indexOf('}', i) : -1;
    if (placeholder !== -1) {
      i = placeholder;
      continue;
    }
    const c = template[i]!;
    if (c === '/' || c === '?' || c === '#') break;
    if (c === '@') end = i;
  }
  return end === -1 ? undefined : {start: scheme[0].length, end};
}

/**
 * Replaces each `${NAME}` with the environment variable NAME; a missing one is a problem, not an
 * empty string. In a URL's user name or password the value is percent-encoded (and decoded again
 * by pg and nodemailer), so a password such as `p@ss/w:rd#1` stays a password: inserted as it is,
 * its `@` would choose the host, and credentials would go to that server.
 */
export function fillFromEnvironment(value: string, env: NodeJS.ProcessEnv, path: string, problems: string[]): string {
  const userinfo = userinfoOf(value);
  return value.replace(PLACEHOLDER, (_, name: string, offset: number) => {
    const found = env[name];
    if (found === undefined || found === '') problems.push(`${path}: the environment variable ${name} is not set`);
    return userinfo && offset >= userinfo.start && offset < userinfo.end ? encodeURIComponent(found ?? '') : (found ?? '');
  });
}

/**
 * A filled-in URL setting as its driver will read it: one Node cannot parse fails there, later,
 * as if the database or the mail server were at fault. The URL is not quoted: it may hold a password.
 */
function checkUrl(url: string, path: string, needsHost: boolean, problems: string[]): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(`${path}: not a URL that can be read (is the port a number? write the password as \${NAME}, which is percent-encoded, or percent-encode @ / : # % in it)`);
    return;
  }
  if (needsHost && !parsed.hostname) problems.push(`${path}: names no host`);
}

/**
 * nodemailer signs only with RSA (`a=rsa-sha256`), and when it cannot sign it sends the email
 * unsigned, saying nothing: a key it cannot use would show only as offices' filters marking the
 * organization's mail as forged. The key is not quoted.
 */
function checkDkimKey(privateKey: string, problems: string[]): void {
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKey);
  } catch (error) {
    problems.push(`dkim.privateKey: not a private key that can be loaded (${(error as Error).message}); give the PEM text with its line breaks, unencrypted`);
    return;
  }
  if (key.asymmetricKeyType !== 'rsa') problems.push(`dkim.privateKey: a ${key.asymmetricKeyType ?? 'non-RSA'} key; DKIM signing here needs an RSA key`);
}

/** Validates a config object; `baseDir` is where a relative SQLite path starts (the file's folder). */
export function parseConfig(raw: unknown, options: {file?: string; baseDir: string; env?: NodeJS.ProcessEnv}): LoadedConfig {
  const file = options.file ?? 'config';
  const result = receiverConfigSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(file, describeIssues(result.error.issues));
  const problems: string[] = [];
  const env = options.env ?? process.env;
  const database = fillFromEnvironment(result.data.database, env, 'database', problems);
  const smtp = result.data.smtp && {...result.data.smtp, url: fillFromEnvironment(result.data.smtp.url, env, 'smtp.url', problems)};
  const dkim = result.data.dkim && {...result.data.dkim, privateKey: fillFromEnvironment(result.data.dkim.privateKey, env, 'dkim.privateKey', problems)};
  const campaignTexts = readCampaignTexts(result.data, options.baseDir, problems);
  if (problems.length) throw new ConfigError(file, problems);
  // A PostgreSQL host may be a socket folder given as ?host=, so only an SMTP URL needs a host.
  if (!database.startsWith('sqlite:')) checkUrl(database, 'database', false, problems);
  if (smtp) checkUrl(smtp.url, 'smtp.url', true, problems);
  if (dkim) checkDkimKey(dkim.privateKey, problems);
  if (problems.length) throw new ConfigError(file, problems);
  let databaseLocation: DatabaseLocation;
  if (database.startsWith('sqlite:')) {
    const path = database.slice('sqlite:'.length);
    if (!path) throw new ConfigError(file, ['database: "sqlite:" needs a file path, such as "sqlite:data/civic-action.sqlite"']);
    databaseLocation = {kind: 'sqlite', path: path === ':memory:' ? path : isAbsolute(path) ? path : resolve(options.baseDir, path)};
  } else {
    databaseLocation = {kind: 'postgres', url: database};
  }
  return {...result.data, smtp, dkim, databaseLocation, campaignTexts};
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
