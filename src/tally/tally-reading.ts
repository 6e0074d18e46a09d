import * as z from 'zod/mini';
import {once} from '../once.js';
import {describeIssues} from '../campaign/describe-issues.js';
import type {Tally} from './tally.js';
import {fetchJson} from '../fetch-json.js';

const count = () => z.int().check(z.gte(0));

/**
 * What `tally-src` answers, as the reference receiver serves it at `GET /campaigns/<id>/tally`.
 * Ids the campaign does not have are let through (a receiver may know of recommendations an
 * older campaign file lacks) and never shown.
 */
export const tallySchema = once(() =>
  z.object({
    total: count(),
    recommendations: z.optional(z.record(z.string(), count())),
  }),
);

/**
 * A tally that can be shown, or what is wrong with it. A count above the total cannot be true
 * (each person backs a recommendation at most once), so it says the counts are not what the
 * widget takes them for, and none of them is shown.
 */
export function readTally(data: unknown): {tally: Tally} | {problem: string} {
  const parsed = tallySchema().safeParse(data);
  if (!parsed.success) return {problem: describeIssues(parsed.error.issues)};
  const {total, recommendations = {}} = parsed.data;
  const over = Object.entries(recommendations).find(([, n]) => n > total);
  if (over) return {problem: `recommendations.${over[0]}: ${over[1]} is more than total (${total})`};
  return {tally: {total, recommendations}};
}

/**
 * Fetches and reads a tally; throws an Error saying what was wrong with it (see `fetchJson`).
 * In the checks' chunk with the schema that reads it: a tally is fetched when the page is idle.
 */
export async function fetchTally(url: URL, timeoutMs: number): Promise<Tally> {
  const read = readTally(await fetchJson(url, timeoutMs));
  if ('problem' in read) throw new Error(`its answer is not a tally: ${read.problem}`);
  return read.tally;
}
