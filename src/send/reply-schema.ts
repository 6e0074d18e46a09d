import * as z from 'zod/mini';
import {once} from '../once.js';

/**
 * What a receiver may answer to a refused submission (4xx), documented for receivers in the
 * README. Field names are paths into the payload, such as `supporter.email`.
 */
export const errorReplySchema = once(() =>
  z.object({
    error: z.object({
      message: z.optional(z.string()),
      fields: z.optional(z.record(z.string(), z.string())),
    }),
  }),
);
export type ErrorReply = z.infer<ReturnType<typeof errorReplySchema>>;

/**
 * What a receiver may answer to a submission it took (2xx), documented for receivers in the
 * README. `status` is `stored`, `duplicate` (a repeat of one it has), or `confirm` (it waits
 * until the supporter opens a link emailed to them); any other status, or no JSON at all,
 * still means received.
 */
export const submitReplySchema = once(() =>
  z.object({
    status: z.optional(z.string()),
    id: z.optional(z.string()),
  }),
);
export type SubmitReply = z.infer<ReturnType<typeof submitReplySchema>>;
