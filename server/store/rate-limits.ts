import {createHash} from 'node:crypto';
import {sql} from 'kysely';
import type {Tx} from '../db/database.js';

export interface Window {
  max: number;
  perSeconds: number;
}

/** An address or email as a counter key: the counter needs to tell them apart, not to read them. */
export function hashKey(kind: string, value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('base64url').slice(0, 32)}`;
}

/** One counter to count against: its key and its window. */
export interface Counter {
  key: string;
  limit: Window;
}

/** Refused by a full window: the caller's transaction is rolled back, and the client waits this long. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`);
  }
}

/**
 * Counts one more submission in each counter's current fixed window, in the caller's
 * transaction and in one statement, and says how long to wait when any window is full. Kept
 * in the database so that every receiver process on it counts together.
 */
export async function countAndCheck(tx: Tx, counters: Counter[], now: Date): Promise<{retryAfterSeconds: number} | undefined> {
  const seconds = Math.floor(now.getTime() / 1000);
  const windows = counters.map(({key, limit}) => {
    const window = Math.floor(seconds / limit.perSeconds);
    return {key, limit, window, endsAt: (window + 1) * limit.perSeconds};
  });
  const rows = await tx
    .insertInto('rate_limits')
    .values(windows.map(({key, window, endsAt}) => ({key, window, count: 1, expires_at: new Date(endsAt * 1000).toISOString()})))
    .onConflict((oc) => oc.columns(['key', 'window']).doUpdateSet({count: sql`rate_limits.count + 1`}))
    .returning(['key', 'count'])
    .execute();
  const waits = windows
    .filter(({key, limit}) => Number(rows.find((row) => row.key === key)?.count ?? 0) > limit.max)
    .map(({endsAt}) => Math.max(1, endsAt - seconds));
  return waits.length ? {retryAfterSeconds: Math.max(...waits)} : undefined;
}

export async function forgetExpiredWindows(tx: Tx, now: Date): Promise<void> {
  await tx.deleteFrom('rate_limits').where('expires_at', '<', now.toISOString()).execute();
}
