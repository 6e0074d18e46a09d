import * as z from 'zod/mini';
import {once} from '../once.js';
import {submissionSchema} from '../send/submission-schema.js';
import {readStored, removeStored, writeStored, type StorageKind} from '../platform/storage.js';

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
 *
 * Consent and a submission on its way belong to the organizer and the endpoint they were given
 * for: they are stored with both (`consentFor`, `pendingFor`), and come back only where both
 * match (see `restorable`). Another organizer's widget for the same campaign on the same site
 * shares the storage key, and must not get them.
 */
export const MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

/** Whom consent was given to and where a submission was going: the widget's `org` and `endpoint`. */
export interface DraftOwner {
  endpoint: string | null;
  org: string | null;
}

const savedSchema = once(() => {
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

const sameOwner = (a: DraftOwner | undefined, b: DraftOwner): boolean => a?.endpoint === b.endpoint && a?.org === b.org;

/** A submission that was on its way, with where it was going. */
export interface Pending {
  submission: NonNullable<SavedDraft['pending']>;
  madeFor: DraftOwner;
}

/**
 * What a saved draft gives back to the widget that is `here`. Picks and the message always
 * come back; consent only to the organizer and endpoint it was given for. A pending submission
 * comes back whole, with its owner, so that it stays stored for the page it belongs to;
 * `offerHere` says whether this widget may offer it.
 */
export function restorable(saved: SavedDraft, here: DraftOwner) {
  const pending: Pending | null = saved.pending && saved.pendingFor ? {submission: saved.pending, madeFor: saved.pendingFor} : null;
  return {
    picks: saved.picks,
    edited: saved.edited,
    consent: saved.consent && sameOwner(saved.consentFor, here),
    pending,
  };
}

/** Whether a pending submission may be offered, and sent, by the widget that is `here`. */
export const offerHere = (pending: Pending | null, here: DraftOwner): boolean => pending !== null && sameOwner(pending.madeFor, here);

const personalSchema = once(() => z.object({name: z.string(), email: z.string(), postalCode: z.string()}));
export type PersonalDraft = z.infer<ReturnType<typeof personalSchema>>;

export interface Draft {
  saved?: SavedDraft;
  personal?: PersonalDraft;
}

function read<T>(kind: StorageKind, key: string, schema: () => z.ZodMiniType<T>): T | undefined {
  const raw = readStored(kind, key);
  if (raw === null) return undefined;
  try {
    const result = schema().safeParse(JSON.parse(raw));
    return result.success ? result.data : undefined;
  } catch {
    // A corrupt entry: start fresh rather than fail.
    return undefined;
  }
}

export class DraftStore {
  private readonly key: string;

  /** One draft per campaign, and per widget where a page has several with ids. */
  constructor(campaignId: string, instance?: string | null) {
    this.key = `civic-action:draft:${campaignId}${instance ? `:${instance}` : ''}`;
  }

  load(now = Date.now()): Draft {
    const saved = read('local', this.key, savedSchema);
    if (saved && now - saved.savedAt > MAX_AGE_MS) {
      this.clear();
      return {};
    }
    const personal = read('session', this.key, personalSchema);
    return {...(saved ? {saved} : {}), ...(personal ? {personal} : {})};
  }

  save(saved: SavedDraft, personal: PersonalDraft): void {
    writeStored('local', this.key, JSON.stringify(saved));
    writeStored('session', this.key, JSON.stringify(personal));
  }

  clear(): void {
    removeStored('local', this.key);
    removeStored('session', this.key);
  }
}
