import type * as z from 'zod/mini';
import type {Campaign} from '../campaign/campaign-schema.js';
import {readStored, type StorageKind} from '../platform/storage.js';
import type {EditedMessage, FormState} from '../state/form-state.js';
import type {SupporterFields} from '../form/supporter-fields.js';
import {personalSchema, savedSchema, type PersonalDraft, type SavedDraft} from './draft-schemas.js';
import {DraftStore, MAX_AGE_MS, sameOwner, type DraftOwner, type Pending} from './draft-store.js';

// Reading a saved draft back, with the schemas that check it: in the checks' chunk, which the
// element loads before a render that restores a draft (see `hasDraft` and lazy/before-render.ts).

export interface Draft {
  saved?: SavedDraft;
  personal?: PersonalDraft;
}

/** A saved part, if it is what the widget saved. */
function read<T>(kind: StorageKind, key: string, schema: z.ZodMiniType<T>): T | undefined {
  const raw = readStored(kind, key);
  if (raw === null) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : undefined;
  } catch {
    // A corrupt entry: start fresh rather than fail.
    return undefined;
  }
}

/** What `store` holds, unless it is older than `MAX_AGE_MS`, when it is cleared. */
export function loadDraft(store: DraftStore, now = Date.now()): Draft {
  const saved = read('local', store.key, savedSchema());
  if (saved && now - saved.savedAt > MAX_AGE_MS) {
    store.clear();
    return {};
  }
  const personal = read('session', store.key, personalSchema());
  return {...(saved ? {saved} : {}), ...(personal ? {personal} : {})};
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

/**
 * The language of the message a saved draft holds as the reader edited it, if any: the render that
 * restores it shows that message, so it waits for that language's texts too (lazy/before-render.ts).
 */
export const savedEditedLocale = (campaignId: string, instance: string, now = Date.now()): string | undefined =>
  loadDraft(new DraftStore(campaignId, instance), now).saved?.edited?.locale;

/** The campaign's draft in `store` put into `form`, with a submission an earlier visit left on its way. */
export function restoreDraft(store: DraftStore, campaign: Campaign, owner: DraftOwner, form: FormState): {form: FormState; interrupted: Pending | null; restored: boolean} {
  const {saved, personal} = loadDraft(store);
  const given = saved ? restorable(saved, owner) : null;
  const interrupted = given?.pending?.submission.campaign === campaign.id ? given.pending : null;
  return {form: restoredFrom(form, {...(given ?? {}), ...(personal ? {personal} : {})}, campaign), interrupted, restored: Boolean(saved || personal)};
}

/** What a saved draft gives back (see `restorable`), put into the form. Here, with the only code that restores one: it comes with the checks' chunk. */
export function restoredFrom(
  state: FormState,
  draft: {picks?: readonly string[]; edited?: EditedMessage | null; consent?: boolean; personal?: Partial<SupporterFields>},
  campaign: Campaign,
): FormState {
  const ids = new Set(campaign.recommendations.map((r) => r.id));
  let next = state;
  if (draft.picks) next = {...next, picks: new Set(draft.picks.filter((id) => ids.has(id))), edited: draft.edited ?? null};
  if (draft.consent !== undefined) next = {...next, supporter: {...next.supporter, consent: draft.consent}};
  if (draft.personal) next = {...next, supporter: {...next.supporter, ...draft.personal}};
  return next;
}
