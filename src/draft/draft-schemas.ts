import * as z from 'zod/mini';
import {once} from '../once.js';
import {submissionSchema} from '../send/submission-schema.js';

// What draft-store.ts keeps, checked when it is read back: in the checks' chunk (lazy/checks.ts).
export const savedSchema = once(() => {
  const owner = z.object({endpoint: z.nullable(z.string()), org: z.nullable(z.string())});
  return z.object({
    savedAt: z.number(),
    picks: z.array(z.string()),
    edited: z.nullable(z.object({text: z.string(), locale: z.string()})),
    consent: z.boolean(),
    // Optional: drafts of the previous version have neither, and get neither consent nor pending back.
    consentFor: z.optional(owner),
    pending: z.optional(submissionSchema()),
    pendingFor: z.optional(owner),
  });
});
export type SavedDraft = z.infer<ReturnType<typeof savedSchema>>;

export const personalSchema = once(() => z.object({name: z.string(), email: z.string(), postalCode: z.string()}));
export type PersonalDraft = z.infer<ReturnType<typeof personalSchema>>;
