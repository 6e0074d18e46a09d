import * as z from 'zod/mini';
import {once} from '../once.js';
import {submissionSchema} from '../send/submission-schema.js';

/**
 * What a supporter has picked and typed, kept so that a reload, a crash or a closed tab
 * loses nothing.
 *
 * Where each part is kept, and why:
 * - picks, the edited message and consent: `localStorage`, so they survive a closed tab;
 * - name, email and postal code: `sessionStorage`, so they survive a reload and a reopened
 *   tab but not a new visit on a shared computer;
 * - a submission that was on its way when the page closed: `localStorage`, whole (personal
 *   fields included), so that the next visit can offer to send the very same submission,
 *   with the same id; it is removed once sent or discarded.
 * Everything expires after `MAX_AGE_MS`, and a successful send clears it all.
 */
export const MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

const savedSchema = once(() =>
  z.object({
    savedAt: z.number(),
    picks: z.array(z.string()),
    edited: z.nullable(z.object({text: z.string(), locale: z.string()})),
    consent: z.boolean(),
    pending: z.optional(submissionSchema()),
  }),
);
export type SavedDraft = z.infer<ReturnType<typeof savedSchema>>;

const personalSchema = once(() => z.object({name: z.string(), email: z.string(), postalCode: z.string()}));
export type PersonalDraft = z.infer<ReturnType<typeof personalSchema>>;

export interface Draft {
  saved?: SavedDraft;
  personal?: PersonalDraft;
}

function read<T>(storage: () => Storage, key: string, schema: () => z.ZodMiniType<T>): T | undefined {
  try {
    const raw = storage().getItem(key);
    if (raw === null) return undefined;
    const result = schema().safeParse(JSON.parse(raw));
    return result.success ? result.data : undefined;
  } catch {
    // Blocked storage or a corrupt entry: start fresh rather than fail.
    return undefined;
  }
}

function write(storage: () => Storage, key: string, value: unknown): void {
  try {
    storage().setItem(key, JSON.stringify(value));
  } catch {
    // Blocked or full storage: the widget still works, it just cannot remember.
  }
}

function remove(storage: () => Storage, key: string): void {
  try {
    storage().removeItem(key);
  } catch {
    // Nothing to do where storage is blocked.
  }
}

export class DraftStore {
  private readonly key: string;

  /** One draft per campaign, and per widget where a page has several with ids. */
  constructor(campaignId: string, instance?: string | null) {
    this.key = `civic-action:draft:${campaignId}${instance ? `:${instance}` : ''}`;
  }

  load(now = Date.now()): Draft {
    const saved = read(() => localStorage, this.key, savedSchema);
    if (saved && now - saved.savedAt > MAX_AGE_MS) {
      this.clear();
      return {};
    }
    const personal = read(() => sessionStorage, this.key, personalSchema);
    return {...(saved ? {saved} : {}), ...(personal ? {personal} : {})};
  }

  save(saved: SavedDraft, personal: PersonalDraft): void {
    write(() => localStorage, this.key, saved);
    write(() => sessionStorage, this.key, personal);
  }

  clear(): void {
    remove(() => localStorage, this.key);
    remove(() => sessionStorage, this.key);
  }
}
